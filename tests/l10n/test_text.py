from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, ParseReason
from vn_skt.l10n import clean_text, fold_text, normal_text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("Uỷ ban", "Ủy ban"),
        ("QÐ-UBND", "QĐ-UBND"),  # look-alike Ð (U+00D0)
        ("qđ-ubnd", "QĐ-UBND"),
        ("Khoa  học\u00a0tự nhiên ", "khoa học tự nhiên"),
        (unicodedata.normalize("NFD", "Nguyễn Thị Hương"), "NGUYỄN THỊ HƯƠNG"),
        ("khoẻ", "khỏe"),
    ],
)
def test_fold_equal(a: str, b: str) -> None:
    assert fold_text(a) == fold_text(b)


@pytest.mark.parametrize(("a", "b"), [("hòa", "hóa"), ("ma", "mà"), ("đa", "da"), ("tư", "tu")])
def test_fold_keeps_what_differs(a: str, b: str) -> None:
    assert fold_text(a) != fold_text(b)


def test_clean_text_keeps_case_and_tones() -> None:
    assert clean_text("  Uỷ\u2009ban   Nhân dân\n") == "Uỷ ban Nhân dân"
    assert clean_text(unicodedata.normalize("NFD", "Đà Nẵng")) == "Đà Nẵng"
    assert clean_text("QÐ") == "QĐ"


@given(st.text())
def test_fold_is_idempotent_and_nfc(text: str) -> None:
    folded = fold_text(text)
    assert fold_text(folded) == folded
    assert unicodedata.is_normalized("NFC", folded)
    assert fold_text(unicodedata.normalize("NFD", text)) == folded


# -- normal_text: the form a parser reads, and the way back ------------------------------

LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})

# Whole letters only (every one a starter in NFC), so NFD(s)[:k] lines up with s[:i].
VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰĐbcdghklmnpqrstvx"
)
VIETNAMESE = st.text(alphabet=st.sampled_from(VIETNAMESE_LETTERS + " 0123456789.,/%-\u00a0"))


def boundaries(origins: list[int]) -> list[int]:
    """Positions of the normal form where a new cluster of the source starts."""
    return [
        i for i in range(len(origins)) if i in (0, len(origins) - 1) or origins[i] > origins[i - 1]
    ]


@given(st.text())
def test_normal_text_is_nfc_and_its_clusters_map_back(text: str) -> None:
    src = normal_text(text)
    assert src.source is text
    assert src.text == unicodedata.normalize("NFC", text).translate(LOOKALIKES)
    origins = [src.origin(i) for i in range(len(src.text) + 1)]
    assert origins[-1] == len(text) and origins[0] == 0
    assert origins == sorted(origins)
    edges = boundaries(origins)
    for a, b in itertools.pairwise(edges):  # each cluster normalises to its image
        piece = text[origins[a] : origins[b]]
        assert unicodedata.normalize("NFC", piece).translate(LOOKALIKES) == src.text[a:b]


@given(VIETNAMESE)
def test_nfd_positions_are_those_of_the_decomposed_text(nfc: str) -> None:
    nfd = unicodedata.normalize("NFD", nfc)
    src = normal_text(nfd)
    assert src.text == nfc.translate(LOOKALIKES)
    for i, char in enumerate(nfc):  # the oracle: how long the decomposed text before it is
        at = src.origin(i)
        assert at == len(unicodedata.normalize("NFD", nfc[:i]))
        assert nfd[at] == unicodedata.normalize("NFD", char)[0]
    assert src.origin(len(nfc)) == len(nfd)


@given(VIETNAMESE)
def test_nfc_text_costs_nothing(text: str) -> None:
    src = normal_text(text)
    assert src.is_identity and src.text == text.translate(LOOKALIKES)
    assert [src.origin(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


@pytest.mark.parametrize(
    ("text", "nfc", "origins"),
    [
        ("Nguye\u0302\u0303n", "Nguyễn", [0, 1, 2, 3, 4, 7, 8]),
        ("\u1100\u1161\u11a8x", "\uac01x", [0, 3, 4]),  # Hangul jamo: three starters, one syllable
        ("\u0b47\u0b3e", "\u0b4b", [0, 2]),  # an Oriya vowel sign composed of two starters
        ("a\u0f73", "a\u0f71\u0f72", [0, 0, 0, 2]),  # NFC longer than the source
        ("\u2adc.", "\u2add\u0338.", [0, 0, 1, 2]),  # a singleton that NFC decomposes
        ("QÐ\u0301", "QĐ\u0301", [0, 1, 2, 3]),  # the look-alike, one character for one
    ],
)
def test_clusters_that_change_length(text: str, nfc: str, origins: list[int]) -> None:
    src = normal_text(text)
    assert src.text == nfc
    assert [src.origin(i) for i in range(len(nfc) + 1)] == origins


def test_lower_keeps_every_position() -> None:
    src = normal_text("İSTANBUL Ð\u00a0Tỷ", lower=True)
    assert src.text == "İstanbul đ\u00a0tỷ" and len(src.text) == len(src.source)
    assert normal_text("ĐỒNG", lower=True).text == "đồng"


@given(st.text())
def test_lower_is_one_character_for_one(text: str) -> None:
    src = normal_text(text, lower=True)
    assert len(src.text) == len(normal_text(text).text)


def test_errors_point_into_the_text_as_given() -> None:
    src = normal_text("Thu\u031b\u0301 x")
    error = src.error(reason=ParseReason.INVALID_CHARACTER, position=4, expected="a digit")
    assert error.text == src.source and error.position == 6 and src.source[6] == "x"
    assert src.error(reason=ParseReason.EMPTY).position is None
    assert src.origin_span(0, 3) == (0, 5)


def test_normal_text_refuses() -> None:
    with pytest.raises(InvalidValue, match="expected str"):
        normal_text(b"abc")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="position 9"):
        normal_text("abc").origin(9)
