"""Soát số liệu báo cáo — check the arithmetic of a report's text before it is signed.

:func:`audit_text` finds the checkable numeric claims of Vietnamese report text and
checks each:

- a ratio with a stated percentage: "163/440 hồ sơ (đạt 37%)";
- a total with its parts: "41 nhiệm vụ, bao gồm 29 nhiệm vụ chuyển tiếp, 12 nhiệm vụ mở
  mới"; "kiểm định 12.418 PTĐ, đạt 12.105 PTĐ, loại bỏ 313 PTĐ"; a count followed by
  "trong đó:" and parts separated by ";";
- a part's stated share of its total: "29 nhiệm vụ chuyển tiếp (chiếm 70,7%)".

A stated percentage is right when it equals the computed one rounded half-up at the
precision it was written with (37% for 37,05%; 14,3% for 14,29%). A percentage whose
base the text does not give is reported with ``ok=None``, never False. Dates, document
numbers and a ratio with no percentage ("07/07 nhiệm vụ") are not claims.

The scan is a single pass of a tokenizer whose patterns cannot backtrack
catastrophically, so a few MB of text take seconds.

>>> [(f.kind.value, f.ok, f.stated) for f in audit_text("Đã thẩm định 163/440 hồ sơ (đạt 37%).")]
[('ratio', True, Decimal('37'))]
>>> f = audit_text("Thực hiện 41 nhiệm vụ, bao gồm 29 nhiệm vụ chuyển tiếp, 13 nhiệm vụ mở mới.")[0]
>>> f.ok, f.stated, f.computed, f.message
(False, 41, 42, 'Tổng các phần 29 + 13 = 42, khác tổng số đã nêu 41')
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Final

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import format_number

from .indicators import round_half_up

__all__ = ["Finding", "FindingKind", "audit_text"]


class FindingKind(StrEnum):
    """Loại khẳng định — what kind of claim a finding checks."""

    RATIO = "ratio"
    """A ratio a/b with a stated percentage."""
    TOTAL = "total"
    """A total with its stated parts."""
    SHARE = "share"
    """A part's stated percentage of its total."""
    PERCENT = "percent"
    """A percentage whose base the text does not give (``ok`` is None)."""


@attrs.frozen
class Finding:
    """Kết quả soát — one numeric claim and whether it holds.

    ``ok`` is True, False, or None when the text does not give enough to decide;
    ``span`` = (start, end) are character offsets into the text as given (end
    exclusive), from the claim's first figure to its last, a stated percentage
    included; ``stated`` is what the text says, ``computed`` what the figures give.
    """

    ok: bool | None
    kind: FindingKind
    span: tuple[int, int]
    stated: int | Decimal
    computed: int | Decimal | None
    message: str


# -- text with offsets -----------------------------------------------------------------


def _nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """NFC of ``text`` and, for each of its characters, the offset it came from (None
    when the text is NFC already: offsets are then the identity)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            cluster = unicodedata.normalize("NFC", text[start:i])
            out.append(cluster)
            offsets.extend([start] * len(cluster))
            start = i
    offsets.append(len(text))
    return "".join(out), offsets


# -- tokens ----------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<num>[0-9]{1,3}(?:[.\u00a0\u202f\u2009][0-9]{3})+(?:,[0-9]+)?(?![0-9])|[0-9]+(?:,[0-9]+)?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<nl>\n)"
    r"|(?P<punct>[^\s\w])"
)


_MAX_DIGITS: Final = 40


class _Token:
    """One token: kind ("num", "word", "nl", "punct", "other"), offsets, text (a word
    lower-cased) and, for a number, its value. A plain slotted class: a few MB of text
    make a million of them."""

    __slots__ = ("end", "kind", "start", "text", "value")

    def __init__(
        self, kind: str, start: int, end: int, text: str, value: int | Decimal | None = None
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.value = value


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    lower = text.lower()
    if len(lower) != len(text):  # a rare letter whose lower case is longer: fold per token
        lower = text
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        start, end = m.span()
        if kind == "word":
            word = lower[start:end]
            out.append(_Token(kind, start, end, word if lower is not text else word.lower()))
            continue
        raw = text[start:end]
        if kind == "num":
            digits = raw.replace(".", "").replace("\u00a0", "").replace("\u202f", "")
            digits = digits.replace("\u2009", "")
            if len(digits) > _MAX_DIGITS:  # not a figure anyone writes in a report
                out.append(_Token("other", start, end, raw))
                continue
            value: int | Decimal = (
                Decimal(digits.replace(",", ".")) if "," in digits else int(digits)
            )
            out.append(_Token(kind, start, end, raw, value))
        else:
            out.append(_Token(kind, start, end, raw))
    return out


_PERIOD_WORDS: Final = frozenset(
    {
        "năm",
        "tháng",
        "quý",
        "ngày",
        "đoạn",
        "kỳ",
        "số",
        "điều",
        "khoản",
        "mục",
        "lần",
        "thứ",
        "khóa",
        "khoá",
        "giai",
    }
)
_MONEY_WORDS: Final = frozenset({"đồng", "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "đ", "usd", "vnđ"})
_ANCHORS: Final = (("trong", "đó"), ("bao", "gồm"), ("gồm",))
_ANCHOR_FIRST: Final = frozenset(words[0] for words in _ANCHORS)
_SHARE_WORDS: Final = frozenset({"chiếm", "đạt", "bằng", "tỷ", "lệ"})
_SENTENCE_END: Final = frozenset({".", "!", "?"})


class _Scanner:
    """Claims over the token list; every index walk is bounded, so the scan is linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.t = _tokens(text)
        self.used: set[int] = set()  # token indexes of percentages already in a claim
        self.findings: list[tuple[int, int, Finding]] = []

    # token predicates --------------------------------------------------------------
    def punct(self, i: int, chars: str) -> bool:
        return 0 <= i < len(self.t) and self.t[i].kind == "punct" and self.t[i].text in chars

    def is_percent(self, i: int) -> bool:
        return self.t[i].kind == "num" and self.punct(i + 1, "%")

    def is_boundary(self, i: int) -> bool:
        tok = self.t[i]
        return tok.kind == "nl" or (tok.kind == "punct" and tok.text in _SENTENCE_END)

    def is_count(self, i: int) -> bool:
        """A number that can be a total or a part: not a year, a date, a ratio, money, a %."""
        tok = self.t[i]
        if (
            tok.kind != "num"
            or self.is_percent(i)
            or self.punct(i - 1, "/")
            or self.punct(i + 1, "/")
        ):
            return False
        if i > 0 and self.t[i - 1].kind == "word" and self.t[i - 1].text in _PERIOD_WORDS:
            return False
        nxt = self.t[i + 1] if i + 1 < len(self.t) else None
        return not (nxt is not None and nxt.kind == "word" and nxt.text in _MONEY_WORDS)

    def anchor_at(self, i: int) -> int:
        """Length in tokens of a "trong đó"/"bao gồm"/"gồm" anchor at ``i`` (0 if none)."""
        tok = self.t[i]
        if tok.kind != "word" or tok.text not in _ANCHOR_FIRST:
            return 0
        for words in _ANCHORS:
            if all(
                i + k < len(self.t) and self.t[i + k].kind == "word" and self.t[i + k].text == w
                for k, w in enumerate(words)
            ):
                return len(words)
        return 0

    # claims --------------------------------------------------------------------------
    def scan(self) -> list[tuple[int, int, Finding]]:
        """Every finding with its (start, end) in the scanned text, in reading order."""
        self.ratios()
        self.totals()
        self.leftover_percentages()
        return sorted(self.findings, key=lambda item: (item[0], item[1]))

    def add(self, start_tok: int, end_tok: int, finding: Finding) -> None:
        self.findings.append((self.t[start_tok].start, self.t[end_tok].end, finding))

    def ratios(self) -> None:
        t = self.t
        for i in range(len(t) - 2):
            if not (t[i].kind == "num" and self.punct(i + 1, "/") and t[i + 2].kind == "num"):
                continue
            if self.punct(i - 1, "/") or self.punct(i + 3, "/"):  # a date, or a reference
                continue
            if self.is_percent(i + 2):
                continue
            pct = self.percent_after(i + 3, limit=14)
            if pct is None:
                continue  # "07/07 nhiệm vụ": a ratio with no percentage is not a claim
            part, whole = t[i].value, t[i + 2].value
            assert part is not None and whole is not None
            self.used.add(pct)
            self.check_share(
                FindingKind.RATIO,
                i,
                pct,
                Fraction(part),
                Fraction(whole),
                f"{t[i].text}/{t[i + 2].text}",
            )

    def percent_after(self, j: int, *, limit: int) -> int | None:
        """The index of the percentage that closes a ratio, if one follows closely."""
        t = self.t
        for k in range(j, min(len(t), j + limit)):
            if self.is_boundary(k) or self.punct(k, ";"):
                return None
            if t[k].kind == "num":
                if self.is_percent(k):
                    return k
                if k > 0 and t[k - 1].kind == "word" and t[k - 1].text in _PERIOD_WORDS:
                    continue  # "năm 2024" may stand between a ratio and its percentage
                return None
        return None

    def check_share(
        self, kind: FindingKind, first: int, pct: int, part: Fraction, whole: Fraction, label: str
    ) -> None:
        stated_tok = self.t[pct]
        stated = Decimal(stated_tok.value) if stated_tok.value is not None else Decimal(0)
        places = max(0, -int(stated.as_tuple().exponent))
        end = pct + 1  # the "%" sign
        if whole == 0:
            self.add(
                first,
                end,
                Finding(
                    None, kind, (0, 0), stated, None, f"{label}: tổng bằng 0, không tính được tỷ lệ"
                ),
            )
            return
        exact = part / whole * 100
        if pct > 0 and self.t[pct - 1].kind == "word" and self.t[pct - 1].text == "vượt":
            exact -= 100  # "(vượt 12%)": the stated figure is the excess over the whole
            label = f"{label} − 100%"
        computed = round_half_up(exact, places)
        shown = f"{format_number(stated, places)}%"
        precise = format_number(exact, places + 2)
        if computed == stated:
            message = f"{label} = {precise}%, làm tròn {shown} là đúng"
        else:
            message = (
                f"{label} = {precise}%, làm tròn là {format_number(computed, places)}%, "
                f"nhưng văn bản ghi {shown}"
            )
        self.add(first, end, Finding(computed == stated, kind, (0, 0), stated, computed, message))

    def totals(self) -> None:
        t = self.t
        claimed_until = -1
        i = 0
        while i < len(t):
            size = self.anchor_at(i)
            is_dat = t[i].kind == "word" and t[i].text == "đạt"
            if (size or is_dat) and i > claimed_until:
                done = self.total_claim(i, size, is_dat)
                if done is not None:
                    claimed_until = done
            i += 1

    def total_claim(self, anchor: int, size: int, is_dat: bool) -> int | None:
        """Check the claim anchored at ``anchor``; the index of its last token, if any."""
        t = self.t
        total = None
        for k in range(anchor - 1, max(-1, anchor - 16), -1):
            if self.is_boundary(k) or self.punct(k, ";:"):
                break
            if self.is_count(k):
                total = k
                break
            if t[k].kind == "num":
                break
        if total is None:
            return None
        parts, shares, last = self.parts_after(anchor + (0 if is_dat else size), is_dat)
        if len(parts) < 2 and not (parts and self.value(parts[0]) > self.value(total)):
            return None
        whole = self.value(total)
        self.check_sum(total, parts, last)
        for part, pct in shares:
            self.used.add(pct)
            self.check_share(
                FindingKind.SHARE,
                part,
                pct,
                self.value(part),
                whole,
                f"{t[part].text}/{t[total].text}",
            )
        return last

    def parts_after(self, j: int, is_dat: bool) -> tuple[list[int], list[tuple[int, int]], int]:
        """The parts listed from token ``j``: (part indexes, (part, its %), last index)."""
        t = self.t
        parts: list[int] = []
        shares: list[tuple[int, int]] = []
        last = j
        k = j
        if self.punct(k, ":"):
            k += 1
        while k < len(t):
            # one segment: up to 6 words, then the part's number
            found = self.segment_number(k, stop_at_anchor=True)
            if found is None or (is_dat and parts and not self.is_rejection(k, found)):
                break
            parts.append(found)
            last = found
            # the rest of the segment, skipping a parenthesised breakdown
            m = found + 1
            depth = 0
            share_found = False  # a part states at most one share of the total
            while m < len(t):
                if self.punct(m, "("):
                    if depth == 0:
                        self.breakdown(found, m)
                    depth += 1
                elif self.punct(m, ")"):
                    depth = max(0, depth - 1)
                elif depth == 0 and (
                    self.is_boundary(m) or self.punct(m, ";,") or t[m].text == "và"
                ):
                    break
                elif self.is_percent(m) and m not in self.used and depth <= 1 and not share_found:
                    shares.append((found, m))
                    share_found = True
                    last = m + 1
                m += 1
            if m >= len(t) or self.is_boundary(m):
                break
            k = m + 1
            if is_dat and len(parts) == 2:
                break
        return parts, shares, last

    def breakdown(self, total: int, open_paren: int) -> None:
        """A part's own breakdown in parentheses: "14 nhiệm vụ (lĩnh vực A: 06; B: 08)"."""
        t = self.t
        parts: list[int] = []
        k = open_paren + 1
        while k < len(t) and len(parts) < 64:
            found = self.segment_number(k, stop_at_anchor=False)
            if found is None:
                return
            parts.append(found)
            m = found + 1
            while m < len(t) and not (self.is_boundary(m) or self.punct(m, ";,()")):
                m += 1
            if m >= len(t) or not self.punct(m, ";,"):
                break
            k = m + 1
        if len(parts) < 2 or not self.punct(m, ")"):
            return
        self.check_sum(total, parts, parts[-1])

    def check_sum(self, total: int, parts: list[int], last: int) -> None:
        """The finding for "``total``, trong đó ``parts``": two or more parts must add up
        to the total; a single part must not exceed it."""
        t = self.t
        summed = sum((self.value(p) for p in parts), Fraction(0))
        computed = _plain(summed)
        terms = " + ".join(t[p].text for p in parts)
        stated = t[total].value
        assert stated is not None
        if len(parts) == 1:
            ok, message = False, f"Phần {terms} lớn hơn tổng số đã nêu {t[total].text}"
        elif summed == self.value(total):
            ok, message = (
                True,
                f"Tổng các phần {terms} = {_shown(computed)}, khớp tổng số {t[total].text}",
            )
        else:
            ok = False
            message = (
                f"Tổng các phần {terms} = {_shown(computed)}, khác tổng số đã nêu {t[total].text}"
            )
        self.add(total, last, Finding(ok, FindingKind.TOTAL, (0, 0), stated, computed, message))

    def segment_number(self, k: int, *, stop_at_anchor: bool) -> int | None:
        """The count that opens the list segment starting at ``k``, after a short label
        ("lĩnh vực y tế, công nghệ thông tin: 08 ..."); None when the segment has none."""
        t = self.t
        words = 0
        for m in range(k, min(len(t), k + 16)):
            if self.is_boundary(m) or self.punct(m, ";()"):
                return None
            if stop_at_anchor and self.anchor_at(m):
                return None
            if t[m].kind == "num":
                return m if self.is_count(m) else None
            if t[m].kind == "word":
                words += 1
                if words > 8:
                    return None
        return None

    def is_rejection(self, start: int, number: int) -> bool:
        """In a "đạt ..., loại bỏ ..." list the second part is the rejected count."""
        words = {self.t[m].text for m in range(start, number) if self.t[m].kind == "word"}
        return bool(words & {"loại", "bỏ", "không", "hỏng"})

    def value(self, i: int) -> Fraction:
        value = self.t[i].value
        assert value is not None
        return Fraction(value)

    def leftover_percentages(self) -> None:
        for i in range(len(self.t) - 1):
            if self.is_percent(i) and i not in self.used:
                tok = self.t[i]
                stated = Decimal(tok.value) if tok.value is not None else Decimal(0)
                self.add(
                    i,
                    i + 1,
                    Finding(
                        None,
                        FindingKind.PERCENT,
                        (0, 0),
                        stated,
                        None,
                        f"Không xác định được cơ sở để kiểm tra tỷ lệ {tok.text}%",
                    ),
                )


def _plain(value: Fraction) -> int | Decimal:
    if value.denominator == 1:
        return value.numerator
    return Decimal(value.numerator) / Decimal(value.denominator)


def _shown(value: int | Decimal) -> str:
    return format_number(value)


def audit_text(text: str) -> list[Finding]:
    """Soát số liệu — every checkable numeric claim in ``text``, in reading order.

    Works on NFD text, stray spaces and "19.923PTĐ" (no space); spans index the text
    as given.
    """
    if not isinstance(text, str):
        raise InvalidValue(f"audit_text: got {text!r} ({type(text).__name__}); expected str")
    normal, offsets = _nfc_with_offsets(text)
    findings = _Scanner(normal).scan()
    if offsets is None:
        return [attrs.evolve(finding, span=(start, end)) for start, end, finding in findings]
    return [
        attrs.evolve(finding, span=(offsets[start], offsets[end]))
        for start, end, finding in findings
    ]
