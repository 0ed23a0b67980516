"""Đợt kiểm định — a verification campaign's figures, in report style.

>>> from datetime import date
>>> vs = [Verification(verified_on=date(2025, 5, 2), passed=True, instrument_type="Cân bàn")] * 3
>>> vs += [Verification(verified_on=date(2025, 5, 2), passed=False, instrument_type="Taximet")]
>>> summary = CampaignSummary.from_verifications(vs, plan={"khối lượng": 6})
>>> summary.total, summary.passed, summary.rejected
(4, 3, 1)
>>> summary.rule_status, summary.unverified   # 2024 list: the scale's row is U, the taximeter's V2
(<Status.U: 'U'>, 3)
>>> print(summary)
kiểm định 04 PTĐ, trong đó đạt yêu cầu 03 PTĐ, loại bỏ 01 PTĐ; lĩnh vực khối lượng 03/06 (đạt 50%)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import fold_text, format_count, format_percent, frame, html_table
from vn_skt.regulations import Status

from ._instrument_types import instrument_type
from ._records import Verification

__all__ = ["CampaignSummary"]


def _frozen(mapping: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(mapping))


@attrs.frozen
class CampaignSummary:
    """Tổng hợp đợt kiểm định — totals, by field and type, and the plan per field.

    ``by_field`` and ``by_type`` count verifications (passed and rejected), each typed
    under the group-2 list in force on its own date; ``plan`` maps a field to its planned
    count, for the report's "lĩnh vực khối lượng 250/600 (đạt 42%)" (reporting turns
    these into indicators). ``rule_status`` is the weakest status of the list rows the
    figures rest on and ``unverified`` how many verifications rest on a U row: a report
    says so.
    """

    total: int
    passed: int
    rejected: int
    # read-only, and left out of the hash (equal summaries still hash equal)
    by_field: Mapping[str, int] = attrs.field(factory=dict, converter=_frozen, hash=False)
    by_type: Mapping[str, int] = attrs.field(factory=dict, converter=_frozen, hash=False)
    plan: Mapping[str, int] = attrs.field(factory=dict, converter=_frozen, hash=False)
    rule_status: Status = Status.V
    unverified: int = 0

    @classmethod
    def from_verifications(
        cls, verifications: Iterable[Verification], *, plan: Mapping[str, int] | None = None
    ) -> CampaignSummary:
        """Tổng hợp — count the verifications; those without a type count in the totals
        only. ``plan`` keys are field names (any case or spelling of the grouping's).

        A verification whose type is not on the list in force on its date raises
        RegulationNotFound saying why (removed, not yet listed).
        """
        total = passed = unverified = 0
        statuses: set[Status] = set()
        by_field: Counter[str] = Counter()
        by_type: Counter[str] = Counter()
        for v in verifications:
            if not isinstance(v, Verification):
                raise InvalidValue(
                    f"CampaignSummary: got {type(v).__name__}; expected Verification"
                )
            total += 1
            passed += v.passed
            if v.instrument_type is not None:
                kind = instrument_type(v.instrument_type, on=v.verified_on)
                if kind.field is not None:
                    by_field[kind.field] += 1
                by_type[kind.full_name] += 1
                statuses.add(kind.status)
                unverified += not kind.verified
        return cls.from_counts(
            total=total,
            passed=passed,
            by_field=by_field,
            by_type=by_type,
            plan=plan,
            rule_status=Status.weakest(statuses),
            unverified=unverified,
        )

    @classmethod
    def from_counts(
        cls,
        *,
        total: int,
        passed: int,
        by_field: Mapping[str, int],
        by_type: Mapping[str, int],
        plan: Mapping[str, int] | None = None,
        rule_status: Status = Status.V,
        unverified: int = 0,
    ) -> CampaignSummary:
        """Từ số đếm — a summary from counts already made (the bulk figures), with the
        plan's field names matched to the grouping's as :meth:`from_verifications` does."""
        fields = {fold_text(f): f for f in by_field}
        normalised_plan: dict[str, int] = {}
        for field, target in (plan or {}).items():
            if type(target) is not int or target < 0:
                raise InvalidValue(f"plan[{field!r}] = {target!r}; expected an int >= 0")
            normalised_plan[fields.get(fold_text(field), field)] = target
        return cls(
            total,
            passed,
            total - passed,
            dict(by_field),
            dict(by_type),
            normalised_plan,
            rule_status,
            unverified,
        )

    def plan_figures(self) -> list[tuple[str, int, int]]:
        """Theo kế hoạch — (field, done, planned) for every planned field."""
        return [
            (field, self.by_field.get(field, 0), planned) for field, planned in self.plan.items()
        ]

    def to_frame(self) -> Any:
        """Bảng pandas — per field: verified, planned."""
        fields = sorted({*self.by_field, *self.plan})
        return frame(
            {"Lĩnh vực": f, "Đã kiểm định": self.by_field.get(f, 0), "Kế hoạch": self.plan.get(f)}
            for f in fields
        )

    def _repr_html_(self) -> str:
        fields = sorted({*self.by_field, *self.plan})
        rows = [[f, self.by_field.get(f, 0), self.plan.get(f)] for f in fields]
        rows.append(["Tổng cộng", self.total, sum(self.plan.values()) if self.plan else None])
        return html_table(
            ["Lĩnh vực", "Đã kiểm định", "Kế hoạch"],
            rows,
            caption=(
                f"Kiểm định {format_count(self.total)} PTĐ: đạt {format_count(self.passed)}, "
                f"loại bỏ {format_count(self.rejected)}"
            ),
        )

    def __str__(self) -> str:
        text = (
            f"kiểm định {format_count(self.total)} PTĐ, trong đó đạt yêu cầu "
            f"{format_count(self.passed)} PTĐ, loại bỏ {format_count(self.rejected)} PTĐ"
        )
        for field, done, planned in self.plan_figures():
            if planned:
                text += (
                    f"; lĩnh vực {field} {format_count(done)}/{format_count(planned)} "
                    f"(đạt {format_percent(done, planned)})"
                )
            else:
                text += f"; lĩnh vực {field} {format_count(done)} (không giao kế hoạch)"
        return text
