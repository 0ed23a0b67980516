from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.documents import DocumentRef, document_kind, find_document_refs
from vn_skt.errors import InvalidValue, ParseError, RegulationNotFound
from vn_skt.regulations import Status, Version, lookup, register_version, table, unregister
from vn_skt.testing.strategies import document_refs


@pytest.mark.parametrize(
    ("text", "kind", "number", "year", "code", "issued_on", "symbol"),
    [
        (
            "Quyết định số 88/QĐ-UBND ngày 09/01/2025",
            "Quyết định",
            88,
            None,
            "QĐ-UBND",
            date(2025, 1, 9),
            "88/QĐ-UBND",
        ),
        ("105/QĐ-UBND", "Quyết định", 105, None, "QĐ-UBND", None, "105/QĐ-UBND"),
        (
            "Nghị quyết số 12/2024/NQ-HĐND",
            "Nghị quyết",
            12,
            2024,
            "NQ-HĐND",
            None,
            "12/2024/NQ-HĐND",
        ),
        ("06/2022/NQ-HĐND", "Nghị quyết", 6, 2022, "NQ-HĐND", None, "06/2022/NQ-HĐND"),
        ("30/2020/NĐ-CP", "Nghị định", 30, 2020, "NĐ-CP", None, "30/2020/NĐ-CP"),
        ("23/2013/TT-BKHCN", "Thông tư", 23, 2013, "TT-BKHCN", None, "23/2013/TT-BKHCN"),
        (
            "55/2015/TTLT-BTC-BKHCN",
            "Thông tư liên tịch",
            55,
            2015,
            "TTLT-BTC-BKHCN",
            None,
            "55/2015/TTLT-BTC-BKHCN",
        ),
        ("50/2005/QH11", "Luật", 50, 2005, "QH11", None, "50/2005/QH11"),
        ("Nghị quyết số 202/2025/QH15", "Nghị quyết", 202, 2025, "QH15", None, "202/2025/QH15"),
        ("Chỉ thị số 05-CT/TU", "Chỉ thị", 5, None, "CT/TU", None, "05-CT/TU"),
        ("24-CT/TU", "Chỉ thị", 24, None, "CT/TU", None, "24-CT/TU"),
        ("52-NQ/TW", "Nghị quyết", 52, None, "NQ/TW", None, "52-NQ/TW"),
        ("4577/BKHCN-CĐSQG", "Công văn", 4577, None, "BKHCN-CĐSQG", None, "4577/BKHCN-CĐSQG"),
        ("02/VBHN-BKHCN", "Văn bản hợp nhất", 2, None, "VBHN-BKHCN", None, "02/VBHN-BKHCN"),
        (
            "Kế hoạch số 15/KH-UBND ngày 21 tháng 02 năm 2022",
            "Kế hoạch",
            15,
            None,
            "KH-UBND",
            date(2022, 2, 21),
            "15/KH-UBND",
        ),
        ("QUYẾT ĐỊNH SỐ 1/QĐ-UBND", "Quyết định", 1, None, "QĐ-UBND", None, "01/QĐ-UBND"),
        ("Quyết định số 12/QÐ-UBND", "Quyết định", 12, None, "QĐ-UBND", None, "12/QĐ-UBND"),
        ("Tờ trình số 7/TTr-SKHCN", "Tờ trình", 7, None, "TTr-SKHCN", None, "07/TTr-SKHCN"),
    ],
)
def test_parse(
    text: str,
    kind: str,
    number: int,
    year: int | None,
    code: str,
    issued_on: date | None,
    symbol: str,
) -> None:
    ref = DocumentRef.parse(text)
    assert (ref.kind, ref.number, ref.year, ref.code, ref.issued_on) == (
        kind,
        number,
        year,
        code,
        issued_on,
    )
    assert ref.symbol == symbol
    assert DocumentRef.parse(str(ref)) == ref


def test_str_rebuilds_the_full_reference() -> None:
    ref = DocumentRef("Chỉ thị", 24, None, "CT/TU", date(2022, 11, 14))
    assert str(ref) == "Chỉ thị số 24-CT/TU ngày 14/11/2022"
    assert str(DocumentRef("Quyết định", 88, None, "QĐ-UBND", date(2025, 1, 9))) == (
        "Quyết định số 88/QĐ-UBND ngày 09/01/2025"
    )
    assert str(DocumentRef("Luật", 93, 2025, "QH15", date(2025, 6, 27))) == (
        "Luật số 93/2025/QH15 ngày 27/6/2025"
    )


@pytest.mark.parametrize(
    "text",
    [
        "163/440",
        "15/01/2024",
        "",
        "Quyết định",
        "số 88",
        "88/QĐ-UBND và 89/QĐ-UBND",
        "x 88/QĐ-UBND",
    ],
)
def test_parse_refuses(text: str) -> None:
    with pytest.raises(ParseError):
        DocumentRef.parse(text)


def test_constructor_refuses() -> None:
    with pytest.raises(InvalidValue):
        DocumentRef("Quyết định", 0, None, "QĐ-UBND")
    with pytest.raises(InvalidValue):
        DocumentRef("Quyết định", 1, None, "")
    with pytest.raises(InvalidValue):
        DocumentRef("Chỉ thị", 1, 2022, "CT/TU", dash=True)
    with pytest.raises(InvalidValue):
        DocumentRef("Quyết định", 1, None, "x")  # str(ref) could not be read back
    with pytest.raises(InvalidValue):
        DocumentRef("Quyết định 5", 1, None, "QĐ-UBND")
    with pytest.raises(InvalidValue):
        DocumentRef("Quyết định", 100_000, None, "QĐ-UBND")
    with pytest.raises(InvalidValue):
        DocumentRef("Quyết định", 1, None, "QĐ-UBND", datetime(2024, 1, 1))
    with pytest.raises(InvalidValue):
        DocumentRef("Thông tư", 1, 1800, "TT-BTC")


def test_document_kind() -> None:
    assert document_kind("QĐ-UBND") == "Quyết định"
    assert document_kind("QÐ-UBND") == "Quyết định"
    assert document_kind("CTr-UBND") == "Chương trình"
    assert document_kind("QH15") == "Luật"
    assert document_kind("BKHCN-CĐSQG") == "Công văn"
    assert document_kind("XYZ/TU") == "Văn bản"


REPORT = """\
Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15; Nghị quyết số \
202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Thực hiện Chỉ thị số 24-CT/TU ngày 14/11/2022 của Ban Thường vụ Tỉnh ủy và Kế hoạch \
số88//KH-UBND ngày 10/12//2022 của UBND tỉnh, Sở KH&CN đã thẩm định 163/440 hồ sơ \
(đạt 37%), kiểm định 250/600 PTĐ; tính đến ngày 15/01/2024 đã cấp 07/07 giấy chứng nhận.
Theo Công văn 4577/BKHCN-CĐSQG và Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN, \
QĐ số 105/QÐ-UBND (ký hiệu viết bằng chữ Ð) và Nghị quyết 52-NQ/TW.
"""

EXPECTED = [
    "Luật số 93/2025/QH15",
    "Nghị quyết số 202/2025/QH15 ngày 12/6/2025",
    "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020",
    "Chỉ thị số 24-CT/TU ngày 14/11/2022",
    "Kế hoạch số 88/KH-UBND ngày 10/12/2022",
    "Công văn số 4577/BKHCN-CĐSQG",
    "Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN",
    "Quyết định số 105/QĐ-UBND",
    "Nghị quyết số 52-NQ/TW",
]


def test_find_in_a_realistic_report() -> None:
    assert [str(r) for r in find_document_refs(REPORT)] == EXPECTED


def test_find_in_nfd_text() -> None:
    nfd = unicodedata.normalize("NFD", REPORT)
    assert [str(r) for r in find_document_refs(nfd)] == EXPECTED


@pytest.mark.parametrize(
    "text",
    [
        "Đã thẩm định 163/440 hồ sơ (đạt 37%).",
        "Tính đến ngày 15/01/2024, 07/07 nhiệm vụ đã nghiệm thu.",
        "Tỷ lệ 1.200/5.000 công tơ, năm 2021/2022 và quý III/2025.",
        "Điện thoại 0203/3852.123; mã số 12/2024.",
    ],
)
def test_fractions_and_dates_are_not_references(text: str) -> None:
    assert find_document_refs(text) == []


def test_linear_time_on_a_large_text() -> None:
    # Not a timing assertion: a scale check that a 4 MB text finishes at all in CI.
    text = REPORT * 2000
    assert len(find_document_refs(text)) == len(EXPECTED) * 2000


class Decision(pydantic.BaseModel):
    approved_by: DocumentRef


def test_pydantic_field() -> None:
    decision = Decision(approved_by="Quyết định số 88/QĐ-UBND ngày 09/01/2025")
    assert decision.approved_by.number == 88
    assert Decision.model_validate_json(decision.model_dump_json()) == decision


@given(document_refs())
def test_round_trip(ref: DocumentRef) -> None:
    assert DocumentRef.parse(str(ref)) == ref
    assert find_document_refs(f"Căn cứ {ref}, và các văn bản khác.") == [ref]


@given(st.lists(document_refs(), max_size=5))
def test_find_returns_all_in_order(refs: list[DocumentRef]) -> None:
    text = "; ".join(f"theo {ref}" for ref in refs) + "."
    assert find_document_refs(text) == refs


@given(
    st.text(alphabet=st.sampled_from("0123456789/-QĐUBNDHCTKố sngày Ð,."), max_size=40)
    | st.text(max_size=40)
)
def test_junk(text: str) -> None:
    with contextlib.suppress(ParseError):
        DocumentRef.parse(text)
    for ref in find_document_refs(text):
        assert DocumentRef.parse(str(ref)) == ref


# -- document types by date ------------------------------------------------------------


def test_versions_of_document_types() -> None:
    versions = table("document_types").versions
    assert [(v.effective_from, v.effective_to) for v in versions] == [
        (date(2020, 3, 5), date(2025, 3, 31)),
        (date(2025, 4, 1), None),
    ]
    old, new = (lookup("document_types", on=d) for d in (date(2025, 3, 31), date(2025, 4, 1)))
    assert "80/2015/QH13" in old.source and "30/2020/NĐ-CP" in old.source
    assert "64/2025/QH15" in new.source and "87/2025/QH15" in new.source
    assert "78/2025/NĐ-CP" in new.source and "187/2025/NĐ-CP" in new.source
    with pytest.raises(RegulationNotFound):
        lookup("document_types", on=date(2020, 3, 4))
    assert lookup("document_types", on=date(2020, 3, 5)) is old


def test_every_version_is_as_weak_as_its_weakest_row() -> None:
    for version in table("document_types").versions:
        assert all(row.status is not None for row in version.rows.values()), version
        assert version.status is Status.weakest(r.status for r in version.rows.values())


def test_row_statuses() -> None:
    old, new = (lookup("document_types", on=d) for d in (date(2025, 3, 31), date(2025, 4, 1)))
    assert old.row("TTLT").status is Status.V2 and new.row("TTLT").status is Status.U
    assert "Law 64/2025" in new.row("TTLT").note
    assert old.row("TT").status is new.row("TT").status is Status.V2
    assert old.row("KL").status is Status.U and old.row("KL").party
    assert "14/2026/NQ-CP" in new.row("NQ").note


def test_government_resolutions_as_legal_documents() -> None:
    ref = DocumentRef.parse("Nghị quyết số 14/2026/NQ-CP")
    assert (ref.kind, ref.year, ref.code) == ("Nghị quyết", 2026, "NQ-CP")
    [found] = find_document_refs("Căn cứ 14/2026/NQ-CP ngày 20/01/2026 của Chính phủ;")
    assert (found.kind, found.issued_on) == ("Nghị quyết", date(2026, 1, 20))


def test_a_joint_circular_still_resolves_after_2025() -> None:
    # TTLT is U under Law 64/2025 but kept; a code known in any version is accepted.
    assert DocumentRef.parse("55/2015/TTLT-BTC-BKHCN").kind == "Thông tư liên tịch"
    assert document_kind("TTLT-BTC-BKHCN", on=date(2026, 1, 1)) == "Thông tư liên tịch"


@pytest.fixture
def renamed() -> Iterator[None]:
    """A user's version for 2025-04-01.. that knows XX (and names BC differently)."""
    register_version(
        Version(
            "document_types",
            date(2025, 4, 1),
            None,
            "Thử nghiệm",
            Status.U,
            {
                "XX": {"name": "Văn bản thử", "legal": False},
                "BC": {"name": "Báo cáo (mới)", "legal": False},
            },
            patch=True,
        )
    )
    try:
        yield
    finally:
        unregister("document_types")


@pytest.mark.usefixtures("renamed")
def test_the_reference_date_chooses_the_version() -> None:
    before = DocumentRef.parse("01/BC-SKHCN ngày 31/03/2025")
    after = DocumentRef.parse("01/BC-SKHCN ngày 01/04/2025")
    assert (before.kind, after.kind) == ("Báo cáo", "Báo cáo (mới)")
    assert document_kind("BC-SKHCN", on=date(2025, 3, 31)) == "Báo cáo"
    assert document_kind("BC-SKHCN", on=date(2025, 4, 1)) == "Báo cáo (mới)"


@pytest.mark.usefixtures("renamed")
def test_the_reference_year_chooses_the_versions() -> None:
    # a legal document of 2024 only knows the 2020 version; one of 2025 both
    assert document_kind("BC-X", year=2024) == "Báo cáo"
    assert document_kind("BC-X", year=2025) == "Báo cáo (mới)"


@pytest.mark.usefixtures("renamed")
def test_a_code_known_in_any_version_is_accepted() -> None:
    # XX only exists from 2025-04-01, yet a 2021 reference with it resolves (any version)
    assert DocumentRef.parse("03/XX-UBND ngày 05/05/2021").kind == "Văn bản thử"
    assert document_kind("XX-UBND") == "Văn bản thử"
    # without a date or year: every version, the later one winning
    assert document_kind("BC-UBND") == "Báo cáo (mới)"


def test_a_code_no_version_knows_keeps_the_old_behaviour() -> None:
    assert DocumentRef.parse("03/XX-UBND ngày 05/05/2021").kind == "Công văn"
    assert document_kind("ZZ/TU", on=date(2026, 1, 1)) == "Văn bản"
    assert document_kind("BC-SKHCN", on=date(2019, 1, 1)) == "Báo cáo"  # before 05/03/2020


@pytest.mark.parametrize("bad", [datetime(2025, 4, 1, 8), "2025-04-01", 2025])
def test_document_kind_takes_a_date(bad: object) -> None:
    with pytest.raises(InvalidValue):
        document_kind("QĐ-UBND", on=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [True, 1800, "2025", 2025.0])
def test_document_kind_takes_a_year(bad: object) -> None:
    with pytest.raises(InvalidValue):
        document_kind("QĐ-UBND", year=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        (
            "Thông tư liên tịch số 129/2007/TTLT/BTC-BKHCN ngày 02/11/2007",
            ["129/2007/TTLT/BTC-BKHCN"],
        ),
        ("theo Quyết định số 216-CP ngày 01/6/1993 và Nghị định 388-HĐBT", ["216-CP", "388-HĐBT"]),
        ("Quyết định số 5/QĐ-UBNDngày 05/01/2024 của UBND tỉnh", ["05/QĐ-UBND"]),
        ("Chỉ thị 24-CT/TU; Nghị định 15/CP-x; năm 2021-2025; F0-F1", ["24-CT/TU"]),
    ],
)
def test_slash_codes_old_symbols_and_glued_words(text: str, symbols: list[str]) -> None:
    assert [r.symbol for r in find_document_refs(text)] == symbols


def test_glued_date_is_read() -> None:
    (ref,) = find_document_refs("Quyết định số 5/QĐ-UBNDngày 05/01/2024")
    assert ref.code == "QĐ-UBND" and ref.issued_on == date(2024, 1, 5)
    assert DocumentRef.parse(str(ref)) == ref


def test_long_space_runs_are_linear_in_shape() -> None:
    # was ~5 s (a backtracking date tail); the time ratio lives in benchmarks/bench_refs.py
    text = "30/2020/NĐ-CP" + " " * 16000 + "x"
    assert [r.symbol for r in find_document_refs(text)] == ["30/2020/NĐ-CP"]


_CODES = st.from_regex(
    r"(?:[A-ZĐ]{1,4}(?:-[A-ZĐ][A-Za-zĐđ]{0,4}){1,3}|[A-ZĐ]{2,4}/[A-ZĐ]{2,5}-[A-ZĐ]{2,5}|QH1[0-5])",
    fullmatch=True,
)


@given(
    kind=st.sampled_from(["Quyết định", "Nghị định", "Công văn", "Thông tư liên tịch", "Chỉ thị"]),
    number=st.integers(1, 99_999),
    year=st.none() | st.integers(1900, 2100),
    code=_CODES,
    issued_on=st.none() | st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    dash=st.none() | st.booleans(),
)
def test_whatever_the_constructor_accepts_the_parser_reads_back(
    kind: str, number: int, year: int | None, code: str, issued_on: date | None, dash: bool | None
) -> None:
    extra = {} if dash is None else {"dash": dash}
    try:
        ref = DocumentRef(kind, number, year, code, issued_on, **extra)
    except InvalidValue:
        return  # refused, with our error: nothing to read back
    assert DocumentRef.parse(str(ref)) == ref
    assert find_document_refs(f"Căn cứ {ref}, ") == [ref]


def test_a_form_number_is_not_a_pre_2000_symbol() -> None:
    from vn_skt.documents import find_document_refs

    assert find_document_refs("02 Tờ khai (theo mẫu số 04-NH), Mẫu 01-SC") == []
    assert [r.symbol for r in find_document_refs("Quyết định số 216-CP ngày 01/6/1993")] == [
        "216-CP"
    ]


def test_the_kind_before_a_number_is_read_backwards_exactly() -> None:
    from vn_skt.documents import find_document_refs

    # the kind right after the previous reference: its look-behind sees that reference
    found = find_document_refs("Theo 88/QĐ-UBND, Quyết định số 5/QĐ-UBND; xQuyết định 7/QĐ-UBND")
    assert [(r.kind, r.symbol) for r in found] == [
        ("Quyết định", "88/QĐ-UBND"),
        ("Quyết định", "05/QĐ-UBND"),
        ("Quyết định", "07/QĐ-UBND"),
    ]
    assert [str(r) for r in find_document_refs("NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP")] == [
        "Nghị định số 30/2020/NĐ-CP"
    ]
