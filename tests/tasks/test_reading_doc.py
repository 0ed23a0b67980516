"""The page "Đọc bảng tính" lists the recognised headings: generated from the label table.

Regenerate the block with ``python tests/tasks/test_reading_doc.py``.
"""

from __future__ import annotations

from pathlib import Path

from vn_skt.tasks import FUNDING_LABELS, HEADING_UNITS, PROGRESS_LABELS, TASK_LABELS

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reading-spreadsheets.md"
START, END = "<!-- headings: start -->", "<!-- headings: end -->"


def headings_block() -> str:
    lines = ["| trường (field) | tiêu đề (heading) | cũng nhận (also read) |", "|---|---|---|"]
    for name, label in TASK_LABELS.items():
        if name in ("funding", "checks", "releases", "spending", "events"):  # records, no column
            continue
        aliases = ", ".join(f"“{a}”" for a in label.aliases) or "—"
        lines.append(f"| `{name}` — {label.en} | “{label.header}” | {aliases} |")
    for name, label in FUNDING_LABELS.items():
        if name in ("state_budget_total", "total"):
            continue
        aliases = ", ".join(f"“{a}”" for a in label.aliases) or "—"
        lines.append(f"| `{name}` — {label.en} | “{label.header}” | {aliases} |")
    for name in ("checked_on", "done", "released", "spent"):  # the progress a sheet gives
        label = PROGRESS_LABELS[name]
        aliases = ", ".join(f"“{a}”" for a in label.aliases) or "—"
        lines.append(f"| `{name}` — {label.en} | “{label.header}” | {aliases} |")
    lines.append("")
    lines.append("Đơn vị trong tiêu đề (units in headings, in brackets or after a comma):")
    lines.append("")
    for unit, words in HEADING_UNITS.items():
        lines.append(f"- {unit}: " + ", ".join(f"“{w}”" for w in words))
    return "\n".join(lines)


def test_the_page_lists_the_label_tables_headings() -> None:
    text = PAGE.read_text(encoding="utf-8")
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == headings_block(), "run: python tests/tasks/test_reading_doc.py"


if __name__ == "__main__":
    print(headings_block())
