"""Chuẩn hóa văn bản — the one normalisation every name, code and label comparison uses.

Real text mixes NFC and NFD, old and new tone placement (hoà / hòa, thuỷ / thủy,
Uỷ / Ủy), the look-alike ``Ð`` (U+00D0, Icelandic eth) for ``Đ`` (U+0110), non-breaking
and thin spaces. :func:`clean_text` gives the canonical display form; :func:`fold_text`
gives a comparison key in which all of these, and case, are equal.

>>> fold_text("Hoà Bình") == fold_text("HÒA  BÌNH") == fold_text("hòa bình")
True
>>> fold_text("QÐ-UBND") == fold_text("qđ-ubnd")
True
>>> fold_text("hòa") == fold_text("hóa")
False
>>> clean_text("  Uỷ\u00a0ban  nhân dân ")
'Uỷ ban nhân dân'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["SPACES", "clean_text", "fold_text"]

SPACES = "\u00a0\u2007\u2009\u202f\u200a\u2002\u2003\u2004\u2005\u2006\u3000"
"""Space characters real text carries besides the ASCII space (NBSP, thin, narrow...)."""

_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})  # Ð→Đ, ð→đ
_WHITESPACE = re.compile(r"\s+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_SPACE_TABLE = str.maketrans(dict.fromkeys(SPACES, " "))


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
