"""The audit's fast tokenizer (one ``re.split`` on the separators, the words cut by
``str.split``) gives exactly the tokens, kinds and offsets of ``_TOKEN.finditer``."""

from __future__ import annotations

import random
import re

import pytest

from vn_skt.l10n import normal_text
from vn_skt.reporting._audit import (
    _MAX_DIGITS,
    _NUM_RE,
    _OTHER,
    _SEPARATORS,
    _TOKEN,
    _scan,
    _Scanner,
    _Tokens,
)
from vn_skt.reporting._audit_words import audit_words

from .audit_snapshot import cases

EXTRA = [
    "",
    " ",
    "a",
    "12",
    "  36  nhiệm vụ  ,trong đó:22;14 ",
    "1\u00a0234 và 5\u202f678,5 tỷ\tđồng\u00a0\u00a0nữa",
    "x\u3000y\u2028z\u0085w\r\n\r12.418,5%",
    "a_b 12",  # an underscore: the full tokenizer
    "٣ nhiệm vụ 12",  # a digit of another script
    "x² 12 nhiệm vụ",
    "9" * 45 + " 12",
    "nhiệm vụ" + " " * 50 + "(12/30)" + "\u00a0" * 3,
    "đ",
]


def _reference(text: str) -> list[tuple[str, str, int]]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        assert kind is not None
        if kind == "num" and sum(map(str.isdigit, m.group())) > _MAX_DIGITS:
            kind = _OTHER
        out.append((kind, m.group(), m.start()))
    return out


@pytest.mark.parametrize("text", EXTRA)
def test_fast_tokens_are_the_full_tokenizer_s(text: str) -> None:
    tokens = _Tokens(text)
    got = [
        (k, t, tokens.start(i))
        for i, (k, t) in enumerate(zip(tokens.kind, tokens.text, strict=True))
    ]
    assert got == _reference(text)
    assert all(tokens.end(i) == tokens.start(i) + len(t) for i, t in enumerate(tokens.text))


def test_fast_tokens_on_every_snapshot_input() -> None:
    differ = []
    for given in cases():
        text = normal_text(given, lower=True).text
        tokens = _Tokens(text)
        got = list(zip(tokens.kind, tokens.text, strict=True))
        expected = _reference(text)
        starts = [tokens.start(i) for i in range(len(got))]
        if got != [(k, t) for k, t, _ in expected] or starts != [s for _, _, s in expected]:
            differ.append(text[:80])
    assert differ == []


def test_the_separators_read_numbers_as_number_regex_does() -> None:
    number = re.compile(_NUM_RE)
    for text in ("12.418.5", "1.234,5", "12 345", "1\u00a0234\u00a0567,25", "0123", "1.23"):
        pieces = _SEPARATORS.split(text)
        assert [p for p in pieces[1::2] if p[:1].isdigit()] == number.findall(text)


def test_the_offsets_sweep_is_the_index() -> None:
    """``_Tokens.starts`` (one sweep over the tokens a finding names) gives the same
    offsets as ``_Tokens.start``, for every token and for sparse sets of tokens."""
    rng = random.Random(17)
    differ = []
    for given in [*cases(), *EXTRA]:
        text = normal_text(given, lower=True).text
        n = len(_Tokens(text).kind)
        for wanted in (list(range(n)), sorted(rng.sample(range(n), min(n, 5)))):
            swept = _Tokens(text).starts(wanted)
            indexed = _Tokens(text)
            if swept != {i: indexed.start(i) for i in wanted}:
                differ.append(text[:80])
    assert differ == []


def test_a_long_text_is_scanned_in_runs_of_lines_with_the_same_findings() -> None:
    """``_scan`` cuts a long text after line breaks, or a long line after a sentence
    that nothing reads across (``chunk`` characters or more per run): with runs as
    short as one line or sentence, every snapshot input and 600 glued ones give the
    findings of one scan of the whole text."""
    words = audit_words()
    texts = [normal_text(t, lower=True).text for t in cases()]
    rng = random.Random(5)
    glued = [
        rng.choice(("\n", "\r\n", "\r", "\u2028", "\n\n", ". ", ".  ", ". trong đó ", " ")).join(
            rng.sample(texts, 6)
        )
        for _ in range(600)
    ]
    # the next line opens with "còn lại": the list above it goes on (read across the cut)
    across = [
        "có 20 đề tài, trong đó 12 đề tài a, 5 đề tài b" + brk + "còn lại 3 đề tài c" + tail
        for brk in ("\n", "\r\n", "\r", "\u2029")
        for tail in ("", "\n", "\nkhác 3/4 (đạt 75%).")
    ]
    differ = []
    for text in [*across, *texts, *glued]:
        whole = _Scanner(text, words).scan()
        for chunk in (1, 20, 60, 300):
            if _scan(text, words, chunk) != whole:
                differ.append((chunk, text[:80]))
    assert differ == []
