"""A sweep of every public text parser with a fixed-seed junk corpus (tests/property/
junk_corpus.py): each raises only vn_skt's error tree, and a ParseError's position
indexes the text as given (NFD included). The default run reads 5.000 inputs per
parser (50.000 calls in all); the slow run (CI) reads 100.000 per parser (1.000.000)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vn_skt.calendar import Period
from vn_skt.documents import DocumentRef, find_document_refs
from vn_skt.errors import ParseError, VnSktError
from vn_skt.l10n import parse_date, parse_money, parse_number, parse_percent
from vn_skt.reporting import audit_text

from .junk_corpus import junk

PARSERS: dict[str, Callable[[str], object]] = {
    "parse_number": parse_number,
    "parse_percent": parse_percent,
    "parse_money": parse_money,
    "parse_money(unit=triệu)": lambda text: parse_money(text, unit="triệu"),
    "parse_date": parse_date,
    "parse_date(strict)": lambda text: parse_date(text, strict=True),
    "Period.parse": Period.parse,
    "DocumentRef.parse": DocumentRef.parse,
    "find_document_refs": find_document_refs,
    "audit_text": audit_text,
}


def _sweep(count: int) -> int:
    calls = 0
    for index, text in enumerate(junk(count)):
        for name, parser in PARSERS.items():
            calls += 1
            try:
                parser(text)
            except ParseError as exc:
                assert exc.text == text, (name, index)
                assert exc.position is None or 0 <= exc.position <= len(text), (name, index)
            except VnSktError:
                pass
            except Exception as exc:  # pragma: no cover - the failure we hunt
                pytest.fail(f"{name} on junk #{index} {text[:80]!r}: {type(exc).__name__}: {exc}")
    return calls


def test_every_parser_on_the_junk_corpus() -> None:
    assert _sweep(5_000) == 50_000


@pytest.mark.slow
def test_every_parser_on_the_full_junk_corpus() -> None:
    assert _sweep(100_000) == 1_000_000


def test_the_corpus_is_fixed() -> None:
    assert list(junk(3)) == list(junk(3))
    assert sum(len(text) for text in junk(800)) == sum(len(text) for text in junk(800))
