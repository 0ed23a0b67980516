"""Chuẩn hóa văn bản — the one home of text normalisation: clean, fold, and the way back.

Real text mixes NFC and NFD, old and new tone placement (hoà / hòa, thuỷ / thủy,
Uỷ / Ủy), the look-alike ``Ð`` (U+00D0, Icelandic eth) for ``Đ`` (U+0110), non-breaking
and thin spaces. Three functions, one job each:

- :func:`clean_text` — the canonical display form (NFC, ``Đ``, one space, trimmed);
- :func:`fold_text` — a comparison key under which all of these, and case, are equal;
- :func:`normal_text` — the form a parser reads (NFC, ``Đ``, optionally lower case)
  together with the way back: every parser reads the normal form and reports
  positions in the text *as the caller gave it*, NFD included.

>>> fold_text("Hoà Bình") == fold_text("HÒA  BÌNH") == fold_text("hòa bình")
True
>>> fold_text("QÐ-UBND") == fold_text("qđ-ubnd")
True
>>> fold_text("hòa") == fold_text("hóa")
False
>>> clean_text("  Uỷ\u00a0ban  nhân dân ")
'Uỷ ban nhân dân'
>>> src = normal_text("Nga\u0300y 32", lower=True)  # NFD, as some old editors write it
>>> src.text, src.origin(5), src.source[src.origin(5)]
('ngày 32', 6, '3')
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import Final, final

from vn_skt.errors import InvalidValue, ParseError, ParseReason

__all__ = ["SPACES", "NormalText", "clean_text", "fold_text", "normal_text"]

SPACES: Final = "\u00a0\u2007\u2009\u202f\u200a\u2002\u2003\u2004\u2005\u2006\u3000"
"""Space characters real text carries besides the ASCII space (NBSP, thin, narrow...)."""

_LOOKALIKES: Final = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})  # Ð→Đ, ð→đ
_WHITESPACE: Final = re.compile(r"\s+")
_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_SPACE_TABLE: Final = str.maketrans(dict.fromkeys(SPACES, " "))


def clean_text(text: str) -> str:
    """Làm sạch — NFC, ``Ð`` → ``Đ``, every run of whitespace one space, trimmed.

    Case and tone placement are kept: this is the form to display or store.
    """
    text = unicodedata.normalize("NFC", text.translate(_LOOKALIKES).translate(_SPACE_TABLE))
    return _WHITESPACE.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def fold_text(text: str) -> str:
    """Khóa so sánh — a key under which two spellings of the same name are equal.

    Folds NFC/NFD, case, whitespace, the look-alike ``Ð``, and old vs new tone
    placement (each syllable's tone mark is moved after its letters), keeping the letters and
    the tone itself: ``hòa`` and ``hoà`` fold together, ``hòa`` and ``hóa`` do not.
    Not for display.
    """
    decomposed = unicodedata.normalize("NFD", clean_text(text).casefold())
    out: list[str] = []
    tones: list[str] = []
    for char in decomposed:  # a syllable's tone mark goes to the end of its letters
        if char in _TONES:
            tones.append(char)
        elif char.isalpha() or unicodedata.combining(char):
            out.append(char)
        else:
            out.extend(tones)
            tones.clear()
            out.append(char)
    out.extend(tones)
    return unicodedata.normalize("NFC", "".join(out))


# -- the normal form a parser reads, and the way back -----------------------------------


@final
class NormalText:
    """Văn bản chuẩn — the form a parser reads, and the way back to the caller's text.

    ``text`` is the normal form (see :func:`normal_text`), ``source`` the text as the
    caller gave it. :meth:`origin` maps a position of ``text`` to the position in
    ``source`` of the character (for a composed character: of the first character of
    the cluster) it came from; ``origin(len(text)) == len(source)``. For text that is
    already NFC, which is nearly all text, the map is the identity and costs nothing.
    """

    __slots__ = ("_nfc_at", "_src_at", "source", "text")

    text: str
    source: str
    _nfc_at: list[int] | None
    _src_at: list[int] | None

    def __init__(
        self, text: str, source: str, breakpoints: tuple[list[int], list[int]] | None = None
    ) -> None:
        self.text = text
        self.source = source
        # origin(i) = _src_at[j] + (i - _nfc_at[j]) for the last breakpoint j with
        # _nfc_at[j] <= i; None: the identity.
        if breakpoints is None:
            self._nfc_at = self._src_at = None
        else:
            self._nfc_at, self._src_at = breakpoints

    def __repr__(self) -> str:
        return f"normal_text({self.source!r}) -> {self.text!r}"

    @property
    def is_identity(self) -> bool:
        """Whether every position of ``text`` is the same position of ``source``."""
        return self._nfc_at is None

    def origin(self, position: int) -> int:
        """Vị trí gốc — the position in ``source`` of ``text[position]``."""
        if not 0 <= position <= len(self.text):
            msg = f"origin: got position {position!r}; expected 0..{len(self.text)}"
            raise InvalidValue(msg)
        if self._nfc_at is None or self._src_at is None:
            return position
        j = bisect_right(self._nfc_at, position) - 1
        return self._src_at[j] + position - self._nfc_at[j]

    def origin_span(self, start: int, end: int) -> tuple[int, int]:
        """Đoạn gốc — ``(start, end)`` of ``text`` (end exclusive) as a span of ``source``."""
        return self.origin(start), self.origin(end)

    def error(
        self, *, reason: ParseReason, position: int | None = None, expected: str = ""
    ) -> ParseError:
        """Lỗi đọc — a ParseError against ``source`` for trouble at ``text[position]``."""
        where = None if position is None else self.origin(position)
        return ParseError(self.source, reason=reason, position=where, expected=expected)


def normal_text(text: str, *, lower: bool = False) -> NormalText:
    """Dạng chuẩn để đọc — NFC, ``Ð`` → ``Đ`` and, with ``lower``, lower case; with the
    way back to ``text``'s own positions (:meth:`NormalText.origin`).

    Only NFC changes lengths (an NFD ``"ê"`` + tone is three characters, one in NFC);
    the other steps are one character for one, so the map is exact. A character whose
    lower case is longer (only ``"İ"``) is kept as it is. Spaces are left alone: a
    parser decides what a space means.

    >>> src = normal_text("QÐ 5 tri\u1ec7u")
    >>> src.text, src.is_identity
    ('QĐ 5 triệu', True)
    >>> nfd = normal_text("Thu\u031b\u0301 na\u0306m")  # "Thứ năm" in NFD
    >>> nfd.text, [nfd.origin(i) for i in range(len(nfd.text) + 1)]
    ('Thứ năm', [0, 1, 2, 5, 6, 7, 9, 10])
    """
    if not isinstance(text, str):
        msg = f"normal_text: got {text!r} ({type(text).__name__}); expected str"
        raise InvalidValue(msg)
    breakpoints = None
    if unicodedata.is_normalized("NFC", text):
        out = text
    else:
        out, breakpoints = _nfc_with_breakpoints(text)
    if "\u00d0" in out or "\u00f0" in out:
        out = out.translate(_LOOKALIKES)
    if lower:
        out = _lower(out)
    return NormalText(out, text, breakpoints)


_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]+")


def _lower(text: str) -> str:
    """Lower case, one character for one (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):  # each character gave one: positions are unchanged
        return low
    longer = "".join(sorted({c for c in text if len(c.lower()) != 1}))
    keep = re.compile(f"[^{re.escape(longer)}]+")
    return keep.sub(lambda m: m.group().lower(), text)


def _nfc_with_breakpoints(text: str) -> tuple[str, tuple[list[int], list[int]]]:
    """NFC of ``text`` with the breakpoints of its position map (see NormalText).

    A boundary before an ASCII character is always safe (ASCII never composes with
    what precedes it), so each run of non-ASCII characters, with the character before
    it, is normalised on its own, cluster by cluster.
    """
    pieces: list[str] = []
    nfc_at = [0]
    src_at = [0]
    copied = 0  # source characters already in pieces
    produced = 0  # NFC characters in pieces

    def point(nfc: int, src: int) -> None:
        if src_at[-1] + nfc - nfc_at[-1] != src:  # not on the current line
            nfc_at.append(nfc)
            src_at.append(src)

    for run in _NON_ASCII.finditer(text):
        first, last = run.span()
        first = max(first - 1, copied)  # the base letter of the run's first marks
        segment = text[first:last]
        if unicodedata.is_normalized("NFC", segment):
            continue
        pieces.append(text[copied:first])
        produced += first - copied
        for start, end in _clusters(segment):
            source = segment[start:end]
            nfc = unicodedata.normalize("NFC", source)
            if nfc != source:
                point(produced, first + start)
                for k in range(1, len(nfc)):  # every character of a cluster maps to its start
                    nfc_at.append(produced + k)
                    src_at.append(first + start)
                point(produced + len(nfc), first + end)
            pieces.append(nfc)
            produced += len(nfc)
        copied = last
    pieces.append(text[copied:])
    return "".join(pieces), (nfc_at, src_at)


def _clusters(segment: str) -> list[tuple[int, int]]:
    """(start, end) of each run of ``segment`` that normalises on its own."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(segment)):
        char = segment[i]
        if unicodedata.combining(char):
            continue
        # Below U+0300 no character composes with, or reorders into, what precedes it.
        if char >= "\u0300":
            so_far = unicodedata.normalize("NFC", segment[start:i])
            if _joins(so_far[-1], char):
                continue
        bounds.append((start, i))
        start = i
    bounds.append((start, len(segment)))
    return bounds


@lru_cache(maxsize=1024)
def _joins(before: str, char: str) -> bool:
    """Whether NFC may join ``char`` (a starter) to the character ``before`` it: a
    composition (Hangul jamo, some Indic vowel signs) or a decomposition that starts
    with a combining mark."""
    if unicodedata.combining(unicodedata.normalize("NFD", char)[0]):
        return True
    nfc = unicodedata.normalize("NFC", char)
    return unicodedata.normalize("NFC", before + char) != before + nfc
