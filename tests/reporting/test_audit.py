"""The report audit: real report language, one-figure-changed copies, properties."""

from __future__ import annotations

import re
import time
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue
from vn_skt.l10n import format_count, format_number, parse_number
from vn_skt.reporting import Finding, FindingKind, FindingReason, audit_text
from vn_skt.reporting._audit_words import WORDS_FILE, audit_words, load_audit_words

REPORT = """\
I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ KH&CN
Năm 2025 thực hiện 36 nhiệm vụ KH&CN, trong đó: 22 nhiệm vụ chuyển tiếp từ năm 2024; \
14 nhiệm vụ bắt đầu thực hiện từ năm 2025 (lĩnh vực nông nghiệp: 06 nhiệm vụ; lĩnh vực y tế, \
công nghệ thông tin: 08 nhiệm vụ), với tổng kinh phí thực hiện 18,460 tỷ đồng.
Đã tổ chức đánh giá nghiệm thu 07/07 nhiệm vụ theo Quyết định số 88/QĐ-UBND ngày 09/01/2025.
Trong 9 tháng đầu năm, Sở đã thẩm định 163/440 hồ sơ (đạt 37%) và xử lý 41 hồ sơ đề xuất, \
bao gồm 29 hồ sơ đặt hàng (chiếm 70,7%), 12 hồ sơ xét tài trợ.
II. TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG
Kiểm định 12.418 phương tiện đo các loại, trong đó đạt yêu cầu 12.105 PTĐ, loại bỏ 313 PTĐ; \
lĩnh vực khối lượng 250/600 (đạt 42%); công tơ điện 500/3500 (đạt 14,3%).
Tính đến ngày 15/01/2024, toàn tỉnh có 19.923PTĐ được kiểm định, đạt 19.900 PTĐ, loại bỏ 23 PTĐ.
Doanh thu dịch vụ tăng 8,5% so với cùng kỳ.
"""

EXPECTED = [
    (
        True,
        FindingKind.TOTAL,
        "36 nhiệm vụ KH&CN, trong đó: 22 nhiệm vụ chuyển tiếp từ năm 2024; 14",
    ),
    (
        True,
        FindingKind.TOTAL,
        "14 nhiệm vụ bắt đầu thực hiện từ năm 2025 (lĩnh vực nông nghiệp: "
        "06 nhiệm vụ; lĩnh vực y tế, công nghệ thông tin: 08",
    ),
    (True, FindingKind.RATIO, "163/440 hồ sơ (đạt 37%"),
    (True, FindingKind.TOTAL, "41 hồ sơ đề xuất, bao gồm 29 hồ sơ đặt hàng (chiếm 70,7%), 12"),
    (True, FindingKind.SHARE, "29 hồ sơ đặt hàng (chiếm 70,7%"),
    (
        True,
        FindingKind.TOTAL,
        "12.418 phương tiện đo các loại, trong đó đạt yêu cầu 12.105 PTĐ, loại bỏ 313",
    ),
    (True, FindingKind.RATIO, "250/600 (đạt 42%"),
    (True, FindingKind.RATIO, "500/3500 (đạt 14,3%"),
    (True, FindingKind.TOTAL, "19.923PTĐ được kiểm định, đạt 19.900 PTĐ, loại bỏ 23"),
    (None, FindingKind.PERCENT, "8,5%"),
]


def summary(text: str, findings: list[Finding]) -> list[tuple[bool | None, FindingKind, str]]:
    return [(f.ok, f.kind, text[f.span[0] : f.span[1]]) for f in findings]


def test_a_true_report() -> None:
    assert summary(REPORT, audit_text(REPORT)) == EXPECTED


def test_reasons_say_why() -> None:
    R = FindingReason
    adds_up, matches = R.PARTS_ADD_UP, R.PERCENT_MATCHES
    assert [f.reason for f in audit_text(REPORT)] == [
        *(adds_up, adds_up, matches, adds_up, matches),
        *(adds_up, matches, matches, adds_up, R.NO_BASE),
    ]
    wrong = audit_text(REPORT.replace("(đạt 37%)", "(đạt 38%)").replace("22 nhiệm", "23 nhiệm"))
    assert {f.reason for f in wrong if f.ok is False} == {R.PARTS_DIFFER, R.PERCENT_DIFFERS}


# Every kind and every reason, each from a sentence that shows it.
CORPUS = {
    (FindingKind.TOTAL, FindingReason.PARTS_ADD_UP): "Có 41 hồ sơ, gồm 29 hồ sơ A, 12 hồ sơ B.",
    (FindingKind.TOTAL, FindingReason.PARTS_DIFFER): "Có 41 hồ sơ, gồm 29 hồ sơ A, 13 hồ sơ B.",
    (FindingKind.TOTAL, FindingReason.PART_EXCEEDS_TOTAL): "Có 41 hồ sơ, trong đó 42 hồ sơ A.",
    (FindingKind.RATIO, FindingReason.PERCENT_MATCHES): "Đạt 163/440 hồ sơ (đạt 37%).",
    (FindingKind.RATIO, FindingReason.PERCENT_DIFFERS): "Đạt 163/440 hồ sơ (đạt 38%).",
    (FindingKind.RATIO, FindingReason.ZERO_BASE): "Đã kiểm định 0/0 PTĐ (đạt 0%).",
    (FindingKind.SHARE, FindingReason.PERCENT_MATCHES): (
        "Có 41 hồ sơ, gồm 29 hồ sơ A (chiếm 70,7%), 12 hồ sơ B."
    ),
    (FindingKind.PERCENT, FindingReason.NO_BASE): "Doanh thu tăng 8,5% so với cùng kỳ.",
    (FindingKind.GROWTH, FindingReason.PERCENT_DIFFERS): (
        "Tiếp nhận 90 hồ sơ, giảm 11% so với năm 2023 (100 hồ sơ)."
    ),
}


@pytest.mark.parametrize(("kind", "reason"), CORPUS)
def test_each_kind_and_reason(kind: FindingKind, reason: FindingReason) -> None:
    found = {(f.kind, f.reason) for f in audit_text(CORPUS[kind, reason])}
    assert (kind, reason) in found


def test_every_kind_and_reason_is_used() -> None:
    assert {kind for kind, _ in CORPUS} == set(FindingKind)
    assert {reason for _, reason in CORPUS} == set(FindingReason)


def test_ok_follows_from_the_reason() -> None:
    ok = {
        FindingReason.PARTS_ADD_UP: True,
        FindingReason.PERCENT_MATCHES: True,
        FindingReason.PARTS_DIFFER: False,
        FindingReason.PART_EXCEEDS_TOTAL: False,
        FindingReason.PERCENT_DIFFERS: False,
        FindingReason.ZERO_BASE: None,
        FindingReason.NO_BASE: None,
    }
    for text in [REPORT, *CORPUS.values()]:
        for finding in audit_text(text):
            assert finding.ok is ok[finding.reason]


def test_percentage_precision_and_values() -> None:
    findings = {f.kind: f for f in audit_text("Công tơ điện 500/3500 (đạt 14,3%).")}
    ratio = findings[FindingKind.RATIO]
    assert ratio.stated == Decimal("14.3") and ratio.computed == Decimal("14.3")
    assert "14,286%" in ratio.message


# Each change alters one figure; exactly that claim's finding must turn False.
CHANGES = [
    ("22 nhiệm vụ chuyển tiếp", "23 nhiệm vụ chuyển tiếp", 0),
    ("lĩnh vực nông nghiệp: 06", "lĩnh vực nông nghiệp: 05", 1),
    ("(đạt 37%)", "(đạt 38%)", 2),
    ("163/440", "163/450", 2),
    ("12 hồ sơ xét tài trợ", "13 hồ sơ xét tài trợ", 3),
    ("(chiếm 70,7%)", "(chiếm 70,8%)", 4),
    ("loại bỏ 313 PTĐ", "loại bỏ 314 PTĐ", 5),
    ("250/600 (đạt 42%)", "250/600 (đạt 41%)", 6),
    ("(đạt 14,3%)", "(đạt 14,2%)", 7),
    ("đạt 19.900 PTĐ", "đạt 19.901 PTĐ", 8),
]


@pytest.mark.parametrize(("old", "new", "index"), CHANGES)
def test_one_figure_changed_yields_exactly_that_finding(old: str, new: str, index: int) -> None:
    assert REPORT.count(old) == 1
    changed = REPORT.replace(old, new)
    got = audit_text(changed)
    assert len(got) == len(EXPECTED)
    for i, finding in enumerate(got):
        if i == index:
            assert finding.ok is False, finding
        else:
            assert finding.ok == EXPECTED[i][0], (i, finding)


def test_the_total_changed_fails_its_claim_and_the_share_based_on_it() -> None:
    changed = REPORT.replace("xử lý 41 hồ sơ", "xử lý 42 hồ sơ")
    oks = [f.ok for f in audit_text(changed)]
    assert oks[3] is False and oks[4] is False  # 29/42 is 69,0%, not 70,7%
    assert oks[:3] == [True, True, True] and oks[5:] == [True] * 4 + [None]


@pytest.mark.parametrize(
    "text",
    [
        "Tính đến ngày 15/01/2024, đã nghiệm thu 07/07 nhiệm vụ.",
        "Thực hiện Quyết định số 88/QĐ-UBND ngày 09/01/2025 và Nghị quyết 12/2024/NQ-HĐND.",
        "Năm 2025 thực hiện 36 nhiệm vụ KH&CN.",
        "Tổng kinh phí 18,460 tỷ đồng, trong đó ngân sách tỉnh 12,5 tỷ đồng, vốn khác 5,96 tỷ.",
        "",
    ],
)
def test_not_claims(text: str) -> None:
    assert audit_text(text) == []


def test_nfd_and_spans_index_the_text_as_given() -> None:
    nfd = unicodedata.normalize("NFD", REPORT)
    assert len(nfd) > len(REPORT)
    got = audit_text(nfd)
    assert [
        (ok, kind, unicodedata.normalize("NFC", span)) for ok, kind, span in summary(nfd, got)
    ] == EXPECTED


def test_stray_spaces() -> None:
    text = "Kiểm  định   12.418  PTĐ ,  trong  đó  đạt  12.105 PTĐ ,  loại  bỏ  313  PTĐ ."
    (finding,) = audit_text(text)
    assert finding.ok is True and finding.kind is FindingKind.TOTAL


def test_an_exceeded_target() -> None:
    (ok,) = audit_text("Cấp 28/25 văn bằng (vượt 12%).")
    assert ok.ok is True and ok.computed == Decimal("12")
    (wrong,) = audit_text("Cấp 28/25 văn bằng (vượt 112%).")
    assert wrong.ok is False


def test_indicator_text_passes_the_audit() -> None:
    from vn_skt.reporting import Indicator

    for target, actual in [(600, 250), (25, 28), (7, 7), (3, 10)]:
        sentence = f"Kết quả: {Indicator('x', target, actual, unit='PTĐ')}."
        assert [f.ok for f in audit_text(sentence)] == [True], sentence


def test_a_percentage_of_nothing_is_undecided() -> None:
    (finding,) = audit_text("Đã kiểm định 0/0 PTĐ (đạt 0%).")
    assert finding.ok is None


def test_refuses_non_text() -> None:
    with pytest.raises(InvalidValue):
        audit_text(b"abc")  # type: ignore[arg-type]


@pytest.mark.slow
def test_megabytes_in_seconds() -> None:
    # A scale check, not a timing assertion: 3 MB must finish at all in CI.
    text = REPORT * 4000
    started = time.perf_counter()
    findings = audit_text(text)
    assert len(findings) == len(EXPECTED) * 4000
    assert time.perf_counter() - started < 300


@pytest.mark.slow
def test_no_catastrophic_backtracking_on_adversarial_input() -> None:
    for text in [
        "1" * 200_000,
        "1." * 100_000,
        "1/" * 100_000,
        "trong đó " * 50_000,
        "(" * 100_000,
        "1 % " * 50_000,
    ]:
        audit_text(text)


# -- properties ------------------------------------------------------------------------

NOUNS = st.sampled_from(["nhiệm vụ", "hồ sơ", "PTĐ", "đề tài", "công tơ điện"])
LABELS = st.sampled_from(["chuyển tiếp", "mở mới", "cấp tỉnh", "cấp cơ sở", "đặt hàng"])


@st.composite
def total_sentences(draw: st.DrawFn) -> tuple[str, list[int]]:
    parts = draw(st.lists(st.integers(min_value=0, max_value=50_000), min_size=2, max_size=5))
    noun = draw(NOUNS)
    anchor = draw(st.sampled_from(["trong đó:", "bao gồm", "gồm", "trong đó"]))
    sep = draw(st.sampled_from(["; ", ", "]))
    listed = sep.join(f"{format_count(n)} {noun} {draw(LABELS)}" for n in parts)
    text = f"Năm 2025 thực hiện {format_number(sum(parts))} {noun}, {anchor} {listed}."
    return text, parts


@given(total_sentences())
def test_a_true_total_never_fails(case: tuple[str, list[int]]) -> None:
    text, _ = case
    findings = audit_text(text)
    assert [f.ok for f in findings] == [True]


@given(total_sentences(), st.data())
def test_one_part_changed_always_fails(case: tuple[str, list[int]], data: st.DataObject) -> None:
    text, parts = case
    which = data.draw(st.integers(min_value=0, max_value=len(parts) - 1))
    delta = data.draw(st.integers(min_value=1, max_value=9))
    numbers = list(re.finditer(r"[0-9][0-9.]*", text))
    target = numbers[2 + which]  # after the year and the total
    changed = text[: target.start()] + format_count(parts[which] + delta) + text[target.end() :]
    assert [f.ok for f in audit_text(changed)] == [False]


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=0, max_value=2),
)
def test_ratio_sentences(part: int, whole: int, places: int) -> None:
    from vn_skt.l10n import format_percent

    pct = format_percent(part, whole, decimals=places)
    text = f"Kiểm định {format_number(part)}/{format_number(whole)} PTĐ (đạt {pct})."
    assert [f.ok for f in audit_text(text)] == [True]
    wrong = pct.replace(pct[0], str((int(pct[0]) + 1) % 10), 1)
    assert [f.ok for f in audit_text(text.replace(pct, wrong))] == [False]


@given(st.text(max_size=200))
def test_junk_never_crashes(text: str) -> None:
    for finding in audit_text(text):
        assert 0 <= finding.span[0] <= finding.span[1] <= len(text)


@st.composite
def written(draw: st.DrawFn, value: int) -> str:
    """``value`` as reports write it: grouped by '.', or by a non-breaking or thin space."""
    separator = draw(st.sampled_from([".", "\u00a0", "\u202f", "\u2009"]))
    return format_number(value).replace(".", separator)


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=2, max_size=4), st.data())
def test_the_audit_reads_numbers_as_parse_number_does(
    parts: list[int], data: st.DataObject
) -> None:
    total = data.draw(written(sum(parts)))
    shown = [data.draw(written(n)) for n in parts]
    text = (
        f"Tổng {total} hồ sơ, trong đó "
        + ", ".join(f"{n} hồ sơ loại {i}" for i, n in enumerate(shown))
        + "."
    )
    (finding,) = audit_text(text)
    assert finding.stated == parse_number(total)
    assert finding.computed == sum(parse_number(n) for n in shown)
    assert finding.ok is True


# -- the word lists are data -----------------------------------------------------------


def test_the_shipped_words_are_nfc_lower_case() -> None:
    words = audit_words()
    every = [
        *words.not_count_after,
        *words.not_count_before,
        *(" ".join(a) for a in words.anchors),
        *words.passed,
        *words.rejected,
        *words.part_separators,
        *words.excess,
        *words.sentence_end,
        *(" ".join(c) for c in words.compared),
        *words.earlier,
        *(" ".join(b) for b in words.base),
    ]
    assert every and all(unicodedata.is_normalized("NFC", w) and w == w.lower() for w in every)
    raw = WORDS_FILE.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    assert load_audit_words() == words


GOOD = WORDS_FILE.read_text(encoding="utf-8")


EXCESS = 'excess = ["vượt"]'
PUNCTUATION = GOOD[GOOD.index("[punctuation]") :]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (PUNCTUATION, PUNCTUATION + "[extra]\nx = ['a']\n", r"unknown section\(s\) \['extra'\]"),
        (EXCESS, EXCESS + "\nbonus = ['a']", r"\[percentages\] has unknown key\(s\) \['bonus'\]"),
        (EXCESS, "", r"\[percentages\] excess is missing"),
        (EXCESS, 'excess = "vượt"', r"excess is 'vượt'; expected a non-empty list"),
        (EXCESS, "excess = []", r"excess is \[\]"),
        (EXCESS, "excess = [3]", r"excess: 3 is not a word"),
        (EXCESS, 'excess = ["Vượt"]', r"excess: 'Vượt' is not NFC lower case"),
        (EXCESS, 'excess = ["vu\u031bo\u031b\u0323t"]', r"NFC lower case; expected 'vượt'"),
        (EXCESS, 'excess = ["vượt quá"]', r"excess: 'vượt quá'; expected one word"),
        ('"bao gồm"', '"bao  gồm"', r"anchors: 'bao  gồm'; expected words separated"),
        ("[counts]", "[counts", r"not a readable TOML file"),
        (PUNCTUATION, "", r"\[punctuation\] is missing"),
    ],
)  # fmt: skip
def test_a_bad_word_file_names_the_file_and_the_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = tmp_path / "words.toml"
    assert old in GOOD
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(InvalidValue, match=message) as info:
        load_audit_words(path)
    assert str(path) in str(info.value)


def test_a_missing_word_file() -> None:
    with pytest.raises(InvalidValue, match="not a readable TOML file"):
        load_audit_words("/nonexistent/words.toml")


# -- shapes seen on published text (issue #17) ------------------------------------------------

CONSISTENT_AND_CHANGED = [
    (
        "Tổ chức 21 cuộc họp, trong đó: 08 cuộc họp hội đồng tư vấn xác định nhiệm vụ; 09 cuộc "
        "họp hội đồng tuyển chọn và giao trực tiếp; 03 cuộc họp nghiệm thu; 01 cuộc họp khác.",
        "03 cuộc họp nghiệm thu",
        "04 cuộc họp nghiệm thu",
    ),
    (
        "Tiếp nhận 109.651 đơn (tăng 5,8% so với năm 2017), bao gồm: 64.894 đơn sáng chế; "
        "44.757 đơn nhãn hiệu.",
        "44.757",
        "44.758",
    ),
    (
        "Nhận được 17 đề xuất. Trong đó, lĩnh vực nông nghiệp: 08 đề xuất; "
        "lĩnh vực y tế: 09 đề xuất.",
        "09 đề xuất",
        "08 đề xuất",
    ),
    (
        "Khảo sát 54 cơ quan: 24 sở, ngành; 12 huyện; 6 doanh nghiệp và 12 trường học.",
        "12 trường",
        "13 trường",
    ),
    ("Kiểm định 20.363 PTĐ, trong đó 19.923 PTĐ đạt; loại bỏ 440 PTĐ.", "440", "441"),
]


@pytest.mark.parametrize(("text", "old", "new"), CONSISTENT_AND_CHANGED)
def test_published_shapes_are_checked_and_a_changed_figure_is_caught(
    text: str, old: str, new: str
) -> None:
    totals = [f for f in audit_text(text) if f.kind is FindingKind.TOTAL]
    assert [f.ok for f in totals] == [True]
    changed = [f for f in audit_text(text.replace(old, new, 1)) if f.kind is FindingKind.TOTAL]
    assert [f.ok for f in changed] == [False]


def test_a_part_in_another_unit_is_not_a_part() -> None:
    assert audit_text("Thử nghiệm 1.551 mẫu, bao gồm 13.397 chỉ tiêu.") == []


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85"])
def test_every_line_break_ends_a_sentence(brk: str) -> None:
    text = f"Thực hiện 41 nhiệm vụ{brk}bao gồm 29 nhiệm vụ chuyển tiếp, 13 nhiệm vụ mở mới"
    assert [f for f in audit_text(text) if f.kind is FindingKind.TOTAL] == []


@pytest.mark.parametrize(
    "text",
    [
        "(" + "có 12 nhiệm vụ trong đó 5 cái " * 3500,
        "có 12 nhiệm vụ trong đó 5 cái " * 3500,
        "12 nhiệm vụ, trong đó" + " " * 100_000 + "5",
    ],
)
def test_pathological_shapes_finish(text: str) -> None:
    # were 15-32 s (quadratic walks); ratios live in benchmarks/bench_scanners.py
    assert isinstance(audit_text(text), list)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Kiểm định 12.418 PTĐ, tăng 8,5% so với cùng kỳ (11.445 PTĐ).", True),
        ("Kiểm định 12.418 PTĐ, tăng 8,6% so với cùng kỳ năm 2024 (11.445 PTĐ).", False),
        ("Tiếp nhận 90 hồ sơ, giảm 10% so với năm 2023 (100 hồ sơ).", True),
        ("Tiếp nhận 90 hồ sơ, giảm 11% so với năm 2023 (100 hồ sơ).", False),
    ],
)
def test_growth_with_both_figures_is_checked(text: str, ok: bool) -> None:
    (finding,) = audit_text(text)
    assert finding.kind is FindingKind.GROWTH and finding.ok is ok
    assert finding.certainty.value == "medium"


def test_growth_without_the_earlier_figure_is_not_checked() -> None:
    (finding,) = audit_text("Doanh thu tăng 8,5% so với cùng kỳ.")
    assert finding.kind is FindingKind.PERCENT and finding.ok is None
    assert finding.certainty.value == "not_checked"


# -- shapes read from the second real-text set (issue #17) --------------------------------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (  # a count of another noun between the total and "trong đó"
            "Phê duyệt 33 đề tài, dự án ở 4 lĩnh vực, trong đó có 12 đề tài chuyển tiếp và "
            "21 đề tài mới.",
            (33, 12, 21),
        ),
        (  # passed as a ratio of the total, then the rejected count
            "Kết quả 21/23 mẫu đạt chất lượng, 2 mẫu phân bón không đạt chất lượng.",
            (23, 21, 2),
        ),
        (  # three or more parts after the total's noun, no colon
            "Kiểm tra tại 54 cơ quan hành chính nhà nước 24 UBND cấp xã; 12 các sở, ngành; 6 "
            "chi cục và 12 UBND cấp huyện.",
            (54, 24, 12, 6, 12),
        ),
        (  # the rest ("còn lại") of a total stated in the sentence before
            "Đăng ký 18 đề tài mới, giảm 3 đề tài so với năm 2022. Tại cuộc họp, có 14 đề tài "
            "đạt 100% phiếu; 4 đề tài còn lại đạt từ 82,6% đến 96% số phiếu.",
            (18, 14, 4),
        ),
    ],
)
def test_new_total_shapes_hold_and_catch_a_changed_figure(
    text: str, figures: tuple[int, ...]
) -> None:
    from vn_skt.reporting import Certainty

    (found,) = [f for f in audit_text(text) if f.kind is FindingKind.TOTAL]
    assert found.ok is True and found.figures == figures
    assert found.certainty is (Certainty.HIGH if "trong đó" in text else Certainty.MEDIUM)
    changed = text.replace(f" {figures[-1]} ", f" {figures[-1] + 1} ", 1)
    assert [f.ok for f in audit_text(changed) if f.kind is FindingKind.TOTAL] == [False]


def test_a_share_with_the_part_after_the_percentage() -> None:
    text = "Lưu giữ 20 nhiệm vụ. Trong đó, nhiệm vụ đến từ Trường đại học chiếm 90% (18 nhiệm vụ)."
    (f,) = audit_text(text)
    assert (f.kind, f.ok, f.figures) == (FindingKind.SHARE, True, (18, 20, 90))
    assert audit_text(text.replace("(18", "(17"))[0].ok is False


def test_a_ratio_percentage_after_a_long_label_with_a_share_word() -> None:
    text = (
        "Trong đó, có 14/30 nhiệm vụ do các sở, ban, ngành, địa phương chủ động đề xuất đặt "
        "hàng, chiếm tỷ lệ 46,67%."
    )
    assert [(f.kind, f.ok) for f in audit_text(text)] == [(FindingKind.RATIO, True)]
    far = text.replace("chiếm tỷ lệ", "đạt")  # no share word: too far to be the ratio's
    assert [f.kind for f in audit_text(far)] == [FindingKind.PERCENT]


def test_a_list_continued_by_con_lai_is_not_added_up() -> None:
    text = (
        "7 đề tài đã được chuyển giao. Trong đó, Công an tỉnh đặt hàng 2 đề tài, Sở NN-PTNT "
        "đặt hàng 2 đề tài. Còn lại ba đơn vị mỗi đơn vị đặt hàng 1 đề tài."
    )
    assert [f for f in audit_text(text) if f.ok is False] == []


def test_two_parts_with_no_marker_are_not_a_bare_list() -> None:
    assert audit_text("Kiểm tra 47 doanh nghiệp 5 mẫu; 3 mẫu không đạt.") == []


# growth with the earlier figure after "so với … là", or before the rate in parentheses;
# a share whose base follows "trong tổng số" (docs/checking-a-report.md) -------------------
NEW_PERCENT_SHAPES = [
    # (consistent text, the kind read, the figure changed, its replacement)
    (
        "Năm 2024 kiểm định 12.418 PTĐ, tăng 8,5% so với năm 2023 là 11.445 PTĐ.",
        FindingKind.GROWTH,
        "11.445",
        "11.545",
    ),
    (
        "Năm 2024 kiểm định 12.418 PTĐ, tăng 8,5% so với năm 2023 là 11.445 PTĐ.",
        FindingKind.GROWTH,
        "8,5%",
        "8,6%",
    ),
    (
        "Năm 2024 kiểm định 12.418 PTĐ (năm 2023: 11.445 PTĐ), tăng 8,5%.",
        FindingKind.GROWTH,
        "12.418",
        "12.518",
    ),
    (
        "Năm 2024 kiểm định 10.000 PTĐ (cùng kỳ: 11.445 PTĐ), giảm 12,6%.",
        FindingKind.GROWTH,
        "12,6%",
        "12,7%",
    ),
    (
        "Năm 2024 thử nghiệm 1.320 mẫu, giảm 12% so với năm 2023 là 1.500 mẫu.",
        FindingKind.GROWTH,
        "1.320",
        "1.330",
    ),
    (
        "Có 25 doanh nghiệp, chiếm 62,5% trong tổng số 40 doanh nghiệp được khảo sát.",
        FindingKind.SHARE,
        "40",
        "41",
    ),
    (
        "Có 25 doanh nghiệp, chiếm 62,5% trong tổng số 40 doanh nghiệp được khảo sát.",
        FindingKind.SHARE,
        "25",
        "26",
    ),
    (
        "Trong tổng số 40 doanh nghiệp, có 25 doanh nghiệp đổi mới công nghệ (chiếm 62,5%).",
        FindingKind.SHARE,
        "62,5%",
        "62,4%",
    ),
    (
        "Trong tổng số 40 doanh nghiệp, có 25 doanh nghiệp đổi mới công nghệ (chiếm 62,5%).",
        FindingKind.SHARE,
        "40",
        "41",
    ),
]


@pytest.mark.parametrize(("text", "kind", "old", "new"), NEW_PERCENT_SHAPES)
def test_growth_and_share_shapes_read_now(text: str, kind: FindingKind, old: str, new: str) -> None:
    (found,) = audit_text(text)
    assert (found.ok, found.kind, found.reason) == (True, kind, FindingReason.PERCENT_MATCHES)
    assert len(found.figures) == 3 and "làm tròn" in found.message
    assert text[found.span[0] : found.span[1]].count("%") == 1
    changed = text.replace(old, new, 1)
    assert changed != text
    (slip,) = audit_text(changed)
    assert (slip.ok, slip.kind, slip.reason) == (False, kind, FindingReason.PERCENT_DIFFERS)
    assert "nhưng văn bản ghi" in slip.message


def test_the_new_shapes_use_the_growth_and_share_arithmetic() -> None:
    (growth,) = audit_text("12.418 PTĐ, tăng 8,5% so với năm 2023 là 11.445 PTĐ.")
    assert growth.figures == (12418, 11445, Decimal("8.5"))
    assert growth.message == "(12.418 − 11.445)/11.445 = 8,502%, làm tròn 8,5% là đúng"
    (before,) = audit_text("12.418 PTĐ (năm 2023: 11.445 PTĐ), tăng 8,5%.")
    assert (before.figures, before.message) == (growth.figures, growth.message)
    (share,) = audit_text("25 doanh nghiệp, chiếm 62,5% trong tổng số 40 doanh nghiệp.")
    assert share.figures == (25, 40, Decimal("62.5"))
    assert share.message == "25/40 = 62,500%, làm tròn 62,5% là đúng"
    (first,) = audit_text("Trong tổng số 40 doanh nghiệp, có 25 doanh nghiệp (chiếm 62,5%).")
    assert (first.figures, first.message) == (share.figures, share.message)


@pytest.mark.parametrize(
    "text",
    [
        # a "," between the comparison and "là": not the shape
        "12.418 PTĐ, tăng 8,5% so với năm 2023, là 11.445 PTĐ được kiểm định.",
        # another word than "là" before the next figure
        "12.418 PTĐ, tăng 8,5% so với năm 2023, đạt 11.445 PTĐ loại 1.",
        # no "so với" after the rate
        "12.418 PTĐ, tăng 8,5% là 11.445 PTĐ.",
        # the parenthesis is a breakdown, not an earlier period
        "12.418 PTĐ (trong đó: 11.445 PTĐ đạt), tăng 8,5%.",
        "12.418 PTĐ (đạt: 11.445 PTĐ), tăng 8,5%.",
        # a base not after "trong tổng số"
        "Có 25 doanh nghiệp, chiếm 62,5% tổng số 40 doanh nghiệp.",
        # "trong tổng số" then a money amount, or a year
        "Có 25 dự án, chiếm 62,5% trong tổng số 40 tỷ đồng.",
        # a share with no part before it
        "Trong tổng số 40 doanh nghiệp, doanh nghiệp nhỏ (chiếm 62,5%).",
        # the base in another clause
        "Trong tổng số 40 doanh nghiệp; có 25 doanh nghiệp (chiếm 62,5%).",
    ],
)
def test_near_misses_of_the_new_shapes_are_not_alarms(text: str) -> None:
    findings = audit_text(text)
    assert all(f.ok is not False for f in findings)
    assert [f.kind for f in findings if f.ok is None] == [FindingKind.PERCENT]
