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

import gc
import re
from bisect import bisect_left
from decimal import Decimal
from enum import Enum, StrEnum
from fractions import Fraction
from typing import Final

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import (
    INLINE_GROUP_SPACES,
    format_number,
    normal_text,
    number_regex,
    number_value,
    round_decimal,
)

from ._audit_words import AuditWords, audit_words

__all__ = ["Certainty", "Finding", "FindingKind", "FindingReason", "audit_text"]


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
    GROWTH = "growth"
    """A rate of increase or decrease with both figures given ("12.418 PTĐ, tăng 8,5%
    so với cùng kỳ (11.445 PTĐ)")."""


class FindingReason(StrEnum):
    """Lý do — why a finding holds, fails, or cannot be decided: the closed set of
    :attr:`Finding.reason` values (it only grows; a reason never changes meaning)."""

    PARTS_ADD_UP = "parts_add_up"
    """True: the parts add up to the stated total."""
    PARTS_DIFFER = "parts_differ"
    """False: the parts add up to another number than the stated total."""
    PART_EXCEEDS_TOTAL = "part_exceeds_total"
    """False: the one part listed is larger than the stated total."""
    PERCENT_MATCHES = "percent_matches"
    """True: the stated percentage is the computed one rounded as written."""
    PERCENT_DIFFERS = "percent_differs"
    """False: the computed percentage, rounded as written, is another number."""
    ZERO_BASE = "zero_base"
    """None: the base of the percentage is 0, so there is no percentage to check."""
    NO_BASE = "no_base"
    """None: the text does not give the base of the percentage."""


class Certainty(StrEnum):
    """Độ chắc chắn — how sure the audit is that it read the claim as the writer meant it."""

    HIGH = "high"
    """A ratio with its percentage, or a total whose parts a marker ("trong đó", "bao
    gồm", "gồm") opens in the same sentence."""
    MEDIUM = "medium"
    """A reading with no marker word: parts after a bare colon, a total in the sentence
    before "Trong đó", a passed/rejected split ("đạt …, loại bỏ …")."""
    NOT_CHECKED = "not_checked"
    """``ok`` is None: the text does not give what the check needs."""


@attrs.frozen
class Finding:
    """Kết quả soát — one numeric claim and whether it holds.

    ``ok`` is True, False, or None when the text does not give enough to decide;
    ``span`` = (start, end) are character offsets into the text as given (end
    exclusive), from the claim's first figure to its last, a stated percentage
    included; ``stated`` is what the text says, ``computed`` what the figures give;
    ``reason`` says why in a stable code, ``message`` in Vietnamese (with the
    arithmetic); ``figures`` are the stated figures the claim relates (a total, then
    its parts; a part and its whole), ``sentence`` the (start, end) of the sentence or
    sentences that hold them, ``certainty`` how sure the reading is.
    """

    ok: bool | None
    kind: FindingKind
    span: tuple[int, int]
    stated: int | Decimal
    computed: int | Decimal | None
    message: str
    reason: FindingReason = attrs.field(kw_only=True)
    figures: tuple[int | Decimal, ...] = attrs.field(default=(), kw_only=True)
    sentence: tuple[int, int] = attrs.field(default=(0, 0), kw_only=True)
    certainty: Certainty = attrs.field(default=Certainty.HIGH, kw_only=True)


# -- tokens ----------------------------------------------------------------------------


class _Kind(Enum):
    """Loại từ tố — what a token of report text is."""

    NUM = "num"
    """A number, read by the l10n tokenizer (number_regex with running-text spaces)."""
    WORD = "word"
    """A run of letters, lower-cased."""
    NL = "nl"
    """A line break: it ends a sentence."""
    PUNCT = "punct"
    """One character that is neither a letter, a digit nor a space."""
    OTHER = "other"
    """Digits no report writes as a figure (more than 40)."""


_TOKEN: Final = re.compile(
    rf"(?P<num>{number_regex(INLINE_GROUP_SPACES)})"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<nl>[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])"
    r"|(?P<punct>[^\s\w])"
)
_KINDS: Final = {kind.value: kind for kind in _Kind}
_MAX_DIGITS: Final = 40
_SEGMENT: Final = 48  # tokens: a list part longer than this ends the list
_MAX_PARTS: Final = 64  # parts in one list: more is not a breakdown a reader checks
_NUM, _WORD, _PUNCT = _Kind.NUM, _Kind.WORD, _Kind.PUNCT


class _Token:
    """One token: its kind, offsets, text and, for a number, its value. A plain
    slotted class: a few MB of text make a million of them."""

    __slots__ = ("end", "kind", "start", "text", "value")

    def __init__(
        self, kind: _Kind, start: int, end: int, text: str, value: int | Decimal | None = None
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.value = value


def _tokens(text: str) -> list[_Token]:
    """The tokens of ``text`` (already NFC and lower case)."""
    out: list[_Token] = []
    for m in _TOKEN.finditer(text):
        kind = _KINDS[m.lastgroup or "punct"]
        start, end = m.span()
        raw = m.group()
        if kind is _NUM:
            if len(raw) > _MAX_DIGITS and sum(map(str.isdigit, raw)) > _MAX_DIGITS:
                out.append(_Token(_Kind.OTHER, start, end, raw))  # not a figure of a report
            else:
                out.append(_Token(kind, start, end, raw, number_value(raw)))
        else:
            out.append(_Token(kind, start, end, raw))
    return out


class _Scanner:
    """Claims over the token list; every index walk is bounded, so the scan is linear."""

    def __init__(self, text: str, words: AuditWords) -> None:
        self.text = text
        self.w = words
        self.anchor_first = words.anchor_first
        self.t = _tokens(text)
        self.used: set[int] = set()  # token indexes of percentages already in a claim
        self.claimed: set[int] = set()  # token indexes inside a total's claim
        self.findings: list[tuple[int, int, int, int, Finding]] = []
        # one character per token: the punctuation mark, "\n" for a line break, "" else
        nl, punct = _Kind.NL, _PUNCT
        self.pc = [
            tok.text if tok.kind is punct else "\n" if tok.kind is nl else "" for tok in self.t
        ]
        ends = frozenset(words.sentence_end) | {"\n"}
        self.bound = [c in ends and c != "" for c in self.pc]
        # token indexes of sentence ends: a finding's sentence is found by bisection
        self.ends = [i for i, b in enumerate(self.bound) if b]
        self.certainty = Certainty.HIGH  # of the claim being read
        self.crossed = False  # its total stands in the sentence before
        self.figures: tuple[int | Decimal, ...] = ()  # its stated figures

    # token predicates --------------------------------------------------------------
    def punct(self, i: int, chars: str) -> bool:
        if 0 <= i < len(self.pc):
            c = self.pc[i]
            return c not in ("", "\n") and c in chars
        return False

    def is_percent(self, i: int) -> bool:
        return i + 1 < len(self.pc) and self.pc[i + 1] == "%" and self.t[i].kind is _NUM

    def is_boundary(self, i: int) -> bool:
        return self.bound[i]

    def is_count(self, i: int) -> bool:
        """A number that can be a total or a part: not a year, a date, a ratio, money, a %."""
        tok = self.t[i]
        if (
            tok.kind is not _NUM
            or self.is_percent(i)
            or self.punct(i - 1, "/")
            or self.punct(i + 1, "/")
        ):
            return False
        before = self.t[i - 1] if i > 0 else None
        if before is not None and before.kind is _WORD and before.text in self.w.not_count_after:
            two = self.t[i - 2].text if i > 1 else ""
            if (two, before.text) not in self.w.count_after:
                return False
        nxt = self.t[i + 1] if i + 1 < len(self.t) else None
        return not (nxt is not None and nxt.kind is _WORD and nxt.text in self.w.not_count_before)

    def anchor_at(self, i: int) -> int:
        """Length in tokens of a "trong đó"/"bao gồm"/"gồm" anchor at ``i`` (0 if none)."""
        tok = self.t[i]
        if tok.kind is not _WORD or tok.text not in self.anchor_first:
            return 0
        for words in self.w.anchors:
            if all(
                i + k < len(self.t) and self.t[i + k].kind is _WORD and self.t[i + k].text == w
                for k, w in enumerate(words)
            ):
                return len(words)
        return 0

    # claims --------------------------------------------------------------------------
    def scan(self) -> list[tuple[int, int, int, int, Finding]]:
        """Every finding with its (start, end) in the scanned text, in reading order."""
        self.ratios()
        self.totals()
        self.bare_lists()
        self.remainders()
        self.growths()
        self.leftover_percentages()
        return sorted(self.findings, key=lambda item: (item[0], item[1]))

    def add(self, start_tok: int, end_tok: int, finding: Finding) -> None:
        t = self.t
        before = bisect_left(self.ends, start_tok) - 1
        first = self.ends[before] + 1 if before >= 0 else 0
        after = bisect_left(self.ends, end_tok)
        last = self.ends[after] if after < len(self.ends) else len(t) - 1
        figures = self.figures or (finding.stated,)
        self.figures = ()
        certainty = Certainty.NOT_CHECKED if finding.ok is None else self.certainty
        finding = attrs.evolve(finding, figures=figures, certainty=certainty)
        self.findings.append(
            (t[start_tok].start, t[end_tok].end, t[first].start, t[last].end, finding)
        )

    def ratios(self) -> None:
        t = self.t
        for i in [j - 1 for j, c in enumerate(self.pc) if c == "/" and 0 < j < len(t) - 1]:
            if not (t[i].kind is _NUM and t[i + 2].kind is _NUM):
                continue
            if self.punct(i - 1, "/") or self.punct(i + 3, "/"):  # a date, or a reference
                continue
            if self.is_percent(i + 2):
                continue
            pct = self.percent_after(i + 3, limit=32)
            if pct is None:
                self.passed_ratio(i)  # "21/23 mẫu đạt …, 2 mẫu … không đạt"
                continue  # "07/07 nhiệm vụ": a ratio with no percentage is not a claim
            part, whole = t[i].value, t[i + 2].value
            assert part is not None and whole is not None
            self.used.add(pct)
            self.figures = (part, whole, self.stated(pct))
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
            if t[k].kind is _NUM:
                if self.is_percent(k):
                    near = k - j < 14 or (t[k - 1].kind is _WORD and t[k - 1].text in self.w.share)
                    return k if near else None
                if k > 0 and t[k - 1].kind is _WORD and t[k - 1].text in self.w.not_count_after:
                    continue  # "năm 2024" may stand between a ratio and its percentage
                return None
        return None

    def passed_ratio(self, i: int) -> None:
        """ "21/23 mẫu đạt chất lượng, 2 mẫu phân bón không đạt": the whole of the ratio
        is the total, its part the passed count, the count after "," the rejected one."""
        t, pc, w = self.t, self.pc, self.w
        passed = False
        for m in range(i + 3, min(len(t), i + 14)):
            if self.bound[m] or pc[m] in (";", ":", "(", ")") or t[m].kind is _NUM:
                return
            if t[m].kind is _WORD and t[m].text in w.passed:
                passed = passed or not (t[m - 1].kind is _WORD and t[m - 1].text in w.rejected)
            if pc[m] == ",":
                break
        else:
            return
        rejected = self.segment_number(m + 1, stop_at_anchor=True)
        if not passed or rejected is None:
            return
        words = set()
        for k in range(rejected + 1, min(len(t), rejected + 10)):
            if self.bound[k] or pc[k] in (",", ";", "(", ")") or t[k].kind is _NUM:
                break
            words.add(t[k].text)
        if words.isdisjoint(w.rejected):
            return
        self.certainty = Certainty.MEDIUM
        self.figures = (self.stated(i + 2), self.stated(i), self.stated(rejected))
        self.check_sum(i + 2, [i, rejected], rejected, first=i)
        self.certainty = Certainty.HIGH

    def check_share(
        self,
        kind: FindingKind,
        first: int,
        pct: int,
        part: Fraction,
        whole: Fraction,
        label: str,
        *,
        last: int | None = None,
    ) -> None:
        stated_tok = self.t[pct]
        stated = Decimal(stated_tok.value) if stated_tok.value is not None else Decimal(0)
        places = max(0, -int(stated.as_tuple().exponent))
        end = pct + 1 if last is None else last  # the "%" sign, or the part after it
        if whole == 0:
            self.add(
                first,
                end,
                Finding(
                    None,
                    kind,
                    (0, 0),
                    stated,
                    None,
                    f"{label}: tổng bằng 0, không tính được tỷ lệ",
                    reason=FindingReason.ZERO_BASE,
                ),
            )
            return
        exact = part / whole * 100
        before = self.t[pct - 1] if pct > 0 else None
        if before is not None and before.kind is _WORD and before.text in self.w.excess:
            exact -= 100  # "(vượt 12%)": the stated figure is the excess over the whole
            label = f"{label} − 100%"
        computed = round_decimal(exact, places)
        shown = f"{format_number(stated, places)}%"
        precise = format_number(exact, places + 2)
        if computed == stated:
            reason = FindingReason.PERCENT_MATCHES
            message = f"{label} = {precise}%, làm tròn {shown} là đúng"
        else:
            reason = FindingReason.PERCENT_DIFFERS
            message = (
                f"{label} = {precise}%, làm tròn là {format_number(computed, places)}%, "
                f"nhưng văn bản ghi {shown}"
            )
        finding = Finding(
            computed == stated, kind, (0, 0), stated, computed, message, reason=reason
        )
        self.add(first, end, finding)

    def totals(self) -> None:
        t = self.t
        claimed_until = -1
        triggers = self.anchor_first | self.w.passed | {":"}
        for i in [i for i, tok in enumerate(t) if tok.text in triggers]:
            size = self.anchor_at(i)
            is_dat = (
                t[i].kind is _WORD
                and t[i].text in self.w.passed
                and not (i > 0 and t[i - 1].kind is _WORD and t[i - 1].text in self.w.rejected)
            )  # "không đạt 10" is the rejected count, not the start of a passed/rejected split
            colon = not size and self.punct(i, ":") and self.count_near_before(i)
            if (size or is_dat or colon) and i > claimed_until:
                done = self.total_claim(i, 1 if colon else size, is_dat, colon=colon)
                if done is not None:
                    claimed_until = done

    def continued_after(self, last: int) -> bool:
        """The sentence after the list ending at ``last`` opens with "Còn lại …"."""
        for m in range(last + 1, min(len(self.t), last + _SEGMENT)):
            if self.is_boundary(m):
                return self.partial_at(m + 1, self.w.remainder)
        return False

    def remainders(self) -> None:
        """ "18 đề tài … mới, giảm 3 đề tài so với năm 2022. Tại cuộc họp, có 14 đề tài
        …; 4 đề tài còn lại …": the parts of a sentence separated by ";", the last one
        called the rest ("còn lại"), make the total the sentence before ends its count
        with (a change "tăng/giảm 3" skipped). Certainty medium."""
        t, pc, w = self.t, self.pc, self.w
        first_words = {words[0] for words in w.remainder}
        for r in [k for k, tok in enumerate(t) if tok.text in first_words]:
            if not self.partial_at(r, w.remainder):
                continue
            last = next((k for k in range(r - 1, max(-1, r - 5), -1) if t[k].kind is not _WORD), -1)
            if last < 0 or not self.is_count(last) or last in self.claimed:
                continue
            start = last  # the sentence's first token
            while start > 0 and not self.bound[start - 1] and last - start < 64:
                start -= 1
            if start == 0 or not self.bound[start - 1] or pc[start - 1] == "\n":
                continue
            parts: list[int] = []
            k = start
            while k <= last:
                found = self.segment_number(k, stop_at_anchor=True)
                if found is None or found > last:
                    break
                parts.append(found)
                m = found + 1
                while m < last and pc[m] != ";":
                    m += 1
                k = m + 1
            if len(parts) < 2 or parts[-1] != last:
                continue
            total = None
            for k in range(start - 2, max(-1, start - 42), -1):
                if self.bound[k] or pc[k] in (";", ":"):
                    break
                if t[k].kind is _NUM and self.is_count(k):
                    before = t[k - 1].text if k > 0 else ""
                    if before in w.increase or before in w.decrease:
                        continue  # "giảm 3 đề tài": a change, not the total
                    total = k
                    break
            if total is None:
                continue
            self.certainty = Certainty.MEDIUM
            self.figures = tuple(self.stated(k) for k in (total, *parts))
            self.claimed.update(range(total, last + 1))
            self.check_sum(total, parts, last)
            self.certainty = Certainty.HIGH

    def first_separator(self, k: int) -> str:
        """The first "," or ";" after the figure at ``k`` in its sentence ("" if none)."""
        for m in range(k + 1, min(len(self.t), k + _SEGMENT)):
            if self.bound[m]:
                return ""
            if self.pc[m] in (",", ";"):
                return self.pc[m]
        return ""

    def bare_lists(self) -> None:
        """ "54 cơ quan hành chính nhà nước 24 UBND cấp xã; 12 các sở, ngành; 6 chi cục
        và 12 UBND cấp huyện": a count, a few words, then three or more parts separated
        by ";" with no marker or colon (certainty medium)."""
        t = self.t
        for i in [k for k, tok in enumerate(t) if tok.kind is _NUM and k not in self.claimed]:
            if i == 0 or t[i - 1].kind is not _WORD or not self.count_near_before(i):
                continue
            if not self.is_count(i) or self.first_separator(i) != ";":
                continue
            self.total_claim(i, 0, False, colon=True, min_parts=3)

    def partial_at(self, i: int, phrases: tuple[tuple[str, ...], ...] | None = None) -> bool:
        """A "chủ yếu"/"một số" phrase (or one of ``phrases``) starts at ``i``."""
        t = self.t
        for words in self.w.partial if phrases is None else phrases:
            if all(
                i + k < len(t) and t[i + k].kind is _WORD and t[i + k].text == w
                for k, w in enumerate(words)
            ):
                return True
        return False

    def ellipsis_after(self, part: int) -> bool:
        """The part at ``part`` ends with "..." or "…" (within its few label words)."""
        t = self.t
        for m in range(part + 1, min(len(t), part + 12)):
            if self.punct(m, "…") or (self.punct(m, ".") and self.punct(m + 1, ".")):
                return True
            if self.is_boundary(m) or self.punct(m, ";,"):
                return False
        return False

    def count_near_before(self, i: int) -> bool:
        """A count with at most eight words after it stands right before ``i``:
        "54 cơ quan: 24 …", "51 thủ tục hành chính thuộc các lĩnh vực: …"."""
        for k in range(i - 1, max(-1, i - 10), -1):
            if self.t[k].kind is _NUM:
                return self.is_count(k)
            if self.t[k].kind is not _WORD:
                return False
        return False

    def total_claim(
        self, anchor: int, size: int, is_dat: bool, *, colon: bool = False, min_parts: int = 2
    ) -> int | None:
        """Check the claim anchored at ``anchor``; the index of its last token, if any."""
        t = self.t
        total = self.total_before(anchor)
        if total is None:
            return None
        start = anchor + (0 if is_dat else size)
        if self.partial_at(start) or self.partial_at(start + 1):
            return None  # "trong đó chủ yếu là …": some parts only; nothing to add up
        parts, shares, last = self.parts_after(start, is_dat)
        if not parts and not is_dat and not colon:
            return self.share_before_part(total, start)
        if parts and (self.punct(last + 1, "…") or self.ellipsis_after(parts[-1])):
            return None  # "…, 13 mẫu..." : the list goes on beyond what is written
        if colon and len(parts) < min_parts:
            return None  # a lone figure after a colon is not a breakdown
        if parts and self.continued_after(last):
            return None  # "… 2 đề tài. Còn lại …": the list goes on in the next sentence
        if len(parts) < 2 and not (
            parts
            and self.value(parts[0]) > self.value(total)
            and self.noun(parts[0]) in (None, self.noun(total))
        ):
            return None  # "1.551 mẫu, bao gồm 13.397 chỉ tiêu": another unit, not a part
        whole = self.value(total)
        marked = not (colon or is_dat or self.crossed)
        self.certainty = Certainty.HIGH if marked else Certainty.MEDIUM
        self.figures = tuple(self.stated(k) for k in (total, *parts))
        self.claimed.update(range(total, last + 1))
        self.check_sum(total, parts, last)
        for part, pct in shares:
            self.used.add(pct)
            self.figures = (self.stated(part), self.stated(total), self.stated(pct))
            self.check_share(
                FindingKind.SHARE,
                part,
                pct,
                self.value(part),
                whole,
                f"{t[part].text}/{t[total].text}",
            )
        self.certainty = Certainty.HIGH
        return last

    def share_before_part(self, total: int, start: int) -> int | None:
        """ "20 nhiệm vụ. Trong đó, nhiệm vụ đến từ trường đại học chiếm 90% (18 nhiệm
        vụ)": the part's count in parentheses right after its stated share."""
        t, pc = self.t, self.pc
        for k in range(start, min(len(t) - 4, start + 16)):
            if self.bound[k] or pc[k] in (";", "(", ")"):
                return None
            if t[k].kind is _NUM:
                if not (
                    self.is_percent(k)
                    and k not in self.used
                    and k + 3 < len(t)
                    and pc[k + 2] == "("
                    and self.is_count(k + 3)
                ):
                    return None
                close = k + 4
                while close < min(len(t), k + 8) and t[close].kind is _WORD:
                    close += 1
                if close >= len(t) or pc[close] != ")":
                    return None
                part = k + 3
                self.used.add(k)
                self.certainty = Certainty.HIGH if not self.crossed else Certainty.MEDIUM
                self.figures = (self.stated(part), self.stated(total), self.stated(k))
                self.check_share(
                    FindingKind.SHARE,
                    total,
                    k,
                    self.value(part),
                    self.value(total),
                    f"{t[part].text}/{t[total].text}",
                    last=part,
                )
                self.certainty = Certainty.HIGH
                return part
        return None

    def total_before(self, anchor: int) -> int | None:
        """The total a list anchored at ``anchor`` breaks down: the nearest count before
        it in the same clause, skipping a parenthesis ("109.651 đơn (tăng 5,8% …), bao
        gồm"); when the anchor opens a sentence ("17 đề xuất. Trong đó, …"), the last
        count of the sentence before. Walks back at most 24 tokens."""
        t = self.t
        crossed = False
        self.crossed = False
        k = anchor - 1
        floor = max(-1, anchor - 24)
        while k > floor:
            if self.punct(k, ")"):
                depth = 0
                while k > floor:
                    if self.punct(k, ")"):
                        depth += 1
                    elif self.punct(k, "("):
                        depth -= 1
                        if depth == 0:
                            break
                    k -= 1
                k -= 1
                continue
            if self.is_boundary(k):
                if crossed or k != anchor - 1 or t[k].kind is _Kind.NL:
                    return None
                crossed = self.crossed = True  # "… 17 đề xuất. Trong đó, …"
                floor = max(-1, k - 40)  # the sentence before, up to 40 tokens back
                k -= 1
                continue
            if self.punct(k, ";:") and not (k == anchor - 1 and self.punct(k, ":")):
                return None
            if self.is_count(k):
                if k > 0 and t[k - 1].kind is _WORD and t[k - 1].text in self.w.qualifier:
                    k -= 2  # "33 đề tài ở 4 lĩnh vực, trong đó …": 4 qualifies, not a total
                    continue
                return k
            if t[k].kind is _NUM:
                return None
            k -= 1
        return None

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
            stop = min(len(t), found + _SEGMENT)
            pc, bound, seps, used = self.pc, self.bound, self.w.part_separators, self.used
            while m < stop:
                c = pc[m]
                if c == "(":
                    if depth == 0:
                        self.breakdown(found, m)
                    depth += 1
                elif c == ")":
                    depth = max(0, depth - 1)
                elif depth == 0 and (bound[m] or c == ";"):
                    break
                elif (
                    depth == 0
                    and (c == "," or (not c and t[m].kind is _WORD and t[m].text in seps))
                    and self.segment_number(m + 1, stop_at_anchor=True) is not None
                ):
                    break  # "…, 12 …" / "… và 12 …"; "tuyển chọn và giao trực tiếp" is a label
                elif (
                    not c
                    and depth <= 1
                    and not share_found
                    and self.is_percent(m)
                    and m not in used
                ):
                    shares.append((found, m))
                    share_found = True
                    last = m + 1
                m += 1
            if m >= stop or self.is_boundary(m):
                break
            k = m + 1
            if (is_dat and len(parts) == 2) or len(parts) >= _MAX_PARTS:
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
            stop = min(len(t), found + _SEGMENT)
            while m < stop and not (self.is_boundary(m) or self.punct(m, ";,()")):
                m += 1
            if m >= stop or not self.punct(m, ";,"):
                break
            k = m + 1
        if len(parts) < 2 or not self.punct(m, ")"):
            return
        self.check_sum(total, parts, parts[-1])

    def check_sum(
        self, total: int, parts: list[int], last: int, *, first: int | None = None
    ) -> None:
        """The finding for "``total``, trong đó ``parts``": two or more parts must add up
        to the total; a single part must not exceed it."""
        t = self.t
        summed = sum((self.value(p) for p in parts), Fraction(0))
        computed = _plain(summed)
        terms = " + ".join(t[p].text for p in parts)
        stated = t[total].value
        assert stated is not None
        if len(parts) == 1:
            ok, reason = False, FindingReason.PART_EXCEEDS_TOTAL
            message = f"Phần {terms} lớn hơn tổng số đã nêu {t[total].text}"
        elif summed == self.value(total):
            ok, reason = True, FindingReason.PARTS_ADD_UP
            message = f"Tổng các phần {terms} = {_shown(computed)}, khớp tổng số {t[total].text}"
        else:
            ok, reason = False, FindingReason.PARTS_DIFFER
            message = (
                f"Tổng các phần {terms} = {_shown(computed)}, khác tổng số đã nêu {t[total].text}"
            )
        finding = Finding(ok, FindingKind.TOTAL, (0, 0), stated, computed, message, reason=reason)
        self.add(total if first is None else first, last, finding)

    def segment_number(self, k: int, *, stop_at_anchor: bool) -> int | None:
        """The count that opens the list segment starting at ``k``, after a short label
        ("lĩnh vực y tế, công nghệ thông tin: 08 ..."); None when the segment has none."""
        t, pc, bound = self.t, self.pc, self.bound
        n = len(t)
        words = 0
        for m in range(k, min(n, k + 16)):
            c = pc[m]
            if c:
                if c == "(" and m + 2 < n and pc[m + 2] == ")":
                    # "Sở hữu trí tuệ (19), …": the part's figure in parentheses after its name
                    return m + 1 if self.is_count(m + 1) else None
                if bound[m] or c in ";()":
                    return None
                continue
            tok = t[m]
            if tok.kind is _NUM:
                return m if self.is_count(m) else None
            if tok.kind is _WORD:
                if stop_at_anchor and tok.text in self.anchor_first and self.anchor_at(m):
                    return None
                words += 1
                if words > 8:
                    return None
        return None

    def is_rejection(self, start: int, number: int) -> bool:
        """In a "đạt ..., loại bỏ ..." list the second part is the rejected count."""
        words = {self.t[m].text for m in range(start, number) if self.t[m].kind is _WORD}
        return not words.isdisjoint(self.w.rejected)

    def noun(self, i: int) -> str | None:
        """The word right after the number at ``i`` (its unit or noun), if any."""
        nxt = self.t[i + 1] if i + 1 < len(self.t) else None
        return nxt.text if nxt is not None and nxt.kind is _WORD else None

    def stated(self, i: int) -> int | Decimal:
        value = self.t[i].value
        assert value is not None
        return value

    def value(self, i: int) -> Fraction:
        value = self.t[i].value
        assert value is not None
        return Fraction(value)

    def growths(self) -> None:
        """ "12.418 PTĐ, tăng 8,5% so với cùng kỳ (11.445 PTĐ)": the current figure is
        the nearest count before "tăng"/"giảm" in the clause, the earlier one the count
        in the parenthesis that follows "so với …" closely."""
        t, pc, w = self.t, self.pc, self.w
        for i in [j - 1 for j, c in enumerate(pc) if c == "%" and j > 0]:
            if i in self.used or t[i].kind is not _NUM or i == 0:
                continue
            verb = t[i - 1]
            if verb.kind is not _WORD or verb.text not in (w.increase | w.decrease):
                continue
            current = None
            for k in range(i - 2, max(-1, i - 14), -1):
                if self.bound[k] or pc[k] in (";", ":", "(", ")"):
                    break
                if t[k].kind is _NUM:
                    current = k if self.is_count(k) else None
                    break
            earlier = None
            for k in range(i + 2, min(len(t), i + 14)):
                if self.bound[k] or pc[k] in (";", ")"):
                    break
                if pc[k] == "(":
                    if k + 1 < len(t) and self.is_count(k + 1):
                        earlier = k + 1
                    break
                if t[k].kind is _NUM and self.is_count(k):
                    break  # another figure first: not the shape we read
            if current is None or earlier is None:
                continue
            now, before = self.value(current), self.value(earlier)
            if before == 0:
                continue
            change = now - before if verb.text in w.increase else before - now
            self.used.add(i)
            self.certainty = Certainty.MEDIUM
            self.figures = (self.stated(current), self.stated(earlier), self.stated(i))
            label = f"({t[current].text} − {t[earlier].text})/{t[earlier].text}"
            if verb.text not in w.increase:
                label = f"({t[earlier].text} − {t[current].text})/{t[earlier].text}"
            self.check_share(FindingKind.GROWTH, current, i, change, before, label)
            self.certainty = Certainty.HIGH

    def leftover_percentages(self) -> None:
        for i in [j - 1 for j, c in enumerate(self.pc) if c == "%" and j > 0]:
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
                        reason=FindingReason.NO_BASE,
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
    as given. Numbers are read as :func:`~vn_skt.l10n.parse_number` reads them (one
    tokenizer, :func:`~vn_skt.l10n.number_regex`), except that in running text an
    ASCII space separates two figures instead of grouping thousands.
    """
    if not isinstance(text, str):
        raise InvalidValue(f"audit_text: got {text!r} ({type(text).__name__}); expected str")
    src = normal_text(text, lower=True)
    words = audit_words()
    # A MB of text makes a million token objects with no reference cycles: pause the
    # cyclic collector while they live, or its passes over them grow with the heap.
    paused = gc.isenabled()
    gc.disable()
    try:
        findings = _Scanner(src.text, words).scan()
    finally:
        if paused:
            gc.enable()
    return [
        attrs.evolve(
            finding,
            span=src.origin_span(start, end),
            sentence=src.origin_span(first, last),
        )
        for start, end, first, last, finding in findings
    ]
