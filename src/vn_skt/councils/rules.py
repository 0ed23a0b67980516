"""Quy định hội đồng — a council kind's rule set, read from the ``council_rules`` table.

>>> from datetime import date
>>> rules = rules_for(CouncilKind.SELECTION, on=date(2024, 5, 1))
>>> rules.source
'Thông tư 20/2023/TT-BKHCN (tuyển chọn, giao trực tiếp)'
>>> rules.quorum, rules.zero_limit, rules.tie_breaks
(Fraction(2, 3), Fraction(1, 4), ('budget', 'excellent_record', 'content'))
>>> rules_for(CouncilKind.SELECTION, on=date(2020, 5, 1)).zero_limit
Fraction(1, 3)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import lookup

from .enums import CouncilKind

__all__ = ["CouncilRules", "rules_for"]

TABLE = "council_rules"


def _fraction(text: str | None) -> Fraction | None:
    if text is None:
        return None
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise InvalidValue(f"council rules: {text!r} is not a fraction like '2/3'") from None


def _names(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip()) if text else ()


@attrs.frozen
class CouncilRules:
    """Quy định hội đồng — size, roles, quorum, scoring and verdict rules, with ``source``.

    Build one from a row of the ``council_rules`` table (:meth:`from_row`), take the one
    in force with :func:`rules_for`, or construct it in code from a province's decision.
    Fractions are exact; ``verdict`` is the strategy: "shares" (vote shares, Circular
    11/2014), "points" (points bands), "agreement" (Circular 02/2015).
    """

    kind: CouncilKind
    source: str
    size_min: int | None = None
    size_max: int | None = None
    sizes: tuple[int, ...] = ()
    chairs: int | None = 1
    vice_chairs_max: int | None = None
    reviewers: int | None = None
    secretaries: int | None = None
    quorum: Fraction | None = None
    quorum_roles: tuple[str, ...] = ()
    deviation_limit: Fraction | None = None
    pass_mark: int | None = None
    zero_limit: Fraction | None = None
    bonus: Fraction | None = None
    bonus_threshold: int | None = None
    tie_breaks: tuple[str, ...] = ()
    verdict: str | None = None
    excellent_share: Fraction | None = None
    fail_share: Fraction | None = None
    agree_share: Fraction | None = None
    excellent_points: int | None = None
    pass_points: int | None = None
    min_task_score: int | None = None
    min_product_score: int | None = None
    late_months: int | None = None
    max_host_members: int | None = None

    @classmethod
    def from_row(cls, kind: CouncilKind, row: Mapping[str, Any]) -> CouncilRules:
        """Từ bảng — a rule set from a ``council_rules`` row."""
        if not row.get("supplied", True):
            raise RegulationNotFound(
                f"the rules of a '{kind.label}' council are not known to vn-skt ({row['source']}): "
                f"supply them with CouncilRules(...) or by registering a '{TABLE}' version"
            )
        sizes = tuple(int(s) for s in _names(row.get("sizes")))
        return cls(
            kind=kind,
            source=row["source"],
            size_min=row.get("size_min"),
            size_max=row.get("size_max"),
            sizes=sizes,
            chairs=row.get("chairs"),
            vice_chairs_max=row.get("vice_chairs_max"),
            reviewers=row.get("reviewers"),
            secretaries=row.get("secretaries"),
            quorum=_fraction(row.get("quorum")),
            quorum_roles=_names(row.get("quorum_roles")),
            deviation_limit=_fraction(row.get("deviation_limit")),
            pass_mark=row.get("pass_mark"),
            zero_limit=_fraction(row.get("zero_limit")),
            bonus=_fraction(row.get("bonus")),
            bonus_threshold=row.get("bonus_threshold"),
            tie_breaks=_names(row.get("tie_breaks")),
            verdict=row.get("verdict"),
            excellent_share=_fraction(row.get("excellent_share")),
            fail_share=_fraction(row.get("fail_share")),
            agree_share=_fraction(row.get("agree_share")),
            excellent_points=row.get("excellent_points"),
            pass_points=row.get("pass_points"),
            min_task_score=row.get("min_task_score"),
            min_product_score=row.get("min_product_score"),
            late_months=row.get("late_months"),
            max_host_members=row.get("max_host_members"),
        )

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


def rules_for(kind: CouncilKind, on: date | None = None) -> CouncilRules:
    """Quy định áp dụng — the rule set in force for ``kind`` on ``on`` (None: the latest).

    Raises RegulationNotFound when the kind has no rule set on that date, or when its
    numbers are not known (the 2025 regime's funding-review councils) and must be
    supplied.
    """
    kind = CouncilKind(kind)
    version = lookup(TABLE, on)
    try:
        row = version.row(kind.name)
    except RegulationNotFound:
        raise RegulationNotFound(
            f"no rule set for a '{kind.label}' council in {version.source} (in force from "
            f"{version.effective_from.isoformat()}): supply one with CouncilRules(...)"
        ) from None
    return CouncilRules.from_row(kind, row)
