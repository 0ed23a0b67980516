"""Từ ngữ soát số liệu — the word lists of the report audit, read from data and checked.

The lists live in ``audit_words.toml`` beside this module (shipped in the wheel). They
are loaded once, on first use, and validated: an unknown or missing section or key, a
value that is not a non-empty list of strings, or a word that is not NFC and lower case
raises :class:`~vn_skt.errors.InvalidValue` naming the file and the key.

>>> words = audit_words()
>>> "năm" in words.not_count_after, words.anchors[0]
(True, ('trong', 'đó'))
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from pathlib import Path
from typing import Final

import attrs

from vn_skt.errors import InvalidValue

__all__ = ["WORDS_FILE", "AuditWords", "audit_words", "load_audit_words"]

WORDS_FILE: Final = Path(__file__).with_name("audit_words.toml")
"""The shipped word lists."""

# section -> key -> whether each entry may be several words (a phrase)
_SCHEMA: Final = {
    "counts": {"not_after": False, "count_after": True, "not_before": False},
    "totals": {
        "anchors": True,
        "passed": False,
        "rejected": False,
        "part_separators": False,
        "partial": True,
        "qualifier": False,
        "remainder": True,
    },
    "percentages": {
        "excess": False,
        "increase": False,
        "decrease": False,
        "share": False,
        "compared": True,
        "earlier": False,
        "base": True,
    },
    "punctuation": {"sentence_end": False},
}


@attrs.frozen
class AuditWords:
    """Từ ngữ soát — the words the audit reads, by the role they play."""

    not_count_after: frozenset[str]
    """A number right after one of these is a year, a date or an ordinal, not a count."""
    count_after: frozenset[tuple[str, str]]
    """Two-word phrases after which a number is a count even though their last word is
    in :attr:`not_count_after` ("danh mục 179 nhiệm vụ")."""
    not_count_before: frozenset[str]
    """A number right before one of these is money, not a count."""
    anchors: tuple[tuple[str, ...], ...]
    """Phrases (as words, longest first) that open the list of a total's parts."""
    passed: frozenset[str]
    """Words that open a passed/rejected split of a total ("đạt ..., loại bỏ ...")."""
    rejected: frozenset[str]
    """Words that mark the rejected part of such a split."""
    part_separators: frozenset[str]
    """Words that end one part of a list, as "," and ";" do."""
    partial: tuple[tuple[str, ...], ...]
    """Phrases (as words) right after an anchor that say only some parts are listed."""
    qualifier: frozenset[str]
    """Words before a count that qualifies the noun before it ("33 đề tài ở 4 lĩnh vực"):
    such a count is not the total of the list that follows."""
    remainder: tuple[tuple[str, ...], ...]
    """Phrases that, opening the sentence after a list, say the list goes on."""
    share: frozenset[str]
    """Words right before a percentage that states a share ("chiếm 46,67%", "tỷ lệ"): a
    ratio's percentage may then stand after a longer label."""
    excess: frozenset[str]
    """Words before a percentage that states the excess over the whole ("vượt 12%")."""
    increase: frozenset[str]
    """Words before a growth rate ("tăng 8,5% so với cùng kỳ")."""
    decrease: frozenset[str]
    """Words before a rate of decrease ("giảm 3% so với năm 2023")."""
    compared: tuple[tuple[str, ...], ...]
    """Phrases (as words) right after a growth rate that open its comparison ("so với")."""
    earlier: frozenset[str]
    """Words right before the earlier figure of a comparison ("so với năm 2023 là 11.445")."""
    base: tuple[tuple[str, ...], ...]
    """Phrases (as words) right before the base of a share ("chiếm 62,5% trong tổng số 40")."""
    sentence_end: frozenset[str]
    """Punctuation that ends a sentence."""

    @property
    def anchor_first(self) -> frozenset[str]:
        """The first word of every anchor (a quick test before matching a phrase)."""
        return frozenset(words[0] for words in self.anchors)


def load_audit_words(path: str | Path = WORDS_FILE) -> AuditWords:
    """Đọc từ ngữ soát — read and check a word-list file (the shipped one by default)."""
    path = Path(path)
    try:
        lists = _checked(path, tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InvalidValue(f"{path}: not a readable TOML file of word lists: {exc}") from exc
    anchors = sorted((tuple(a.split(" ")) for a in lists["totals.anchors"]), key=len, reverse=True)
    return AuditWords(
        not_count_after=frozenset(lists["counts.not_after"]),
        count_after=frozenset(_pair(p) for p in lists["counts.count_after"]),
        not_count_before=frozenset(lists["counts.not_before"]),
        anchors=tuple(anchors),
        passed=frozenset(lists["totals.passed"]),
        rejected=frozenset(lists["totals.rejected"]),
        part_separators=frozenset(lists["totals.part_separators"]),
        partial=tuple(tuple(p.split(" ")) for p in lists["totals.partial"]),
        qualifier=frozenset(lists["totals.qualifier"]),
        share=frozenset(lists["percentages.share"]),
        remainder=tuple(tuple(p.split(" ")) for p in lists["totals.remainder"]),
        excess=frozenset(lists["percentages.excess"]),
        increase=frozenset(lists["percentages.increase"]),
        decrease=frozenset(lists["percentages.decrease"]),
        compared=tuple(tuple(p.split(" ")) for p in lists["percentages.compared"]),
        earlier=frozenset(lists["percentages.earlier"]),
        base=tuple(tuple(p.split(" ")) for p in lists["percentages.base"]),
        sentence_end=frozenset(lists["punctuation.sentence_end"]),
    )


def _pair(phrase: str) -> tuple[str, str]:
    words = phrase.split(" ")
    return (words[0], words[-1]) if len(words) > 1 else ("", words[0])


@cache
def audit_words() -> AuditWords:
    """Từ ngữ soát — the shipped word lists, loaded once."""
    return load_audit_words(WORDS_FILE)


def _checked(path: Path, data: dict[str, object]) -> dict[str, list[str]]:
    """Every ``section.key`` of the schema with its checked list of words."""
    unknown = sorted(set(data) - set(_SCHEMA))
    if unknown:
        raise InvalidValue(f"{path}: unknown section(s) {unknown}; expected {sorted(_SCHEMA)}")
    lists: dict[str, list[str]] = {}
    for section, keys in _SCHEMA.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise InvalidValue(
                f"{path}: [{section}] is {'missing' if table is None else repr(table)}; "
                f"expected a table with the keys {sorted(keys)}"
            )
        unknown = sorted(set(table) - set(keys))
        if unknown:
            raise InvalidValue(
                f"{path}: [{section}] has unknown key(s) {unknown}; expected {sorted(keys)}"
            )
        for key, phrases in keys.items():
            where = f"{path}: [{section}] {key}"
            value = table.get(key)
            if value is None:
                raise InvalidValue(f"{where} is missing; expected a list of words")
            lists[f"{section}.{key}"] = _words(where, value, phrases=phrases)
    return lists


def _words(where: str, value: object, *, phrases: bool) -> list[str]:
    if not isinstance(value, list) or not value:
        raise InvalidValue(f"{where} is {value!r}; expected a non-empty list of strings")
    words: list[str] = []
    for word in value:
        if not isinstance(word, str) or not word:
            raise InvalidValue(f"{where}: {word!r} is not a word; expected a non-empty string")
        if not unicodedata.is_normalized("NFC", word) or word != word.lower():
            raise InvalidValue(
                f"{where}: {word!r} is not NFC lower case; expected "
                f"{unicodedata.normalize('NFC', word).lower()!r}"
            )
        parts = word.split(" ")
        if any(part.split() != [part] for part in parts) or (len(parts) > 1 and not phrases):
            expected = "words separated by single spaces" if phrases else "one word"
            raise InvalidValue(f"{where}: {word!r}; expected {expected}")
        words.append(word)
    return words
