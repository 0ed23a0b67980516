"""to_words follows DOMAIN.md's rules; a small reader in the test inverts it."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue
from vn_skt.l10n import money_in_words, to_words

CASES = {
    0: "không",
    5: "năm",
    10: "mười",
    11: "mười một",
    14: "mười bốn",
    15: "mười lăm",
    20: "hai mươi",
    21: "hai mươi mốt",
    24: "hai mươi tư",
    25: "hai mươi lăm",
    55: "năm mươi lăm",
    101: "một trăm linh một",
    105: "một trăm linh năm",
    110: "một trăm mười",
    115: "một trăm mười lăm",
    1_000: "một nghìn",
    1_005: "một nghìn không trăm linh năm",
    1_015: "một nghìn không trăm mười lăm",
    10_000: "mười nghìn",
    1_000_000: "một triệu",
    1_000_001: "một triệu không nghìn không trăm linh một",
    10**9: "một tỷ",
    18_460_000_000: "mười tám tỷ bốn trăm sáu mươi triệu",
    2_500_000_000_000: "hai nghìn năm trăm tỷ",
    10**18: "một tỷ tỷ",
    -21: "âm hai mươi mốt",
    -5: "âm năm",
}


@pytest.mark.parametrize(("n", "words"), CASES.items())
def test_examples(n: int, words: str) -> None:
    assert to_words(n) == words


def test_south_variant() -> None:
    assert to_words(1_015, variant="south") == "một ngàn không trăm mười lăm"
    assert to_words(105, variant="south") == "một trăm lẻ năm"


def test_money_in_words() -> None:
    assert money_in_words(18_460_000_000) == "Mười tám tỷ bốn trăm sáu mươi triệu đồng"
    assert money_in_words(0) == "Không đồng"
    assert money_in_words(-1_000) == "Âm một nghìn đồng"


@pytest.mark.parametrize("bad", [1.5, True, "5", None])
def test_refuses(bad: object) -> None:
    with pytest.raises(InvalidValue):
        to_words(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="variant"):
        to_words(5, variant="west")  # type: ignore[arg-type]


# -- a reader: words -> int, written from the rules, not from the implementation ------

UNITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6}


def read_below_billion(words: list[str]) -> int:
    total, group, pending = 0, 0, 0
    for word in words:
        if word in UNITS:
            pending = UNITS[word]
        elif word == "trăm":
            group += pending * 100
            pending = 0
        elif word == "mười":
            group += 10
            pending = 0
        elif word == "mươi":
            group += pending * 10
            pending = 0
        elif word in ("linh", "lẻ"):
            pending = 0
        elif word in SCALES:
            total += (group + pending) * SCALES[word]
            group, pending = 0, 0
        else:
            raise AssertionError(f"unexpected word {word!r}")
    return total + group + pending


def read(text: str) -> int:
    words = text.split()
    sign = 1
    if words[0] == "âm":
        sign, words = -1, words[1:]
    if "tỷ" not in words:
        return sign * read_below_billion(words)
    last = len(words) - 1 - words[::-1].index("tỷ")
    return sign * (read(" ".join(words[:last])) * 10**9 + read_below_billion(words[last + 1 :]))


@pytest.mark.parametrize(("n", "words"), CASES.items())
def test_reader_reads_the_examples(n: int, words: str) -> None:
    assert read(words) == n


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_reader_inverts_to_words(n: int) -> None:
    assert read(to_words(n)) == n
    assert read(to_words(n, variant="south")) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_rules_hold(n: int) -> None:
    words = to_words(n).split()
    for before, after in itertools.pairwise(words):
        if after in {"mốt", "tư"}:
            assert before == "mươi"  # 21 "mốt", 24 "tư" only after "mươi"
        if after == "lăm":
            assert before in ("mười", "mươi")  # 15, 25; but 105 "linh năm"
        if before == "linh":
            assert after in UNITS and after not in ("mốt", "tư", "lăm")
    assert "mười mốt" not in to_words(n)
    assert "mười tư" not in to_words(n)
    assert "linh lăm" not in to_words(n)
