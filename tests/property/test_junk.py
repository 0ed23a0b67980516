"""Junk-input sweeps for the parsers and lookups not covered beside their modules: each
raises only its documented error, never a bare KeyError/IndexError/ValueError; and every
parser reports positions in the text as given, NFD included."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from vn_skt.calendar import Period
from vn_skt.errors import InvalidValue, ParseError, RegulationNotFound
from vn_skt.l10n import parse_date, parse_money, parse_number, parse_percent
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
        assert "CSV" in str(exc)
    else:
        assert all(e.row is None or e.row >= 1 for e in result.errors)
        assert result.rows == len(result.tasks) + result.invalid + result.skipped


# -- positions in NFD text -------------------------------------------------------------

# Each parser with texts it reads; a sweep puts a piece into one of them somewhere.
PARSERS: dict[str, tuple[Callable[[str], object], list[str]]] = {
    "parse_number": (parse_number, ["12.418", "-1.234,5", "1\u00a0500\u00a0000"]),
    "parse_money": (
        parse_money,
        ["1 tỷ 500 triệu đồng", "18,46 tỷ đồng", "-300 nghìn VNĐ", "2 tỉ 5 triệu", "5.000.000đ"],
    ),
    "parse_percent": (parse_percent, ["24,1 %", "7,25"]),
    "parse_date": (
        parse_date,
        ["ngày 05 tháng 01 năm 2023", "Thứ tư, 09/04/2025", "Chủ nhật, 09/02/2025"],
    ),
    "parse_date strict": (
        lambda text: parse_date(text, strict=True),
        ["ngày 05 tháng 01 năm 2023", "Thứ tư, 09/04/2025"],
    ),
    "Period.parse": (
        Period.parse,
        [
            "9 tháng đầu năm 2025",
            "quý III/2025",
            "giai đoạn 2021-2025",
            "nhiệm kỳ 2021-2026 (từ 15/03/2021 đến 14/03/2026)",
        ],
    ),
}
# Pieces of what the parsers read, and letters that NFD splits (every one a whole letter,
# so the NFD text lines up with the NFC text cluster by cluster).
PIECES = st.sampled_from(
    [
        "0", "1", "12", "2025", ".", ",", " ", "\u00a0", "/", "-", "%", "tỷ", "triệu",
        "nghìn", "đồng", "ngày", "tháng", "năm", "quý", "Thứ", "ước", "Ễ", "ậ", "ữ", "Ð",
        "(", ")", "x", "",
    ]
)  # fmt: skip


@st.composite
def mended(draw: st.DrawFn, valid: list[str]) -> str:
    """A text a parser reads with a piece put in, or one character replaced, somewhere."""
    text = draw(st.sampled_from(valid))
    at = draw(st.integers(min_value=0, max_value=len(text)))
    cut = draw(st.integers(min_value=0, max_value=1))
    return text[:at] + draw(PIECES) + text[at + cut :]


def outcome(parse: Callable[[str], object], text: str) -> tuple[object, ...]:
    try:
        return ("value", parse(text))
    except ParseError as exc:
        assert exc.text == text
        assert exc.position is None or 0 <= exc.position <= len(text)
        return ("error", exc.reason, exc.position)


@given(st.sampled_from(sorted(PARSERS)), st.data())
def test_positions_in_nfd_text_point_at_the_same_character(name: str, data: st.DataObject) -> None:
    parse, valid = PARSERS[name]
    text = data.draw(mended(valid) | st.lists(PIECES, max_size=8).map("".join))
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    expected = outcome(parse, nfc)
    got = outcome(parse, nfd)
    if expected[0] == "value" or expected[2] is None:
        assert got == expected
        return
    position = expected[2]
    assert isinstance(position, int)
    # the oracle: where the offending character's cluster starts in the NFD text
    at = len(unicodedata.normalize("NFD", nfc[:position]))
    assert got == ("error", expected[1], at)
    if position < len(nfc):
        assert nfd[at] == unicodedata.normalize("NFD", nfc[position])[0]


@given(st.text(max_size=30), st.sampled_from(sorted(PARSERS)))
def test_any_text_in_any_form_gives_one_outcome(text: str, name: str) -> None:
    parse, _ = PARSERS[name]
    nfc = outcome(parse, unicodedata.normalize("NFC", text))
    nfd = outcome(parse, unicodedata.normalize("NFD", text))
    assert nfc[:2] == nfd[:2]
