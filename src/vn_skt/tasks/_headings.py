"""Đọc tiêu đề cột — which field, source, year and unit a column heading names.

Task fields are matched through the one label table (``labels.toml``, folded); budget
headings are read by their words: a source (NSNN / ngân sách, đối ứng, khác / nguồn
khác, tổng), a year ("năm 2024", "2024"), a unit in brackets or after a comma (đồng,
nghìn, triệu / Tr.đồng / tr.đ, tỷ) and the words "Kinh phí" / "KP". A year with no source
is the state budget of that year ("Kinh phí năm 2024"); no year is a total over the task
(with a source, that source's; with none or "Tổng", all sources). STT columns are
recognised and not read.

>>> column("Kinh phí (Tr.đồng)")
Column(header='Kinh phí (Tr.đồng)', field='total', year=None, unit='triệu', kind='money')
>>> column("KP NSNN năm 2024").field, column("KP NSNN năm 2024").year
('state_budget', 2024)
>>> column("Đơn vị chủ trì").field, column("STT").kind
('host_organization', 'stt')
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from vn_skt.l10n import fold_text

from ._labels import FUNDING_LABELS, PROGRESS_LABELS, TASK_LABELS
from ._models import Task

__all__ = [
    "MONEY_SOURCES",
    "PROGRESS_COLUMNS",
    "REQUIRED",
    "UNITS",
    "Column",
    "column",
    "source_word",
]

ColumnKind = Literal["field", "money", "stt", "unknown", "funding", "records", "progress"]

UNITS: dict[str, tuple[str, ...]] = {
    "đồng": ("đồng", "đ", "vnđ", "vnd"),
    "nghìn": ("nghìn đồng", "ngàn đồng", "nghìn", "ngàn", "1.000 đồng", "1000 đồng", "nghìn đ"),
    "triệu": ("triệu đồng", "triệu", "tr.đồng", "tr. đồng", "trđ", "tr.đ", "tr đồng", "tr"),
    "tỷ": ("tỷ đồng", "tỉ đồng", "tỷ", "tỉ", "tỷ đ"),
}
"""The unit words a heading may carry, by the unit ``parse_money`` takes."""

_SOURCES: dict[str, tuple[str, ...]] = {
    "state_budget": ("nsnn", "ngân sách nhà nước", "ngân sách", "state_budget", "state budget"),
    "counterpart": ("đối ứng", "vốn đối ứng", "counterpart"),
    "other": ("nguồn khác", "khác", "other"),
    "total": ("tổng", "tổng cộng", "tổng số", "tổng kinh phí", "total"),
}
MONEY_SOURCES = ("state_budget", "counterpart", "other", "total")
_FILLER = ("kinh phí", "kp", "cả thời gian thực hiện", "thời gian thực hiện", "năm", "trong đó")
_STT = frozenset(fold_text(w) for w in ("STT", "TT", "Số TT", "Số thứ tự", "No", "#"))

REQUIRED: tuple[str, ...] = tuple(
    name for name, field in Task.model_fields.items() if field.is_required()
)
"""The Task fields a table must have a column for."""

_RECORDS = frozenset({"checks", "releases", "spending", "events"})
"""Task fields holding lists of dated records (JSON carries them; a sheet has no column)."""

_TASK_COLUMNS = frozenset(Task.model_fields) - {"funding"} - _RECORDS

PROGRESS_COLUMNS = ("checked_on", "done", "released", "spent")
"""The progress columns (``[progress.*]`` of the label table) a sheet may give: the
latest periodic check (date, % done) and the year's amounts released and spent."""
_PERCENT_RE = re.compile(r"\(\s*%\s*\)|,\s*%\s*$")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_OF = {fold_text(w): unit for unit, words in UNITS.items() for w in words}
_UNIT_RE = re.compile(
    rf"(?:\(\s*(?:{re.escape(fold_text('đvt'))}\s*:?\s*)?({_alternation(list(_UNIT_OF))})\s*\)"
    rf"|,\s*({_alternation(list(_UNIT_OF))})\s*$)"
)
_SOURCE_OF = {fold_text(w): source for source, words in _SOURCES.items() for w in words}
_YEAR_RE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_FILLER_RE = re.compile(rf"(?<![\w])(?:{_alternation([fold_text(w) for w in _FILLER])})(?![\w])")
_PUNCT_RE = re.compile(r"[\s_:;,.()\-–/]+")
_TOTAL_PREFIX = fold_text("tổng") + " "


@attrs.frozen
class Column:
    """Một cột — what a heading names: a Task ``field`` or a money ``field`` (a source
    of :data:`MONEY_SOURCES`) with its ``year`` and ``unit``."""

    header: str
    field: str | None
    year: int | None = None
    unit: str | None = None
    kind: ColumnKind = "unknown"


def source_word(text: str) -> str | None:
    """The budget source a word names ("NSNN", "Khác", "Tổng"), or None."""
    return _SOURCE_OF.get(_PUNCT_RE.sub(" ", fold_text(text)).strip())


def _money(header: str, folded: str) -> Column | None:
    unit_match = _UNIT_RE.search(folded)
    unit = None
    if unit_match:
        unit = _UNIT_OF[unit_match.group(1) or unit_match.group(2)]
        folded = folded[: unit_match.start()] + " " + folded[unit_match.end() :]
    years = _YEAR_RE.findall(folded)
    if len(years) > 1:
        return None
    year = int(years[0]) if years else None
    rest = _FILLER_RE.sub(" ", _YEAR_RE.sub(" ", folded))
    words = _PUNCT_RE.sub(" ", rest).strip()
    had_money_word = bool(re.search(r"(?<!\w)(?:kinh phí|kp)(?!\w)", folded)) or year is not None
    if not words:
        if not had_money_word:
            return None
        source = "state_budget" if year is not None else "total"
    else:
        found = _SOURCE_OF.get(words)
        if found is None and words.startswith(_TOTAL_PREFIX):  # "Tổng KP NSNN"
            found = _SOURCE_OF.get(words.removeprefix(_TOTAL_PREFIX))
        if found is None:
            return None
        source = found
    if source == "total" and year is None and not had_money_word and unit is None:
        return None  # a bare "Tổng" heading: not a budget
    return Column(header, source, year, unit, "money")


def _progress(header: str, folded: str) -> Column | None:
    """A progress column ("Ngày kiểm tra gần nhất", "Khối lượng hoàn thành (%)", "Đã cấp
    phát năm 2026 (triệu đồng)"), or None."""
    unit_match = _UNIT_RE.search(folded)
    unit = None
    if unit_match:
        unit = _UNIT_OF[unit_match.group(1) or unit_match.group(2)]
        folded = folded[: unit_match.start()] + " " + folded[unit_match.end() :]
    folded = _PERCENT_RE.sub(" ", folded)
    years = _YEAR_RE.findall(folded)
    year = int(years[0]) if len(years) == 1 else None
    if year is not None:
        folded = re.sub(rf"(?<!\w)(?:năm\s+)?{year}(?!\w)", " ", folded)
    found = PROGRESS_LABELS.match(" ".join(folded.split()))
    if found is None or found[0].name not in PROGRESS_COLUMNS:
        return None
    name = found[0].name
    if name in ("checked_on", "done") and (unit is not None or year is not None):
        return None
    return Column(header, name, year, unit, "progress")


def column(header: str) -> Column:
    """Cột — what ``header`` names (task field, budget, STT or nothing known)."""
    folded = fold_text(header)
    if folded == "funding":  # a nested mapping, as JSON carries it
        return Column(header, "funding", kind="funding")
    if folded in _RECORDS:  # lists of dated records, as JSON carries them
        return Column(header, folded, kind="records")
    if _PUNCT_RE.sub(" ", folded).strip() in _STT:
        return Column(header, None, kind="stt")
    found = TASK_LABELS.match(folded)
    if found is not None and found[0].name in _TASK_COLUMNS:
        return Column(header, found[0].name, kind="field")
    progress = _progress(header, folded)
    if progress is not None:
        return progress
    money = _money(header, folded)
    if money is not None:
        return money
    for name in ("counterpart", "other"):  # the label table's own aliases ("Đối ứng")
        label = FUNDING_LABELS[name]
        if FUNDING_LABELS.match(_UNIT_RE.sub("", folded).strip()) == (label, None):
            return Column(header, name, None, None, "money")
    return Column(header, None)
