"""One table of task-field labels (labels.toml): the records' JSON Schema, the loader,
Task.row(), the frames and the HTML views all say the same thing (issue #20)."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import given

from vn_skt.errors import InvalidValue
from vn_skt.l10n import ColumnLabel, ColumnLabels, read_labels
from vn_skt.tasks import (
    COLUMN_TITLES,
    FUNDING_LABELS,
    TASK_LABELS,
    YEAR_SUMMARY_LABELS,
    Funding,
    Portfolio,
    Task,
    load_tasks,
)
from vn_skt.testing.strategies import tasks

# -- every field has one label, and the records carry it -------------------------------


def test_every_field_has_a_label() -> None:
    assert list(TASK_LABELS) == list(Task.model_fields)
    funding_properties = {"state_budget_total", "total"}
    assert set(FUNDING_LABELS) == set(Funding.model_fields) | funding_properties
    for name in funding_properties:
        assert isinstance(getattr(Funding, name), property)


@pytest.mark.parametrize(
    ("model", "labels"), [(Task, TASK_LABELS), (Funding, FUNDING_LABELS)], ids=["Task", "Funding"]
)
def test_field_titles_and_descriptions_are_the_tables(model: Any, labels: ColumnLabels) -> None:
    schema = model.model_json_schema()["properties"]
    for name, info in model.model_fields.items():
        label = labels[name]
        assert (info.title, info.description) == (label.vi, f"{label.vi} — {label.en}")
        assert schema[name]["title"] == label.vi
        assert schema[name]["description"] == label.description


def test_column_titles_keep_their_shape_and_values() -> None:
    assert COLUMN_TITLES == {
        "code": "Mã số",
        "title": "Tên nhiệm vụ",
        "type": "Loại nhiệm vụ",
        "level": "Cấp quản lý",
        "field": "Lĩnh vực",
        "principal_investigator": "Chủ nhiệm",
        "host_organization": "Tổ chức chủ trì",
        "start": "Thời gian bắt đầu",
        "end": "Thời gian kết thúc",
        "extended_to": "Gia hạn đến",
        "selection": "Phương thức giao",
        "status": "Trạng thái",
        "approved_by": "Quyết định phê duyệt",
        "accepted_on": "Ngày nghiệm thu",
        "acceptance_rating": "Kết quả nghiệm thu",
        "terminated_on": "Ngày dừng thực hiện",
        "filed_on": "Ngày nộp hồ sơ",
        "notes": "Ghi chú",
        "counterpart": "Kinh phí đối ứng",
        "other": "Kinh phí nguồn khác",
    }


# -- the loader reads every header the table gives ---------------------------------------

REQUIRED = {
    "code": "A",
    "title": "T",
    "type": "Đề tài",
    "level": "Cấp tỉnh",
    "field": "Khoa học xã hội",
    "principal_investigator": "X",
    "host_organization": "Y",
    "start": "01/2025",
    "end": "12/2025",
}
CELLS: dict[str, tuple[str, Any]] = {  # a cell for each field, and what it reads as
    **{name: (text, None) for name, text in REQUIRED.items()},
    "extended_to": ("06/2026", date(2026, 6, 30)),
    "selection": ("Tuyển chọn", "OPEN_SELECTION"),
    "status": ("Đang thực hiện", "IN_PROGRESS"),
    "accepted_on": ("20/12/2025", date(2025, 12, 20)),
    "terminated_on": ("01/06/2025", date(2025, 6, 1)),
    "notes": ("ghi chú", "ghi chú"),
    "counterpart": ("100", 100),
    "other": ("5", 5),
    "state_budget": ("300", {2025: 300}),
}


def spellings(label: ColumnLabel) -> list[str]:
    """Every header the label allows: name, title, header, aliases with each optional
    part present or absent, {year} as 2025 (a per-year column always names its year)."""
    texts = [label.name, label.vi, label.header, *label.aliases]
    if "{year}" in label.header:
        texts = [label.header, *label.aliases]
    out = []
    for text in texts:
        parts = re.split(r"(\[[^\]]*\])", text.replace("{year}", "2025"))
        options = [[p[1:-1], ""] if p.startswith("[") else [p] for p in parts]
        out += ["".join(choice) for choice in itertools.product(*options)]
    return out


def read_back(name: str, header: str) -> Task:
    row: dict[str, Any] = {k: v for k, v in REQUIRED.items() if k != name}
    row[header] = CELLS[name][0]
    result = load_tasks([row])
    assert result.ok and result.warnings == (), (header, result.errors, result.warnings)
    return result.tasks[0]


LOADABLE = [
    label for label in [*TASK_LABELS.values(), *FUNDING_LABELS.values()] if label.name in CELLS
]


@pytest.mark.parametrize("label", LOADABLE, ids=lambda label: label.name)
def test_every_header_of_the_table_names_its_field(label: ColumnLabel) -> None:
    headers = spellings(label)
    assert headers, label
    for header in headers:
        for written in (header, header.upper(), f"{header} (triệu đồng)"):
            if "(" in written and label.unit is None:
                continue  # a unit is for money columns
            task = read_back(label.name, written)
            where = task.funding if label.name in Funding.model_fields else task
            got = getattr(where, label.name)
            expected = CELLS[label.name][1]
            if expected is None:
                assert (
                    got == Task.model_validate(load_tasks([REQUIRED]).tasks[0]).__dict__[label.name]
                )
            elif written.endswith("(triệu đồng)"):
                scale = 1_000_000
                want = (
                    {y: a * scale for y, a in expected.items()}
                    if isinstance(expected, dict)
                    else expected * scale
                )
                assert got == want, written
            else:
                assert got == expected or getattr(got, "name", None) == expected, written


def test_totals_are_checked_and_a_state_budget_without_a_year_names_one() -> None:
    row = {**REQUIRED, "Kinh phí NSNN năm 2025": "7", "Tổng kinh phí (đồng)": "9"}
    result = load_tasks([row])
    assert result.tasks[0].funding.state_budget == {2025: 7}
    (warning,) = result.warnings
    assert (warning.row, warning.column, warning.value) == (1, "Tổng kinh phí (đồng)", "9")
    assert warning.message == ("Kinh phí tổng = 9 đồng nhưng các cột thành phần cộng lại 7 đồng")
    nested = load_tasks([{**REQUIRED, "funding": {"counterpart": 7}}])
    assert nested.tasks[0].funding.counterpart == 7
    # a state budget with no year: the task's only year, else an error naming the column
    one_year = load_tasks([{**REQUIRED, "Kinh phí NSNN": "7"}])
    assert one_year.tasks[0].funding.state_budget == {2025: 7}
    two_years = load_tasks([{**REQUIRED, "end": "12/2026", "Kinh phí NSNN": "7"}])
    assert two_years.tasks == () and two_years.errors[0].column == "Kinh phí NSNN"


# -- rows, frames and HTML views use the table -------------------------------------------

ROW_FIELDS = [
    "code",
    "title",
    "type",
    "level",
    "field",
    "principal_investigator",
    "host_organization",
    "start",
    "end",
    "extended_to",
    "status",
]


@given(tasks())
def test_a_row_is_labelled_by_the_table_and_reads_back(task: Task) -> None:
    row = task.row()
    assert list(row) == [
        *(TASK_LABELS[n].column() for n in ROW_FIELDS),
        "Tổng kinh phí NSNN cả thời gian thực hiện (đồng)",
        "Tổng kinh phí cả thời gian thực hiện (đồng)",
    ]
    assert row["Tổng kinh phí NSNN cả thời gian thực hiện (đồng)"] == sum(
        task.funding.state_budget.values()
    )
    totals = {FUNDING_LABELS[n].column() for n in ("state_budget_total", "total")}
    result = load_tasks([{k: v for k, v in row.items() if v is not None and k not in totals}])
    assert result.warnings == ()  # the totals need the per-year columns to be read back
    back = result.tasks[0]
    assert {n: getattr(back, n) for n in ROW_FIELDS} == {n: getattr(task, n) for n in ROW_FIELDS}


def test_year_frame_columns_are_the_tables() -> None:
    task = Task.model_validate(
        {**load_tasks([REQUIRED]).tasks[0].model_dump(), "funding": {"state_budget": {2025: 9}}}
    )
    rows = Portfolio([task]).year(2025).rows()
    y = YEAR_SUMMARY_LABELS
    extra = [y[n].column() for n in ("year", "carried_over", "new", "settlement")]
    assert list(rows[0]) == [*task.row(), *extra, FUNDING_LABELS["state_budget"].column(year=2025)]
    back = load_tasks(rows)  # the year's budget column reads back as that year's budget
    assert back.tasks[0].funding.state_budget == {2025: 9}


def test_html_views_use_the_table() -> None:
    task = load_tasks([REQUIRED]).tasks[0]
    html = task._repr_html_()
    for label in TASK_LABELS.values():
        assert f"<td>{label.vi}</td>" in html
    portfolio_html = Portfolio([task])._repr_html_()
    for header in task.row():
        assert f"<th>{header}</th>" in portfolio_html
    year_html = Portfolio([task]).year(2025)._repr_html_()
    for name in ("total", "carried_over", "new", "completed"):
        assert f"<td>{YEAR_SUMMARY_LABELS[name].vi}</td>" in year_html
    assert "<td>Kinh phí NSNN năm 2025 (đồng)</td>" in year_html
    assert "<th>Mã số</th>" in Portfolio([])._repr_html_()


# -- the table is data, checked once at load ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[task", "not valid TOML"),
        ("task = 1", r"\[task\] should be a table of labels"),
        ("[task.code]\nvi = 'Mã số'", r"\[task.code\]: unknown keys \[\], missing keys \['en'\]"),
        ("[task.code]\nvi = 'Mã'\nen = 'code'\ncolour = 'x'", r"unknown keys \['colour'\]"),
        ("[task.code]\nvi = 1\nen = 'code'", r"\[task.code\].vi: got 1; expected a string"),
        ("[task.code]\nvi = 'M'\nen = 'c'\naliases = [1]", "expected a list of strings"),
        ("[task.code]\nvi = 'M'\nen = 'c'\nheader = 'M {day}'", "the only placeholder"),
        ("[task.code]\nvi = 'M'\nen = 'c'\naliases = ['[M']", "balanced"),
        (
            "[task.code]\nvi = 'Mã'\nen = 'c'\n"
            "[task.title]\nvi = 'Tên'\nen = 't'\naliases = ['mã']",
            "the header 'mã' names both 'code' and 'title'",
        ),
    ],
)
def test_a_bad_table_is_refused_naming_the_file_and_entry(text: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message) as info:
        read_labels(text, source="labels.toml")
    assert str(info.value).startswith("labels.toml")


def test_unknown_names_and_missing_placeholders() -> None:
    with pytest.raises(InvalidValue, match="no label for 'colour'"):
        TASK_LABELS["colour"]
    with pytest.raises(InvalidValue, match="needs year="):
        FUNDING_LABELS["state_budget"].column()
    assert TASK_LABELS.match("Màu sắc") is None
    assert FUNDING_LABELS.match("Kinh phí NSNN theo năm") == (FUNDING_LABELS["state_budget"], None)
    assert FUNDING_LABELS.match("NSNN 2026") == (FUNDING_LABELS["state_budget"], 2026)
    assert "colour" not in TASK_LABELS and len(TASK_LABELS) == len(Task.model_fields)
