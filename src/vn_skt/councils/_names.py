"""Sắp xếp tên — Vietnamese name order for printing member lists.

Names sort by given name (the last word), then by family and middle names; letters in
Vietnamese alphabetical order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x
y), and, between words equal but for tone, tones in the order of CLDR's Vietnamese
collation (no mark, huyền, hỏi, ngã, sắc, nặng) — which no standard sort does.

>>> sorted(["Trần Văn Bình", "Nguyễn Thị An", "Lê Ánh", "Phạm Đức Anh", "Đỗ Văn Ân"],
...        key=name_sort_key)
['Nguyễn Thị An', 'Phạm Đức Anh', 'Lê Ánh', 'Đỗ Văn Ân', 'Trần Văn Bình']
"""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["name_sort_key", "word_sort_key"]

_ALPHABET: Final = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK: Final = {letter: i for i, letter in enumerate(_ALPHABET)}
# combining marks that make a base letter into another letter of the alphabet
_LETTER_MARKS: Final = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
# tones, in CLDR's Vietnamese order: none, grave, hook above, tilde, acute, dot below
_TONES: Final = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def word_sort_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Khóa sắp xếp một từ — (letters, tones, original) for Vietnamese order."""
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", word.casefold().replace("\u00f0", "đ")):
        if char in _TONES:
            if tones:
                tones[-1] = _TONES[char]
            continue
        if char in _LETTER_MARKS and letters:
            base = _ALPHABET[letters[-1]]
            composed = unicodedata.normalize("NFC", base + char)
            letters[-1] = _RANK.get(composed, letters[-1])
            continue
        if unicodedata.combining(char):
            continue
        letters.append(_RANK.get(char, 100 + ord(char)))
        tones.append(0)
    return tuple(letters), tuple(tones), word


def name_sort_key(name: str) -> tuple[tuple[tuple[int, ...], tuple[int, ...], str], ...]:
    """Khóa sắp xếp họ tên — the given name decides first (its letters, then its tones),
    then the family name and the middle names in turn."""
    words = name.split()
    return tuple(word_sort_key(w) for w in [*words[-1:], *words[:-1]])
