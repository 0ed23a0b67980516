"""Quy định hội đồng — the row type of the ``council_rules`` table.

One row per council kind (the key is a ``CouncilKind`` member name), each citing its own
circular. Fractions are exact; the open sets of the old string columns are enums, so a
typo in a province's file fails when the file loads, naming the file, the row and the
field. Rules that hold between fields (a verdict method needs its thresholds, a share
lies between 0 and 1, the smallest size is not above the largest) are checked too.

>>> from datetime import date
>>> from vn_skt.regulations import lookup
>>> rules = lookup("council_rules", on=date(2024, 5, 1)).row("SELECTION")
>>> rules.quorum, rules.zero_limit, [str(t) for t in rules.tie_breaks]
(Fraction(2, 3), Fraction(1, 4), ['budget', 'excellent_record', 'content'])
>>> CouncilRules(source="QĐ 01", verdict="shares", fail_share=Fraction(1, 3))
Traceback (most recent call last):
...
vn_skt.errors.InvalidValue: field 'excellent_share': required when verdict is 'shares' (QĐ 01)
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

import attrs

from vn_skt.errors import InvalidValue

__all__ = ["CouncilRules", "QuorumRole", "TieBreak", "VerdictMethod"]

E = TypeVar("E", bound=StrEnum)


class QuorumRole(StrEnum):
    """Thành phần bắt buộc có mặt — who must be present for a quorum."""

    CHAIR = "chair"
    """The chair, or a vice-chair the chair authorised."""
    REVIEWERS = "reviewers"
    """Every reviewer the rules require."""
    ONE_REVIEWER = "one_reviewer"
    """At least one reviewer."""
    SECRETARY = "secretary"
    """The scientific secretary."""


class TieBreak(StrEnum):
    """Tiêu chí xếp hạng khi bằng điểm — how files with equal averages are ordered."""

    BUDGET = "budget"
    """The lower state-budget request first."""
    EXCELLENT_RECORD = "excellent_record"
    """A host or PI with an "Xuất sắc" national task in the last 5 years first."""
    CONTENT = "content"
    """The higher score on "nội dung và phương án triển khai" first."""
    CHAIR = "chair"
    """The chair's score decides (Circular 10/2014)."""


class VerdictMethod(StrEnum):
    """Cách kết luận — how votes or points become a verdict."""

    SHARES = "shares"
    """Shares of the votes of members present (Circular 11/2014)."""
    POINTS = "points"
    """Bands of the average points (a ministry's variant)."""
    AGREEMENT = "agreement"
    """A share agreeing, with minimum task and product scores (Circular 02/2015)."""
    RECOMMEND = "recommend"
    """A share of the members present voting "đề nghị thực hiện" (a funding review under
    Circular 44/2026/TT-BGDĐT: ≥ 2/3); no score floors."""


def _enum(kind: type[E], field: str, value: object) -> E:
    if isinstance(value, kind):
        return value
    for member in kind:
        if value == member.value and isinstance(value, str):
            return member
    choices = ", ".join(repr(m.value) for m in kind)
    msg = f"field {field!r}: {value!r} is not one of {choices}"
    raise InvalidValue(msg)


def _verdict(value: VerdictMethod | str | None) -> VerdictMethod | None:
    return None if value is None else _enum(VerdictMethod, "verdict", value)


def _quorum_roles(values: Iterable[QuorumRole | str]) -> tuple[QuorumRole, ...]:
    return tuple(_enum(QuorumRole, "quorum_roles", v) for v in values)


def _tie_breaks(values: Iterable[TieBreak | str]) -> tuple[TieBreak, ...]:
    return tuple(_enum(TieBreak, "tie_breaks", v) for v in values)


def _sizes(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


_SHARES = (
    "quorum",
    "deviation_limit",
    "zero_limit",
    "bonus",
    "excellent_share",
    "fail_share",
    "agree_share",
)
_COUNTS = (
    "size_min",
    "size_max",
    "chairs",
    "vice_chairs_min",
    "vice_chairs_max",
    "reviewers",
    "secretaries",
    "pass_mark",
    "bonus_threshold",
    "excellent_points",
    "pass_points",
    "min_task_score",
    "min_product_score",
    "late_months",
    "max_host_members",
    "leaders",
    "council_members_min",
)
_NEEDS = {
    VerdictMethod.SHARES: ("excellent_share", "fail_share"),
    VerdictMethod.POINTS: ("excellent_points", "pass_points"),
    VerdictMethod.AGREEMENT: ("agree_share", "min_task_score", "min_product_score"),
    VerdictMethod.RECOMMEND: ("agree_share",),
}


@attrs.frozen(kw_only=True)
class CouncilRules:
    """Quy định hội đồng — size, roles, quorum, scoring and verdict rules, with ``source``.

    Take the one in force with :func:`vn_skt.councils.rules_for`, or build one in code
    from a province's decision. ``supplied=False`` marks a kind whose numbers vn-skt does
    not know (they must be supplied). Every field is read by some decision:

    - composition: ``size_min``/``size_max`` or ``sizes``, ``chairs``,
      ``vice_chairs_min``/``vice_chairs_max``, ``reviewers``, ``secretaries``,
      ``max_host_members`` (members from the host or applying organisations);
      ``leaders`` (a team's "Tổ trưởng": the budget appraisal team of Circular
      25/2026/TT-BCT) and ``council_members_min`` (how many of a team's members must be
      the chair, vice-chair or a reviewer of the council it serves, Art. 5.4);
    - quorum: ``quorum`` (a share of all members) and ``quorum_roles``;
    - selection scoring: ``deviation_limit``, ``pass_mark``, ``zero_limit``; ranking:
      ``bonus`` and ``bonus_threshold``, ``tie_breaks``;
    - verdicts: ``verdict`` with ``excellent_share``/``fail_share`` (shares),
      ``excellent_points``/``pass_points`` (points) or ``agree_share``/
      ``min_task_score``/``min_product_score`` (agreement) or ``agree_share`` alone
      (recommend: a funding review); ``late_months``.
    """

    source: str
    supplied: bool = True
    size_min: int | None = None
    size_max: int | None = None
    sizes: tuple[int, ...] = attrs.field(default=(), converter=_sizes)
    chairs: int | None = 1
    vice_chairs_min: int | None = None
    vice_chairs_max: int | None = None
    reviewers: int | None = None
    secretaries: int | None = None
    quorum: Fraction | None = None
    quorum_roles: tuple[QuorumRole, ...] = attrs.field(default=(), converter=_quorum_roles)
    deviation_limit: Fraction | None = None
    pass_mark: int | None = None
    zero_limit: Fraction | None = None
    bonus: Fraction | None = None
    bonus_threshold: int | None = None
    tie_breaks: tuple[TieBreak, ...] = attrs.field(default=(), converter=_tie_breaks)
    verdict: VerdictMethod | None = attrs.field(default=None, converter=_verdict)
    excellent_share: Fraction | None = None
    fail_share: Fraction | None = None
    agree_share: Fraction | None = None
    excellent_points: int | None = None
    pass_points: int | None = None
    min_task_score: int | None = None
    min_product_score: int | None = None
    late_months: int | None = None
    max_host_members: int | None = None
    leaders: int | None = None
    council_members_min: int | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source.strip():
            raise InvalidValue(f"field 'source': {self.source!r}; cite the document")
        for name in _SHARES:
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, Fraction | int) or isinstance(value, bool):
                msg = f"field {name!r}: {value!r}; expected a Fraction such as Fraction(2, 3)"
                raise InvalidValue(msg)
            if not 0 <= value <= 1:
                raise InvalidValue(f"field {name!r}: {value}; expected a share from 0 to 1")
        for name in _COUNTS:
            value = getattr(self, name)
            if value is not None and (type(value) is not int or value < 0):
                raise InvalidValue(f"field {name!r}: {value!r}; expected an int >= 0")
        if any(type(s) is not int or s < 1 for s in self.sizes):
            raise InvalidValue(f"field 'sizes': {self.sizes!r}; expected ints >= 1")
        for low, high in (
            ("size_min", "size_max"),
            ("vice_chairs_min", "vice_chairs_max"),
            ("pass_points", "excellent_points"),
        ):
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                raise InvalidValue(f"field {low!r}: {a} is above {high!r} {b}")
        for name in _NEEDS.get(self.verdict, ()) if self.verdict else ():
            if getattr(self, name) is None:
                msg = f"field {name!r}: required when verdict is '{self.verdict}' ({self.source})"
                raise InvalidValue(msg)

    def size_ok(self, size: int) -> bool:
        """Số thành viên hợp lệ — whether a council of ``size`` members is allowed."""
        if self.sizes:
            return size in self.sizes
        low = self.size_min if self.size_min is not None else 1
        high = self.size_max if self.size_max is not None else size
        return low <= size <= high

    def legal_sizes(self, *, largest: int = 15) -> tuple[int, ...]:
        """Các số thành viên hợp lệ — every allowed size up to ``largest`` (open ranges)."""
        return tuple(n for n in range(1, largest + 1) if self.size_ok(n))

    def size_text(self) -> str:
        """Số thành viên theo quy định, in words for messages."""
        if self.sizes:
            return " hoặc ".join(str(s) for s in self.sizes)
        if self.size_min == self.size_max:
            return str(self.size_min)
        if self.size_max is None:
            return f"từ {self.size_min or 1} trở lên"
        return f"từ {self.size_min or 1} đến {self.size_max}"
