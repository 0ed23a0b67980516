"""Quy định hội đồng — the row type of the ``council_rules`` table.

One row per council kind (the key is a ``CouncilKind`` member name), each citing its own
circular. Fractions are exact; the open sets of the old string columns are enums, so a
typo in a province's file fails when the file loads, naming the row and the field.

>>> from datetime import date
>>> from vn_skt.regulations import lookup
>>> rules = lookup("council_rules", on=date(2024, 5, 1)).row("SELECTION")
>>> rules.quorum, rules.zero_limit, [str(t) for t in rules.tie_breaks]
(Fraction(2, 3), Fraction(1, 4), ['budget', 'excellent_record', 'content'])
"""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction

import attrs

__all__ = ["CouncilRules", "QuorumRole", "TieBreak", "VerdictMethod"]


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


@attrs.frozen(kw_only=True)
class CouncilRules:
    """Quy định hội đồng — size, roles, quorum, scoring and verdict rules, with ``source``.

    Take the one in force with :func:`vn_skt.councils.rules_for`, or build one in code
    from a province's decision. ``supplied=False`` marks a kind whose numbers vn-skt does
    not know (they must be supplied).
    """

    source: str
    supplied: bool = True
    size_min: int | None = None
    size_max: int | None = None
    sizes: tuple[int, ...] = ()
    chairs: int | None = 1
    vice_chairs_max: int | None = None
    reviewers: int | None = None
    secretaries: int | None = None
    quorum: Fraction | None = None
    quorum_roles: tuple[QuorumRole, ...] = ()
    deviation_limit: Fraction | None = None
    pass_mark: int | None = None
    zero_limit: Fraction | None = None
    bonus: Fraction | None = None
    bonus_threshold: int | None = None
    tie_breaks: tuple[TieBreak, ...] = ()
    verdict: VerdictMethod | None = None
    excellent_share: Fraction | None = None
    fail_share: Fraction | None = None
    agree_share: Fraction | None = None
    excellent_points: int | None = None
    pass_points: int | None = None
    min_task_score: int | None = None
    min_product_score: int | None = None
    late_months: int | None = None
    max_host_members: int | None = None

    def size_ok(self, size: int) -> bool:
        """Số thành viên hợp lệ — whether a council of ``size`` members is allowed."""
        if self.sizes:
            return size in self.sizes
        low = self.size_min if self.size_min is not None else 1
        high = self.size_max if self.size_max is not None else size
        return low <= size <= high

    def size_text(self) -> str:
        """Số thành viên theo quy định, in words for messages."""
        if self.sizes:
            return " hoặc ".join(str(s) for s in self.sizes)
        if self.size_min == self.size_max:
            return str(self.size_min)
        return f"từ {self.size_min} đến {self.size_max}"
