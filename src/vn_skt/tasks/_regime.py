"""Chế độ quản lý — which law governs a task: the 2013 law (``legacy``) or the 2025 Law on
Science, Technology and Innovation (``sti_2025``), read from the task's own date against
the cut-off in the ``task_regimes`` table (data: default 01/10/2025, status U).

The governing date is the date of the approving decision (``approved_by``); when that is
not known, the start — and the result says which it used. A rule set keyed on filing
dates (``date_basis = "filing"`` in the table) reads ``filed_on`` instead.

>>> from datetime import date
>>> regime_on(date(2025, 9, 30)).regime, regime_on(date(2025, 10, 1)).regime
(<Regime.LEGACY: 'legacy'>, <Regime.STI_2025: 'sti_2025'>)
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import format_date
from vn_skt.regulations import Status, lookup, require_date
from vn_skt.regulations.task_rules import RegimeRule

__all__ = ["GoverningRegime", "Regime", "RegimeBasis", "regime_on"]

REGIME_TABLE = "task_regimes"


class Regime(StrEnum):
    """Chế độ — the law a task is managed under."""

    LEGACY = "legacy"
    """Luật KH&CN 29/2013/QH13: tuyển chọn, giao trực tiếp; đánh giá nghiệm thu."""
    STI_2025 = "sti_2025"
    """Luật KH,CN&ĐMST 93/2025/QH15: xét tài trợ, đặt hàng; đánh giá cuối kỳ."""

    @property
    def label(self) -> str:
        """Nhãn — the Vietnamese name of the regime."""
        return _LABELS[self]

    @property
    def selection_words(self) -> str:
        """Cách xét chọn — how tasks are chosen under the regime, as reports write it."""
        return "xét tài trợ, đặt hàng" if self is Regime.STI_2025 else "tuyển chọn, giao trực tiếp"


_LABELS = {
    Regime.LEGACY: "Luật KH&CN 2013",
    Regime.STI_2025: "Luật KH,CN&ĐMST 2025",
}


class RegimeBasis(StrEnum):
    """Căn cứ xác định chế độ — which date of the task was compared with the cut-off."""

    APPROVAL = "approval"
    """the date of the approving decision (``approved_by.issued_on``)"""
    START = "start"
    """the start of the task (no approval date known)"""
    FILING = "filing"
    """the filing date (``filed_on``), for a rule set keyed on it"""
    GIVEN = "given"
    """a date given by the caller"""


_BASIS_WORDS = {
    RegimeBasis.APPROVAL: "ngày quyết định phê duyệt",
    RegimeBasis.START: "ngày bắt đầu (chưa có ngày phê duyệt)",
    RegimeBasis.FILING: "ngày nộp hồ sơ",
    RegimeBasis.GIVEN: "ngày được chỉ định",
}


@attrs.frozen(kw_only=True)
class GoverningRegime:
    """Chế độ áp dụng — a task's regime with its basis: the date compared (``on``),
    which date that was (``basis``), the table version's start and source and how well
    it is verified (``status``)."""

    regime: Regime
    on: date
    basis: RegimeBasis
    law: str
    cutoff: date | None
    source: str
    status: Status

    @property
    def verified(self) -> bool:
        """Đã kiểm chứng — the cut-off and the rule come from a verified text."""
        return self.status.verified

    def __str__(self) -> str:
        return (
            f"{self.law} ({_BASIS_WORDS[self.basis]} {format_date(self.on)}; "
            f"{self.source}; mức kiểm chứng {self.status.value})"
        )


def regime_on(day: date, *, basis: RegimeBasis = RegimeBasis.GIVEN) -> GoverningRegime:
    """Chế độ theo ngày — the regime governing a task whose governing date is ``day``."""
    day = require_date(day, what="regime_on(day)")
    version = lookup(REGIME_TABLE, on=day)
    row: RegimeRule = version.row("REGIME")
    status = Status.weakest([version.status, row.status or version.status])
    return GoverningRegime(
        regime=Regime(row.regime),
        on=day,
        basis=basis,
        law=row.law,
        cutoff=version.effective_from if row.regime == Regime.STI_2025 else None,
        source=row.source,
        status=status,
    )


def governing_regime_of(
    *, approved_on: date | None, start: date, filed_on: date | None
) -> GoverningRegime:
    """The regime from a task's dates: the table version in force on the approval date
    (else the start) says whether it keys on the filing date instead."""
    if approved_on is not None:
        first, basis = approved_on, RegimeBasis.APPROVAL
    else:
        first, basis = start, RegimeBasis.START
    result = regime_on(first, basis=basis)
    if filed_on is not None:
        by_filing = regime_on(filed_on, basis=RegimeBasis.FILING)
        version_rule: RegimeRule = lookup(REGIME_TABLE, on=filed_on).row("REGIME")
        if version_rule.date_basis == "filing":
            return by_filing
    return result


def require_regime(found: GoverningRegime, wanted: Regime, *, what: str) -> None:
    """Raise InvalidValue when ``what`` belongs to the other regime than the task's."""
    if found.regime is not wanted:
        raise InvalidValue(
            f"{what} thuộc chế độ {wanted.label} ({wanted.value}), nhưng nhiệm vụ thuộc chế độ "
            f"{found.regime.label} ({found.regime.value}): {found}"
        )
