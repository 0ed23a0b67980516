from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.l10n import clean_text, fold_text


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
