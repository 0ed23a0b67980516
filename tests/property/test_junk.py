"""Junk-input sweeps for the parsers and lookups not covered beside their modules: each
raises only its documented error, never a bare KeyError/IndexError/ValueError."""

from __future__ import annotations

import io
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, ParseError, RegulationNotFound
from vn_skt.metrology import instrument_type
from vn_skt.provinces import province, successor
from vn_skt.tasks import ResearchField, TaskLevel, load_tasks, read_tasks_csv

VIETNAMESE = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ ()-,;:0123456789ĐÐ"), max_size=40
)
JUNK = VIETNAMESE | st.text(max_size=40)


@given(JUNK)
def test_enum_labels(text: str) -> None:
    for enum in (TaskLevel, ResearchField):
        try:
            member = enum.parse(text)
        except ParseError as exc:
            assert exc.reason == "unknown_label" and exc.text == text
        else:
            assert isinstance(member, enum)


@given(JUNK)
def test_instrument_names(text: str) -> None:
    try:
        kind = instrument_type(text, on=date(2025, 6, 1))
    except RegulationNotFound:
        pass
    else:
        assert kind.name


@given(
    JUNK | st.integers(min_value=-5, max_value=200).map(str),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
)
def test_province_lookups(text: str, on: date) -> None:
    for lookup in (province, successor):
        try:
            found = lookup(text, on=on)
        except RegulationNotFound:
            pass
        else:
            assert found.exists_on(on)


CELLS = st.one_of(JUNK, st.none(), st.integers(), st.floats(allow_nan=True), st.booleans())
COLUMNS = st.sampled_from(
    [
        "Mã số",
        "Tên nhiệm vụ",
        "Loại nhiệm vụ",
        "Thời gian bắt đầu",
        "Thời gian kết thúc",
        "Kinh phí NSNN năm 2025 (triệu đồng)",
        "Kinh phí đối ứng",
        "funding",
        "Cột lạ",
    ]
)


@given(st.lists(st.dictionaries(COLUMNS, CELLS, max_size=9), max_size=5))
def test_task_rows_never_crash_and_never_lose_a_row(rows: list[dict[str, object]]) -> None:
    result = load_tasks(rows)
    reported = {e.row for e in result.errors}
    assert len(result.tasks) <= len(rows)
    assert len(result.tasks) + len(reported) >= len(rows)  # every row kept or reported


@given(st.text(max_size=300))
def test_csv_text_raises_only_invalid_value(text: str) -> None:
    try:
        result = read_tasks_csv(io.StringIO(text))
    except InvalidValue as exc:
        assert "CSV line" in str(exc)
    else:
        assert all(e.row >= 2 for e in result.errors)
