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
from bisect import bisect_left, bisect_right
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import accumulate, chain, compress, islice, repeat
from operator import and_, attrgetter, is_, is_not, itemgetter
from typing import Final, NamedTuple

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import (
    INLINE_GROUP_SPACES,
    format_number,
    normal_text,
    number_regex,
    number_value,
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


_NL_CHARS: Final = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_NUM_RE: Final = number_regex(INLINE_GROUP_SPACES)
_NL_RE: Final = f"[{_NL_CHARS}]"
_PUNCT_RE: Final = r"[^\s\w]"
_TOKEN: Final = re.compile(
    rf"(?P<num>{_NUM_RE})|(?P<word>[^\W\d_]+)|(?P<nl>{_NL_RE})|(?P<punct>{_PUNCT_RE})"
)
# Token kinds are the group names, the very objects ``Match.lastgroup`` returns (so
# ``is`` compares them); a number of more than 40 digits is no report's figure: "other".
_NUM, _WORD, _NL, _PUNCT = (
    next(k for k in _TOKEN.groupindex if k == n) for n in ("num", "word", "nl", "punct")
)
_OTHER: Final = "other"
_INT_ONLY: Final = {int}
_MARKS: Final = frozenset("/;%,")  # the marks whose indexes the claims look up
_WORDS: Final = repeat(_WORD)  # an endless supply, for map(is_, kinds, _WORDS)
_NUMS: Final = repeat(_NUM)
_PC: Final = {_NUM: "", _WORD: "", _NL: "\n", _OTHER: ""}  # a mark's own text otherwise
_LASTGROUP: Final = attrgetter("lastgroup")
_MAX_DIGITS: Final = 40
_SEGMENT: Final = 48  # tokens: a list part longer than this ends the list
_MAX_PARTS: Final = 64  # parts in one list: more is not a breakdown a reader checks


# The tokenizer's fast form. ``re.split`` on every token but a word, and on a lone mark
# or space character other than the ASCII space: the pattern opens with one character
# class or a digit, so the engine skips over letters and ASCII spaces at C speed. The
# stretches between are words and spaces, which ``str.split(" ")`` cuts. A number is its
# first digit then the rest of ``number_regex`` (the same numbers, as a test checks).
_NUM_TAIL: Final = _NUM_RE.replace("[0-9]{1,3}", "[0-9]{0,2}", 1).replace("|[0-9]+(", "|[0-9]*(", 1)
if _NUM_TAIL.count("{0,2}") != 1 or "|[0-9]*(" not in _NUM_TAIL:  # pragma: no cover
    raise ImportError("number_regex changed shape: rebuild the audit's fast tokenizer")
_SEPARATORS: Final = re.compile(rf"([^\w ]|[0-9](?:{_NUM_TAIL}))")
_FIRST: Final = itemgetter(0)


class _KindOf(dict[str, str | None]):
    """The token kind of a token's first character (None: a space other than the
    ASCII space, which is no token); filled on first sight of each character."""

    def __missing__(self, char: str) -> str | None:
        found = _TOKEN.match(char)
        kind = None if found is None else found.lastgroup
        self[char] = kind
        return kind


_KIND_OF: Final = _KindOf()


class _Tokens:
    """Từ tố — the tokens of a text as parallel lists (no object of ours per token):
    ``kind`` (a group name of ``_TOKEN``) and ``text``, the very tokens
    ``_TOKEN.finditer`` gives, built by C-level ``split``, ``map``, ``filter`` and
    ``compress``; offsets are worked out only for the tokens a finding names
    (:meth:`start`)."""

    __slots__ = (
        "_pieces",
        "_sep_at",
        "_sep_tokens",
        "_source",
        "_starts",
        "_word_at",
        "kind",
        "text",
    )

    def __init__(self, text: str) -> None:
        pieces = _SEPARATORS.split(text)
        gaps = "".join(islice(pieces, 0, None, 2)).replace(" ", "")
        if not gaps or gaps.isalpha():
            # Between the separators only letters and ASCII spaces: each run of letters
            # is one word, as ``_TOKEN`` reads it.
            flat = " ".join(pieces).split(" ")
            tokens = list(filter(None, flat))
            kinds = list(map(_KIND_OF.__getitem__, map(_FIRST, tokens)))
            mask: list[str | None] | None = None
            if None in kinds:  # a non-breaking space, a tab …: no token
                mask = kinds
                tokens = list(compress(tokens, kinds))
                kinds = list(filter(None, kinds))
            self.text: list[str] = tokens
            self.kind: list[str] = kinds  # type: ignore[assignment]
            self._pieces: tuple[list[str], list[str | None] | None] | None = (pieces, mask)
            self._starts: list[int] | None = None
        else:  # "_", a digit of another script, "²": the full tokenizer
            matches = list(_TOKEN.finditer(text))
            self.kind = list(map(_LASTGROUP, matches))
            self.text = list(map(re.Match.group, matches))
            self._starts = list(map(re.Match.start, matches))
            self._pieces = None
        self._source = text
        self._sep_at: list[int] | None = None
        self._sep_tokens: list[int] | None = None
        self._word_at: dict[int, int] = {}
        longest = (
            max(map(len, islice(self._pieces[0], 1, None, 2)), default=0)
            if self._pieces is not None  # the separators hold every number
            else max(map(len, self.text), default=0)
        )
        if longest <= _MAX_DIGITS:
            return  # no number token is longer than _MAX_DIGITS characters
        nums = compress(range(len(self.kind)), map(is_, self.kind, repeat(_NUM)))
        for i in [i for i in nums if len(self.text[i]) > _MAX_DIGITS]:
            if sum(map(str.isdigit, self.text[i])) > _MAX_DIGITS:
                self.kind[i] = _OTHER  # digits no report writes as a figure

    def start(self, i: int) -> int:
        """The offset of token ``i`` in the text."""
        if self._starts is not None:
            return self._starts[i]
        if self._sep_at is None:
            self._index_separators()
        assert self._sep_at is not None and self._sep_tokens is not None
        s = bisect_left(self._sep_tokens, i)
        if s < len(self._sep_tokens) and self._sep_tokens[s] == i:
            return self._sep_at[s]  # a number or a mark: nearly every token a finding names
        found = self._word_at.get(i)
        if found is None:  # a word (the text's first or last token): walk from the mark
            j = self._sep_tokens[s - 1] if s else -1  # before it over the words between
            pos = self._sep_at[s - 1] + len(self.text[j]) if s else 0
            source = self._source
            for k in range(j + 1, i + 1):
                while source[pos].isspace():  # only spaces stand between the tokens
                    pos += 1
                if k < i:
                    pos += len(self.text[k])
            found = self._word_at[i] = pos
        return found

    def _index_separators(self) -> None:
        """The offsets of the tokens that are no word (the separators of the split)."""
        assert self._pieces is not None
        pieces, mask = self._pieces
        offsets = list(accumulate(map(len, pieces), initial=0))
        sep_at = offsets[1::2]  # piece 2k + 1 is the k-th separator
        if mask is not None:  # a separator that is a space is no token
            seps = pieces[1::2]
            sep_at = list(compress(sep_at, map(_KIND_OF.__getitem__, map(_FIRST, seps))))
        self._sep_at = sep_at
        self._sep_tokens = list(
            compress(range(len(self.kind)), map(is_not, self.kind, repeat(_WORD)))
        )
        self._pieces = None

    def end(self, i: int) -> int:
        """The offset right after token ``i``."""
        return self.start(i) + len(self.text[i])

    def starts(self, wanted: list[int]) -> dict[int, int]:
        """The offsets of the tokens ``wanted`` (ascending, no repeats) in one sweep
        that builds no per-token index: the separators before a token are counted
        with ``list.count`` on the slice of kinds since the token before it, and the
        lengths of the pieces before it are summed from where the last one stopped."""
        if self._pieces is None or self._pieces[1] is not None:  # few texts: by index
            return {i: self.start(i) for i in wanted}
        pieces = self._pieces[0]
        kind, text, source = self.kind, self.text, self._source
        found: dict[int, int] = {}
        seps = 0  # the separators among tokens [0, tok)
        tok = 0
        piece = pos = 0  # pos: the summed length of pieces [0, piece)
        for i in wanted:
            seps += i - tok - kind[tok:i].count(_WORD)
            tok = i
            if kind[i] is not _WORD:  # the separator number ``seps``: piece 2 seps + 1
                target = 2 * seps + 1
                pos += sum(map(len, pieces[piece:target]))
                piece = target
                found[i] = pos
                continue
            at = self._word_at.get(i)
            if at is None:  # a word: walk from the separator before over the words between
                j = i - 1
                while j >= 0 and kind[j] is _WORD:
                    j -= 1
                if j >= 0:  # the separator number seps - 1
                    target = 2 * seps - 1
                    pos += sum(map(len, pieces[piece:target]))
                    piece = target
                    at = pos + len(text[j])
                else:
                    at = 0
                for k in range(j + 1, i + 1):
                    while source[at].isspace():  # only spaces stand between the tokens
                        at += 1
                    if k < i:
                        at += len(text[k])
                self._word_at[i] = at
            found[i] = at
        return found


class _Draft(NamedTuple):
    """A finding as the scanner states it, before its offsets are mapped back to the
    text as given (one ``Finding`` is built per claim, at the end)."""

    ok: bool | None
    kind: FindingKind
    span: tuple[int, int]
    stated: int | Decimal
    computed: int | Decimal | None
    message: str
    reason: FindingReason


# (start, end, sentence start, sentence end, finding, its figures, its certainty)
_Found = tuple[int, int, int, int, _Draft, tuple[int | Decimal, ...], Certainty]


class _Scanner:
    """Claims over the token list; every index walk is bounded, so the scan is linear."""

    def __init__(self, text: str, words: AuditWords) -> None:
        self.text = text
        self.w = words
        self.anchor_first = words.anchor_first
        self.anchor_lists = [list(anchor) for anchor in words.anchors]
        self.anchors_alpha = all(w.isalpha() for anchor in words.anchors for w in anchor)
        tokens = self.tokens = _Tokens(text)
        self.kind, self.x = tokens.kind, tokens.text
        self.n = len(self.kind)
        self.values: dict[int, int | Decimal] = {}  # a number's value, read when asked
        self.signs: list[int] | None = None  # the tokens before each "%"
        self.marked: dict[str, list[int]] | None = None  # see marks()
        self.opening: list[int] | None = None  # the tokens that may open a claim
        self.used: set[int] = set()  # token indexes of percentages already in a claim
        self.claimed: set[int] = set()  # token indexes inside a total's claim
        self.findings: list[_Found] = []
        # one string per token: the punctuation mark, "\n" for a line break, "" else
        self.pc: list[str] = list(map(_PC.get, self.kind, self.x))
        ends = frozenset(words.sentence_end) | {"\n"}
        self.bound: list[bool] = list(map(ends.__contains__, self.pc))
        # token indexes of sentence ends: a finding's sentence is found by bisection
        self.ends = list(compress(range(self.n), self.bound))
        self.certainty = Certainty.HIGH  # of the claim being read
        self.crossed = False  # its total stands in the sentence before
        self.figures: tuple[int | Decimal, ...] = ()  # its stated figures
        self.phrases: dict[tuple[tuple[str, ...], ...], dict[str, list[tuple[str, ...]]]] = {}

    # token predicates --------------------------------------------------------------
    def punct(self, i: int, chars: str) -> bool:
        if 0 <= i < self.n:
            c = self.pc[i]
            return c not in ("", "\n") and c in chars
        return False

    def triggers(self) -> list[int]:
        """The indexes of the tokens that open a total's list ("trong", "bao", "gồm",
        "đạt", ":") or a remainder ("còn"), found in one pass for both."""
        if self.opening is None:
            w = self.w
            words = self.anchor_first | w.passed | {":"} | {p[0] for p in w.remainder}
            self.opening = list(compress(range(self.n), map(words.__contains__, self.x)))
        return self.opening

    def marks(self, mark: str) -> list[int]:
        """The indexes of ``mark`` (one of "/", ";", "%", ","), all four found in one
        pass the first time one is asked for."""
        if self.marked is None:
            found: dict[str, list[int]] = {m: [] for m in _MARKS}
            self.marked = found
            pc = self.pc
            for i in compress(range(self.n), map(_MARKS.__contains__, pc)):
                found[pc[i]].append(i)
        return self.marked[mark]

    def percent_signs(self) -> list[int]:
        """The indexes of the tokens right before each "%" (found once)."""
        if self.signs is None:
            self.signs = [j - 1 for j in self.marks("%") if j > 0]
        return self.signs

    def val(self, i: int) -> int | Decimal:
        """The value of the number at ``i`` (read once)."""
        value = self.values.get(i)
        if value is None:
            token = self.x[i]  # digits only: number_value's own first step, without the call
            value = self.values[i] = int(token) if token.isdigit() else number_value(token)
        return value

    def is_percent(self, i: int) -> bool:
        return i + 1 < self.n and self.pc[i + 1] == "%" and self.kind[i] is _NUM

    def is_boundary(self, i: int) -> bool:
        return self.bound[i]

    def is_count(self, i: int) -> bool:
        """A number that can be a total or a part: not a year, a date, a ratio, money, a %."""
        kind = self.kind
        if kind[i] is not _NUM:
            return False
        pc = self.pc
        if i + 1 < self.n:
            after = pc[i + 1]
            if after in ("%", "/") or (
                kind[i + 1] is _WORD and self.x[i + 1] in self.w.not_count_before
            ):
                return False
        if i > 0:
            if pc[i - 1] == "/":
                return False
            if kind[i - 1] is _WORD and self.x[i - 1] in self.w.not_count_after:
                two = self.x[i - 2] if i > 1 else ""
                return (two, self.x[i - 1]) in self.w.count_after
        return True

    def anchor_at(self, i: int) -> int:
        """Length in tokens of a "trong đó"/"bao gồm"/"gồm" anchor at ``i`` (0 if none)."""
        x = self.x
        if x[i] not in self.anchor_first:
            return 0
        for words in self.anchor_lists:
            size = len(words)
            if (
                x[i : i + size] == words
                and (
                    self.anchors_alpha  # letters only: a token equal to one is a word
                    or all(map(is_, self.kind[i : i + size], _WORDS))
                )
            ):
                return size
        return 0

    # claims --------------------------------------------------------------------------
    def scan(self, shift: int = 0, limit: int | None = None) -> list[_Found]:
        """Every finding with its (start, end) in the scanned text plus ``shift``, in
        reading order; with ``limit``, only those that start before it."""
        self.ratios()
        self.totals()
        self.bare_lists()
        self.remainders()
        self.growths()
        self.based_shares()
        self.leftover_percentages()
        # token indexes to offsets, in one sweep over the tokens the findings name
        found = self.findings
        at = self.tokens.starts(sorted({*chain.from_iterable(f[:4] for f in found)}))
        x, by_start = self.x, itemgetter(0)
        ordered = sorted(
            [
                (
                    at[a] + shift,
                    at[b] + len(x[b]) + shift,
                    at[c] + shift,
                    at[d] + len(x[d]) + shift,
                    draft,
                    figures,
                    certainty,
                )
                for a, b, c, d, draft, figures, certainty in found
            ],
            key=itemgetter(0, 1),
        )
        if limit is not None:
            del ordered[bisect_left(ordered, limit + shift, key=by_start) :]
        return ordered

    def add(self, start_tok: int, end_tok: int, finding: _Draft) -> None:
        ends = self.ends
        before = bisect_left(ends, start_tok) - 1
        first = ends[before] + 1 if before >= 0 else 0
        after = bisect_left(ends, end_tok)
        last = ends[after] if after < len(ends) else self.n - 1
        figures = self.figures or (finding.stated,)
        self.figures = ()
        certainty = Certainty.NOT_CHECKED if finding.ok is None else self.certainty
        self.findings.append((start_tok, end_tok, first, last, finding, figures, certainty))

    def ratios(self) -> None:
        slashes = self.marks("/")
        other = set(slashes)  # a slash two tokens before or after: a date, or a reference
        kind, last = self.kind, self.n - 1
        for j in slashes:
            if j - 2 in other or j + 2 in other or not 0 < j < last:
                continue
            i = j - 1
            if not (kind[i] is _NUM and kind[j + 1] is _NUM):
                continue
            if self.is_percent(i + 2):
                continue
            pct = self.percent_after(i + 3, limit=32)
            if pct is None:
                self.passed_ratio(i)  # "21/23 mẫu đạt …, 2 mẫu … không đạt"
                continue  # "07/07 nhiệm vụ": a ratio with no percentage is not a claim
            part, whole = self.val(i), self.val(i + 2)
            assert part is not None and whole is not None
            self.used.add(pct)
            self.figures = (part, whole, self.stated(pct))
            self.check_share(
                FindingKind.RATIO,
                i,
                pct,
                part,
                whole,
                f"{self.x[i]}/{self.x[i + 2]}",
            )

    def percent_after(self, j: int, *, limit: int) -> int | None:
        """The index of the percentage that closes a ratio, if one follows closely."""
        for k in range(j, min(self.n, j + limit)):
            if self.bound[k] or self.pc[k] == ";":
                return None
            if self.kind[k] is _NUM:
                if self.is_percent(k):
                    near = k - j < 14 or (
                        self.kind[k - 1] is _WORD and self.x[k - 1] in self.w.share
                    )
                    return k if near else None
                if k > 0 and self.kind[k - 1] is _WORD and self.x[k - 1] in self.w.not_count_after:
                    continue  # "năm 2024" may stand between a ratio and its percentage
                return None
        return None

    def passed_ratio(self, i: int) -> None:
        """ "21/23 mẫu đạt chất lượng, 2 mẫu phân bón không đạt": the whole of the ratio
        is the total, its part the passed count, the count after "," the rejected one."""
        pc, w = self.pc, self.w
        passed = False
        for m in range(i + 3, min(self.n, i + 14)):
            if self.bound[m] or pc[m] in (";", ":", "(", ")") or self.kind[m] is _NUM:
                return
            if self.kind[m] is _WORD and self.x[m] in w.passed:
                passed = passed or not (self.kind[m - 1] is _WORD and self.x[m - 1] in w.rejected)
            if pc[m] == ",":
                break
        else:
            return
        rejected = self.segment_number(m + 1, stop_at_anchor=True)
        if not passed or rejected is None:
            return
        words = set()
        for k in range(rejected + 1, min(self.n, rejected + 10)):
            if self.bound[k] or pc[k] in (",", ";", "(", ")") or self.kind[k] is _NUM:
                break
            words.add(self.x[k])
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
        part: int | Decimal | Fraction,
        whole: int | Decimal | Fraction,
        label: str,
        *,
        last: int | None = None,
    ) -> None:
        written = self.val(pct)
        stated = Decimal(written)
        whole_pct = type(written) is int
        places = 0 if whole_pct else max(0, -int(stated.as_tuple().exponent))
        end = pct + 1 if last is None else last  # the "%" sign, or the part after it
        if not whole:
            self.add(
                first,
                end,
                _Draft(
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
        # part / whole * 100 as num / den (den > 0), exact: ints for counts, no Fraction
        if type(part) is int and type(whole) is int and whole > 0:
            num, den = part * 100, whole
        else:
            exact = Fraction(part) / Fraction(whole) * 100
            num, den = exact.numerator, exact.denominator
        if pct > 0 and self.kind[pct - 1] is _WORD and self.x[pct - 1] in self.w.excess:
            num -= 100 * den  # "(vượt 12%)": the stated figure is the excess over the whole
            label = f"{label} − 100%"
        # rounded half away from zero at ``places`` and two more (as round_decimal does)
        negative = num < 0
        size = -num if negative else num
        digits, rest = divmod(size * 10**places, den)
        digits += 2 * rest >= den
        precise_digits, rest = divmod(size * 10 ** (places + 2), den)
        precise_digits += 2 * rest >= den
        sign = "-" if negative and digits else ""
        computed = Decimal(f"{sign}{digits}E-{places}")
        precise = _digits_shown(negative, precise_digits, places + 2)
        shown = f"{format_number(written) if whole_pct else format_number(stated, places)}%"
        if computed == stated:
            reason = FindingReason.PERCENT_MATCHES
            message = f"{label} = {precise}%, làm tròn {shown} là đúng"
        else:
            reason = FindingReason.PERCENT_DIFFERS
            message = (
                f"{label} = {precise}%, làm tròn là {_digits_shown(negative, digits, places)}%, "
                f"nhưng văn bản ghi {shown}"
            )
        finding = _Draft(computed == stated, kind, (0, 0), stated, computed, message, reason=reason)
        self.add(first, end, finding)

    def totals(self) -> None:
        claimed_until = -1
        triggers = self.anchor_first | self.w.passed | {":"}
        x, kind, pc = self.x, self.kind, self.pc
        passed, rejected = self.w.passed, self.w.rejected
        for i in [i for i in self.triggers() if x[i] in triggers]:
            if pc[i] == ":":  # a mark: no anchor, no "đạt"
                size, is_dat, colon = 0, False, self.count_near_before(i)
            else:
                size = self.anchor_at(i)
                is_dat = (
                    kind[i] is _WORD
                    and x[i] in passed
                    and not (i > 0 and kind[i - 1] is _WORD and x[i - 1] in rejected)
                )  # "không đạt 10" is the rejected count, not the start of a passed/rejected split
                colon = False
            if (size or is_dat or colon) and i > claimed_until:
                done = self.total_claim(i, 1 if colon else size, is_dat, colon=colon)
                if done is not None:
                    claimed_until = done

    def continued_after(self, last: int) -> bool:
        """The sentence after the list ending at ``last`` opens with "Còn lại …"."""
        after = bisect_right(self.ends, last)  # the first sentence end after the list
        if after < len(self.ends) and self.ends[after] < min(self.n, last + _SEGMENT):
            return self.partial_at(self.ends[after] + 1, self.w.remainder)
        return False

    def remainders(self) -> None:
        """ "18 đề tài … mới, giảm 3 đề tài so với năm 2022. Tại cuộc họp, có 14 đề tài
        …; 4 đề tài còn lại …": the parts of a sentence separated by ";", the last one
        called the rest ("còn lại"), make the total the sentence before ends its count
        with (a change "tăng/giảm 3" skipped). Certainty medium."""
        pc, w = self.pc, self.w
        first_words = {words[0] for words in w.remainder}
        for r in [r for r in self.triggers() if self.x[r] in first_words]:
            if not self.partial_at(r, w.remainder):
                continue
            last = next(
                (k for k in range(r - 1, max(-1, r - 5), -1) if self.kind[k] is not _WORD), -1
            )
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
                if self.kind[k] is _NUM and self.is_count(k):
                    before = self.x[k - 1] if k > 0 else ""
                    if before in w.increase or before in w.decrease:
                        continue  # "giảm 3 đề tài": a change, not the total
                    total = k
                    break
            if total is None:
                continue
            self.certainty = Certainty.MEDIUM
            self.figures = tuple(map(self.val, (total, *parts)))
            self.claimed.update(range(total, last + 1))
            self.check_sum(total, parts, last)
            self.certainty = Certainty.HIGH

    def bare_lists(self) -> None:
        """ "54 cơ quan hành chính nhà nước 24 UBND cấp xã; 12 các sở, ngành; 6 chi cục
        và 12 UBND cấp huyện": a count, a few words, then three or more parts separated
        by ";" with no marker or colon (certainty medium)."""
        bound, kind, ends, claimed = self.bound, self.kind, self.ends, self.claimed
        candidates: list[int] = []  # the numbers whose first "," or ";" after them is a ";"
        commas = self.marks(",")
        semicolon = -1  # the ";" before
        for j in self.marks(";"):
            if bound[j]:  # ";" made a sentence end by the word lists: no list runs to it
                semicolon = j
                continue
            # the walk back from j stops at a sentence end, a "," or a ";", or 47 tokens
            stop = max(j - _SEGMENT, semicolon)
            e = bisect_left(ends, j) - 1
            if e >= 0 and ends[e] > stop:
                stop = ends[e]
            c = bisect_left(commas, j) - 1
            if c >= 0 and commas[c] > stop:
                stop = commas[c]
            semicolon = j
            # the numbers with a word right before them (a count and its noun before)
            lo = max(stop + 1, 1)
            numbers = map(is_, kind[lo:j], _NUMS)
            after_word = map(is_, kind[lo - 1 : j - 1], _WORDS)
            found = compress(range(lo, j), map(and_, numbers, after_word))
            candidates.extend(k for k in found if k not in claimed)
        for i in candidates:
            if not self.count_near_before(i):
                continue
            # (its first "," or ";" after is the ";" the walk started from)
            if not self.is_count(i):
                continue
            self.total_claim(i, 0, False, colon=True, min_parts=3)

    def partial_at(self, i: int, phrases: tuple[tuple[str, ...], ...] | None = None) -> bool:
        """A "chủ yếu"/"một số" phrase (or one of ``phrases``) starts at ``i``."""
        phrases = self.w.partial if phrases is None else phrases
        by_first = self.phrases.get(phrases)
        if by_first is None:  # the phrases by their first word (built once per list)
            by_first = self.phrases[phrases] = {}
            for words in phrases:
                by_first.setdefault(words[0], []).append(words)
        found = by_first.get(self.x[i]) if 0 <= i < self.n else None
        if not found:
            return False
        # a word's text equals no number's or mark's: comparing texts compares kinds too
        return any(tuple(self.x[i : i + len(words)]) == words for words in found)

    def ellipsis_after(self, part: int) -> bool:
        """The part at ``part`` ends with "..." or "…" (within its few label words)."""
        pc, n = self.pc, self.n
        for m in range(part + 1, min(n, part + 12)):
            c = pc[m]
            if c == "…" or (c == "." and m + 1 < n and pc[m + 1] == "."):
                return True
            if self.bound[m] or c in (";", ","):
                return False
        return False

    def count_near_before(self, i: int) -> bool:
        """A count with at most eight words after it stands right before ``i``:
        "54 cơ quan: 24 …", "51 thủ tục hành chính thuộc các lĩnh vực: …"."""
        for k in range(i - 1, max(-1, i - 10), -1):
            if self.kind[k] is _NUM:
                return self.is_count(k)
            if self.kind[k] is not _WORD:
                return False
        return False

    def total_claim(
        self, anchor: int, size: int, is_dat: bool, *, colon: bool = False, min_parts: int = 2
    ) -> int | None:
        """Check the claim anchored at ``anchor``; the index of its last token, if any."""
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
            and self.val(parts[0]) > self.val(total)
            and self.noun(parts[0]) in (None, self.noun(total))
        ):
            return None  # "1.551 mẫu, bao gồm 13.397 chỉ tiêu": another unit, not a part
        whole = self.val(total)
        marked = not (colon or is_dat or self.crossed)
        self.certainty = Certainty.HIGH if marked else Certainty.MEDIUM
        self.figures = tuple(map(self.val, (total, *parts)))
        self.claimed.update(range(total, last + 1))
        self.check_sum(total, parts, last)
        for part, pct in shares:
            self.used.add(pct)
            self.figures = (self.stated(part), self.stated(total), self.stated(pct))
            self.check_share(
                FindingKind.SHARE,
                part,
                pct,
                self.val(part),
                whole,
                f"{self.x[part]}/{self.x[total]}",
            )
        self.certainty = Certainty.HIGH
        return last

    def share_before_part(self, total: int, start: int) -> int | None:
        """ "20 nhiệm vụ. Trong đó, nhiệm vụ đến từ trường đại học chiếm 90% (18 nhiệm
        vụ)": the part's count in parentheses right after its stated share."""
        pc = self.pc
        for k in range(start, min(self.n - 4, start + 16)):
            if self.bound[k] or pc[k] in (";", "(", ")"):
                return None
            if self.kind[k] is _NUM:
                if not (
                    self.is_percent(k)
                    and k not in self.used
                    and k + 3 < self.n
                    and pc[k + 2] == "("
                    and self.is_count(k + 3)
                ):
                    return None
                close = k + 4
                while close < min(self.n, k + 8) and self.kind[close] is _WORD:
                    close += 1
                if close >= self.n or pc[close] != ")":
                    return None
                part = k + 3
                self.used.add(k)
                self.certainty = Certainty.HIGH if not self.crossed else Certainty.MEDIUM
                self.figures = (self.stated(part), self.stated(total), self.stated(k))
                self.check_share(
                    FindingKind.SHARE,
                    total,
                    k,
                    self.val(part),
                    self.val(total),
                    f"{self.x[part]}/{self.x[total]}",
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
        pc, bound = self.pc, self.bound
        crossed = False
        self.crossed = False
        k = anchor - 1
        floor = max(-1, anchor - 24)
        kind = self.kind
        while k > floor:
            c = pc[k]
            if not c:  # a word or a number
                if kind[k] is _NUM:
                    if not self.is_count(k):
                        return None
                    if k > 0 and kind[k - 1] is _WORD and self.x[k - 1] in self.w.qualifier:
                        k -= 2  # "33 đề tài ở 4 lĩnh vực, trong đó …": 4 qualifies, not a total
                        continue
                    return k
                k -= 1
                continue
            if c == ")":
                depth = 0
                while k > floor:
                    if pc[k] == ")":
                        depth += 1
                    elif pc[k] == "(":
                        depth -= 1
                        if depth == 0:
                            break
                    k -= 1
                k -= 1
                continue
            if bound[k]:
                if crossed or k != anchor - 1 or self.kind[k] is _NL:
                    return None
                crossed = self.crossed = True  # "… 17 đề xuất. Trong đó, …"
                floor = max(-1, k - 40)  # the sentence before, up to 40 tokens back
                k -= 1
                continue
            if c in (";", ":") and not (k == anchor - 1 and c == ":"):
                return None
            k -= 1
        return None

    def parts_after(self, j: int, is_dat: bool) -> tuple[list[int], list[tuple[int, int]], int]:
        """The parts listed from token ``j``: (part indexes, (part, its %), last index)."""
        parts: list[int] = []
        shares: list[tuple[int, int]] = []
        last = j
        k = j
        if self.punct(k, ":"):
            k += 1
        n, kind = self.n, self.kind
        while k < n:
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
            stop = min(self.n, found + _SEGMENT)
            pc, bound, seps, used = self.pc, self.bound, self.w.part_separators, self.used
            x = self.x
            while m < stop:
                c = pc[m]
                if not c:  # a word or a number (no mark: not a sentence end either)
                    if kind[m] is _WORD:
                        if (
                            depth == 0
                            and x[m] in seps
                            and self.segment_number(m + 1, stop_at_anchor=True) is not None
                        ):
                            break  # "… và 12 …"; "tuyển chọn và giao trực tiếp" is a label
                    elif (
                        not share_found
                        and depth <= 1
                        and m + 1 < n
                        and pc[m + 1] == "%"
                        and kind[m] is _NUM
                        and m not in used
                    ):
                        shares.append((found, m))
                        share_found = True
                        last = m + 1
                elif c == "(":
                    if depth == 0:
                        self.breakdown(found, m)
                    depth += 1
                elif c == ")":
                    depth = max(0, depth - 1)
                elif depth == 0 and (
                    bound[m]
                    or c == ";"
                    or (c == "," and self.segment_number(m + 1, stop_at_anchor=True) is not None)
                ):
                    break  # a sentence end, ";", "…, 12 …"
                m += 1
            if m >= stop or self.is_boundary(m):
                break
            k = m + 1
            if (is_dat and len(parts) == 2) or len(parts) >= _MAX_PARTS:
                break
        return parts, shares, last

    def breakdown(self, total: int, open_paren: int) -> None:
        """A part's own breakdown in parentheses: "14 nhiệm vụ (lĩnh vực A: 06; B: 08)"."""
        parts: list[int] = []
        k = open_paren + 1
        while k < self.n and len(parts) < 64:
            found = self.segment_number(k, stop_at_anchor=False)
            if found is None:
                return
            parts.append(found)
            m = found + 1
            stop = min(self.n, found + _SEGMENT)
            bound, pc = self.bound, self.pc
            while m < stop and not (bound[m] or pc[m] in (";", ",", "(", ")")):
                m += 1
            if m >= stop or pc[m] not in (";", ","):
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
        figures = list(map(self.val, parts))
        summed: int | Fraction
        if {*map(type, figures)} == _INT_ONLY:  # counts: exact in ints, no Fraction
            summed = computed = sum(figures)  # type: ignore[assignment]
        else:
            summed = sum(map(Fraction, figures), Fraction(0))
            computed = _plain(summed)
        terms = " + ".join(map(self.x.__getitem__, parts))
        stated = self.val(total)
        assert stated is not None
        if len(parts) == 1:
            ok, reason = False, FindingReason.PART_EXCEEDS_TOTAL
            message = f"Phần {terms} lớn hơn tổng số đã nêu {self.x[total]}"
        elif summed == (stated if type(summed) is int else Fraction(stated)):  # exact
            ok, reason = True, FindingReason.PARTS_ADD_UP
            message = f"Tổng các phần {terms} = {_shown(computed)}, khớp tổng số {self.x[total]}"
        else:
            ok, reason = False, FindingReason.PARTS_DIFFER
            message = (
                f"Tổng các phần {terms} = {_shown(computed)}, khác tổng số đã nêu {self.x[total]}"
            )
        finding = _Draft(ok, FindingKind.TOTAL, (0, 0), stated, computed, message, reason=reason)
        self.add(total if first is None else first, last, finding)

    def segment_number(self, k: int, *, stop_at_anchor: bool) -> int | None:
        """The count that opens the list segment starting at ``k``, after a short label
        ("lĩnh vực y tế, công nghệ thông tin: 08 ..."); None when the segment has none."""
        pc, bound, kinds, x = self.pc, self.bound, self.kind, self.x
        anchor_first = self.anchor_first if stop_at_anchor else ()
        n = self.n
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
            kind = kinds[m]
            if kind is _WORD:
                if x[m] in anchor_first and self.anchor_at(m):
                    return None
                words += 1
                if words > 8:
                    return None
            elif kind is _NUM:
                return m if self.is_count(m) else None
        return None

    def is_rejection(self, start: int, number: int) -> bool:
        """In a "đạt ..., loại bỏ ..." list the second part is the rejected count."""
        words = {self.x[m] for m in range(start, number) if self.kind[m] is _WORD}
        return not words.isdisjoint(self.w.rejected)

    def noun(self, i: int) -> str | None:
        """The word right after the number at ``i`` (its unit or noun), if any."""
        return self.x[i + 1] if i + 1 < self.n and self.kind[i + 1] is _WORD else None

    def stated(self, i: int) -> int | Decimal:
        value = self.val(i)
        assert value is not None
        return value

    def value(self, i: int) -> Fraction:
        value = self.val(i)
        assert value is not None
        return Fraction(value)

    def growths(self) -> None:
        """ "12.418 PTĐ, tăng 8,5% so với cùng kỳ (11.445 PTĐ)": the current figure is
        the nearest count before "tăng"/"giảm" in the clause, the earlier one the count
        in the parenthesis that follows "so với …" closely; or the count right after
        "là" in the comparison ("tăng 8,5% so với năm 2023 là 11.445 PTĐ"); or, with no
        comparison after the rate, the two figures of "12.418 PTĐ (năm 2023: 11.445
        PTĐ), tăng 8,5%" before it."""
        pc, w, x, kind = self.pc, self.w, self.x, self.kind
        for i in self.percent_signs():
            if i in self.used or kind[i] is not _NUM or i == 0:
                continue
            verb = x[i - 1]
            if kind[i - 1] is not _WORD or verb not in (w.increase | w.decrease):
                continue
            current = earlier = None
            last: int | None = None  # the earlier figure, when it stands after the rate
            for k in range(i - 2, max(-1, i - 14), -1):
                if self.bound[k] or pc[k] in (";", ":", "("):
                    break
                if pc[k] == ")":  # "12.418 PTĐ (năm 2023: 11.445 PTĐ), tăng 8,5%"
                    pair = self.stated_before(k)
                    if pair is not None:
                        current, earlier = pair
                    break
                if kind[k] is _NUM:
                    current = k if self.is_count(k) else None
                    break
            if earlier is None:
                plain = True  # no "," between the comparison and "là …"
                for k in range(i + 2, min(self.n, i + 14)):
                    if self.bound[k] or pc[k] in (";", ")"):
                        break
                    if pc[k] == "(":
                        if k + 1 < self.n and self.is_count(k + 1):
                            earlier = k + 1
                        break
                    plain = plain and pc[k] != ","
                    if kind[k] is _NUM and self.is_count(k):
                        if (
                            plain
                            and kind[k - 1] is _WORD
                            and x[k - 1] in w.earlier
                            and self.phrase_at(i + 2, w.compared)
                        ):
                            earlier = last = k  # "so với năm 2023 là 11.445 PTĐ"
                        break  # another figure first: not the shape we read
            if current is None or earlier is None:
                continue
            now, before = self.value(current), self.value(earlier)
            if before == 0:
                continue
            change = now - before if verb in w.increase else before - now
            self.used.add(i)
            self.certainty = Certainty.MEDIUM
            self.figures = (self.stated(current), self.stated(earlier), self.stated(i))
            label = f"({x[current]} − {x[earlier]})/{x[earlier]}"
            if verb not in w.increase:
                label = f"({x[earlier]} − {x[current]})/{x[earlier]}"
            self.check_share(FindingKind.GROWTH, current, i, change, before, label, last=last)
            self.certainty = Certainty.HIGH

    def phrase_at(self, i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Length in tokens of one of ``phrases`` (words only) at ``i`` (0 if none)."""
        x, kind = self.x, self.kind
        for words in phrases:
            size = len(words)
            if x[i : i + size] == list(words) and all(map(is_, kind[i : i + size], _WORDS)):
                return size
        return 0

    def stated_before(self, close: int) -> tuple[int, int] | None:
        """ "12.418 PTĐ (năm 2023: 11.445 PTĐ)" ending at ``close``: (the current
        count before the parenthesis, the earlier count in it after a colon), or None.
        The label before the colon names a time ("năm 2023", "cùng kỳ"): it holds a
        number that is not a count, or a word after which a number is not one."""
        kind, pc, x = self.kind, self.pc, self.x
        k = close - 1
        while k > close - 4 and k >= 0 and kind[k] is _WORD:  # the earlier figure's unit
            k -= 1
        if k < 1 or not self.is_count(k) or pc[k - 1] != ":":
            return None
        earlier = k
        timed = False
        k -= 2
        floor = max(-1, earlier - 10)
        while k > floor and kind[k] in (_WORD, _NUM) and not pc[k]:
            if kind[k] is _NUM:
                if self.is_count(k):
                    return None
                timed = True
            elif x[k] in self.w.not_count_after:
                timed = True
            k -= 1
        if k <= floor or pc[k] != "(" or k == earlier - 2 or not timed:
            return None
        for m in range(k - 1, max(-1, k - 7), -1):
            if kind[m] is _NUM:
                return (m, earlier) if self.is_count(m) else None
            if kind[m] is not _WORD:
                return None
        return None

    def counted(self, k: int) -> bool:
        """A number that counts things after "trong tổng số" (the "số" of which would
        make it an ordinal to :meth:`is_count`): not a %, a ratio or money."""
        if k >= self.n or self.kind[k] is not _NUM or (k > 0 and self.pc[k - 1] == "/"):
            return False
        if k + 1 < self.n:
            after = self.pc[k + 1]
            if after in ("%", "/") or (
                self.kind[k + 1] is _WORD and self.x[k + 1] in self.w.not_count_before
            ):
                return False
        return True

    def based_shares(self) -> None:
        """ "25 doanh nghiệp, chiếm 62,5% trong tổng số 40 doanh nghiệp"; "Trong tổng số
        40 doanh nghiệp, có 25 doanh nghiệp … (chiếm 62,5%)": a share whose base follows
        "trong tổng số" (after the share, or before its part in the sentence)."""
        pc, w, x, kind = self.pc, self.w, self.x, self.kind
        for i in self.percent_signs():
            if i in self.used or i == 0 or not self.is_percent(i):
                continue
            if kind[i - 1] is not _WORD or x[i - 1] not in w.share:
                continue
            part = None
            for k in range(i - 2, max(-1, i - 14), -1):
                if self.bound[k] or pc[k] in (";", ":", ")"):
                    break
                if kind[k] is _NUM:
                    part = k if self.is_count(k) else None
                    break
            if part is None:
                continue
            size = self.phrase_at(i + 2, w.base)
            base = i + 2 + size
            first, last = part, base
            if not (size and self.counted(base)):
                base = -1  # "Trong tổng số 40 …, có 25 … (chiếm 62,5%)": the base before
                for k in range(part - 1, max(-1, part - 24), -1):
                    if self.bound[k] or pc[k] in (";", ":", "(", ")"):
                        break
                    if kind[k] is _NUM:
                        if self.counted(k) and any(
                            k >= len(words) and x[k - len(words) : k] == list(words)
                            for words in w.base
                        ):
                            base = k
                        break
                if base < 0:
                    continue
                first, last = base, i + 1
            self.used.add(i)
            self.figures = (self.stated(part), self.stated(base), self.stated(i))
            self.check_share(
                FindingKind.SHARE,
                first,
                i,
                self.val(part),
                self.val(base),
                f"{x[part]}/{x[base]}",
                last=last,
            )

    def leftover_percentages(self) -> None:
        for i in self.percent_signs():
            if self.is_percent(i) and i not in self.used:
                stated = Decimal(self.val(i))
                self.add(
                    i,
                    i + 1,
                    _Draft(
                        None,
                        FindingKind.PERCENT,
                        (0, 0),
                        stated,
                        None,
                        f"Không xác định được cơ sở để kiểm tra tỷ lệ {self.x[i]}%",
                        reason=FindingReason.NO_BASE,
                    ),
                )


def _plain(value: Fraction) -> int | Decimal:
    if value.denominator == 1:
        return value.numerator
    return Decimal(value.numerator) / Decimal(value.denominator)


def _shown(value: int | Decimal) -> str:
    return format_number(value)


def _digits_shown(negative: bool, digits: int, places: int) -> str:
    """``format_number`` of the Decimal ``digits`` × 10^-``places`` (its sign
    ``negative``; never "-0"), written from the integer."""
    if places:
        whole, fraction = divmod(digits, 10**places)
        body = f"{whole:,}".replace(",", ".") + "," + str(fraction).zfill(places)
    else:
        body = f"{digits:,}".replace(",", ".")
    return "-" + body if negative and digits else body


_CHUNK: Final = 1 << 16  # characters: a long text is scanned a run of whole lines at a time
_LINE_BREAK: Final = re.compile(_NL_RE)


_SENTENCE_CUT: Final = re.compile(r"\. +")  # a "." then spaces: never inside a number
_LETTERS: Final = re.compile(r"[^\W\d_]+")
# any sentence end: "!", "?", a line break, a "." that a digit does not follow or precede
_SENTENCE_END: Final = re.compile(rf"[!?{_NL_CHARS}]|\.(?![0-9])|(?<![0-9])\.")


def _sentence_cut(text: str, at: int, words: AuditWords, chunk: int) -> int | None:
    """Where a long line can be cut after a sentence with nothing read across the cut:
    the offset right after a ". " past ``at`` whose next sentence neither opens with a
    word that opens a list ("trong đó", "đạt", ":", which read the sentence before) nor
    holds the first word of "còn lại" (a remainder reads the sentence before; a list
    reads whether the next sentence opens with it), or None. A few tries, each reading
    at most ``chunk`` characters, so cutting stays linear."""
    if not set(words.sentence_end) <= {".", "!", "?"}:  # pragma: no cover - other data
        return None
    opening = words.anchor_first | words.passed
    rest = {phrase[0] for phrase in words.remainder}
    for tries, found in enumerate(_SENTENCE_CUT.finditer(text, at, at + chunk)):
        cut = found.end()
        if tries >= 8 or cut - at > chunk:
            return None
        following = text[cut : cut + 1]
        if not following:
            return None  # the end of the text: no cut needed
        if following == ":":
            continue
        word = _LETTERS.match(text, cut, cut + 64)  # an opening word is short
        if word is not None and word.group() in opening:
            continue
        end = _SENTENCE_END.search(text, cut, cut + chunk)
        if end is None:
            continue  # the next sentence is too long to read here
        sentence = text[cut : end.start()]
        if any(first in sentence for first in rest):
            continue
        return cut
    return None


def _scan(text: str, words: AuditWords, chunk: int = _CHUNK) -> list[_Found]:
    """Every finding of ``text``, scanned a run of whole lines (about ``chunk``
    characters) at a time, so the token lists stay small enough for the processor's
    caches. No claim crosses a line break (every walk stops at one), and the one look
    past it — whether the next line opens with "Còn lại" — sees the next line, which
    each run scans along with its own (its findings are the next run's). A line longer
    than ``chunk`` is cut after a sentence that nothing reads across (``_sentence_cut``),
    or else scanned whole. Every search here reads a bounded stretch or new text, so
    cutting stays linear."""
    size = len(text)
    if size <= chunk:
        return _Scanner(text, words).scan()
    found: list[_Found] = []
    start = 0
    while start < size:
        if _LINE_BREAK.search(text, start + chunk, start + 2 * chunk) is None:  # a long line
            sentence = _sentence_cut(text, start + chunk, words, chunk)
            if sentence is not None:
                found += _Scanner(text[start:sentence], words).scan(start)
                start = sentence
                continue
        end = scan_end = size
        cut = _LINE_BREAK.search(text, start + chunk)
        while cut is not None:
            end = cut.end()
            if text[end - 1 : end + 1] == "\r\n":  # keep a CR LF pair together
                end += 1
            after = _LINE_BREAK.search(text, end)
            scan_end = size if after is None else after.end()
            if scan_end - end <= chunk:
                break  # the next line (read along) is short
            cut = after  # a long next line: it joins this run
            end = scan_end
        else:
            end = scan_end = size
        # the findings of the next line, read along, are the next run's
        found += _Scanner(text[start:scan_end], words).scan(start, end - start)
        start = end
    return found


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
        findings = _scan(src.text, words)
    finally:
        if paused:
            gc.enable()
    if src.is_identity:  # NFC text: the offsets are the caller's
        return [
            Finding(
                d.ok,
                d.kind,
                (start, end),
                d.stated,
                d.computed,
                d.message,
                reason=d.reason,
                figures=figures,
                sentence=(first, last),
                certainty=certainty,
            )
            for start, end, first, last, d, figures, certainty in findings
        ]
    span = src.origin_span
    return [
        Finding(
            d.ok,
            d.kind,
            span(start, end),
            d.stated,
            d.computed,
            d.message,
            reason=d.reason,
            figures=figures,
            sentence=span(first, last),
            certainty=certainty,
        )
        for start, end, first, last, d, figures, certainty in findings
    ]
