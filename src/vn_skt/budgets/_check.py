"""Kiểm tra dự toán — a budget estimate against the norms in force on the task's approval
date, naming each line over a cap, in đồng.

- Before 26/02/2023, Joint Circular 55/2015/TTLT-BTC-BKHCN: a person-day of labour is
  at most the base salary × the role's coefficient (0,79 / 0,49 / 0,25 / 0,16).
- From 26/02/2023, Circular 03/2023/TT-BTC: the principal investigator at most
  40.000.000 đồng a person-month, others 0,8 × that, a person-day a month ÷ 22; general
  management at most 5% of the state-budget estimate and 300.000.000 đồng; council fees
  per session from the ``council_fees`` table.
- For tasks approved from 01/10/2025 (Law 93/2025/QH15) the norms of Circulars 38/2025
  and 39/2025/TT-BKHCN are not in vn-skt: pass ``norms=`` (a table a province
  registered, or rows in code) and the result says they were supplied by the user.

>>> from datetime import date
>>> est = BudgetEstimate(lines=[
...     BudgetLine(name="Công chủ nhiệm", category="Công lao động", role="Chủ nhiệm nhiệm vụ",
...                unit="tháng công", quantity=10, unit_price=42_000_000, amount=420_000_000),
...     BudgetLine(name="Quản lý chung", category="Chi quản lý chung", quantity=1,
...                unit_price=30_000_000, amount=30_000_000)])
>>> result = check_estimate(est, on=date(2024, 3, 1))
>>> [(f.line, f.excess) for f in result.over_cap]
[('Công chủ nhiệm', 20000000), ('Quản lý chung', 7500000)]
>>> print(str(result.over_cap[0]).split(" (")[0])
Công chủ nhiệm: 420.000.000 đồng, vượt 20.000.000 đồng so với mức tối đa 400.000.000 đồng
>>> result.over_cap[0].source
'Thông tư 03/2023/TT-BTC (chủ nhiệm nhiệm vụ)'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import format_date, format_money, format_number, round_decimal
from vn_skt.regulations import Status, Version, base_salary, lookup, require_date
from vn_skt.regulations.task_rules import BudgetNorm

from ._estimate import BudgetEstimate, BudgetLine, LabourRole, LabourUnit, LineCategory

__all__ = ["BudgetCheck", "BudgetFinding", "FindingCode", "check_estimate"]

TABLE = "budget_norms"
FEES = "council_fees"
_NEW_REGIME_NOTE = (
    "định mức do người dùng cung cấp; định mức của Thông tư 38/2025/TT-BKHCN và "
    "39/2025/TT-BKHCN (Luật 93/2025/QH15) chưa có trong vn-skt"
)


class FindingCode(StrEnum):
    """Mã phát hiện — the closed set of :attr:`BudgetFinding.code` values."""

    OVER_CAP = "OVER_CAP"
    """The line's amount is above what the norm allows."""
    AMOUNT_MISMATCH = "AMOUNT_MISMATCH"
    """The amount is not quantity × unit price (rounded to the đồng)."""
    UNIT = "UNIT"
    """The line's unit cannot be compared with the norm (person-months under a per-day norm)."""
    NOT_CHECKED = "NOT_CHECKED"
    """The norms in force have no cap for this line (said, never silently skipped)."""


@attrs.frozen
class BudgetFinding:
    """Phát hiện — one line's problem: its ``code``, the line's name, the amount, the
    most the norm allows (``allowed``) and the ``excess`` in đồng, the norm's source."""

    code: FindingCode
    line: str
    message: str
    amount: int
    allowed: int | None = None
    excess: int = 0
    source: str = ""

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


@attrs.frozen
class BudgetCheck:
    """Kết quả kiểm tra dự toán — findings, the norms applied, on which date, and
    whether the norms came from the user (``user_supplied``, with ``note`` saying why)."""

    findings: tuple[BudgetFinding, ...]
    on: date
    norms_source: str
    status: Status | None
    user_supplied: bool
    note: str = ""

    @property
    def over_cap(self) -> tuple[BudgetFinding, ...]:
        """Dòng vượt định mức — the findings with code OVER_CAP."""
        return tuple(f for f in self.findings if f.code is FindingCode.OVER_CAP)

    @property
    def total_excess(self) -> int:
        """Tổng vượt — the sum of the excesses, in đồng."""
        return sum(f.excess for f in self.over_cap)

    @property
    def ok(self) -> bool:
        """Đạt — no line over a cap and every amount = quantity × unit price."""
        bad = (FindingCode.OVER_CAP, FindingCode.AMOUNT_MISMATCH, FindingCode.UNIT)
        return not any(f.code in bad for f in self.findings)

    def __str__(self) -> str:
        head = f"Kiểm tra dự toán theo {self.norms_source}, ngày {format_date(self.on)}"
        if self.note:
            head += f" ({self.note})"
        if self.ok:
            return f"{head}: không có dòng vượt định mức"
        return "\n".join([f"{head}:", *(f"- {f}" for f in self.findings)])


def _money(amount: int) -> str:
    return format_money(amount)


def _q(line: BudgetLine) -> str:
    return format_number(line.quantity, None) if line.quantity % 1 else str(int(line.quantity))


def _norms(
    on: date, norms: str | Mapping[str, BudgetNorm] | None
) -> tuple[Mapping[str, BudgetNorm], str, Status | None, bool, str]:
    """The rows, their source, status, whether the legacy council-fee table applies, note."""
    try:
        default: Version[Any] | None = lookup(TABLE, on=on)
    except RegulationNotFound:
        default = None
    new_regime = default is not None and not all(r.supplied for r in default.rows.values())
    if norms is None:
        if default is None:
            msg = (
                f"no budget norms in force on {on.isoformat()} in vn-skt (the '{TABLE}' table "
                f"starts on 06/06/2015); pass norms= with the norms of that date"
            )
            raise RegulationNotFound(msg)
        if new_regime:
            msg = (
                f"the budget norms of tasks approved on {on.isoformat()} (Law 93/2025/QH15: "
                f"Circulars 38/2025 and 39/2025/TT-BKHCN) are not in vn-skt, and provinces set "
                f"their own rates: pass norms= (the name of a table registered with "
                f"vn_skt.regulations.register_file, or a mapping key -> BudgetNorm)"
            )
            raise RegulationNotFound(msg)
        return default.rows, default.source, default.status, True, ""
    note = _NEW_REGIME_NOTE if new_regime else "định mức do người dùng cung cấp"
    if isinstance(norms, str):
        version = lookup(norms, on=on)
        rows = version.rows
        bad = [k for k, r in rows.items() if not isinstance(r, BudgetNorm)]
        if bad:
            msg = f"norms={norms!r}: rows {bad} are not BudgetNorm rows"
            raise InvalidValue(msg)
        return rows, version.source, version.status, not new_regime, note
    if not isinstance(norms, Mapping) or not all(
        isinstance(k, str) and isinstance(r, BudgetNorm) for k, r in norms.items()
    ):
        msg = f"norms={norms!r}; expected a table name or a mapping key -> BudgetNorm"
        raise InvalidValue(msg)
    sources = sorted({r.source for r in norms.values()})
    return MappingProxyType(dict(norms)), "; ".join(sources), None, not new_regime, note


def _labour_cap(
    line: BudgetLine, rows: Mapping[str, BudgetNorm], on: date
) -> tuple[Fraction, str, str] | BudgetFinding:
    """The cap per unit of a labour line, how it was computed, and its source."""
    assert line.role is not None and line.unit is not None
    role: LabourRole = line.role
    norm = rows.get(role.name)
    if norm is None or not norm.supplied:
        msg = f"không có định mức công cho {role.label}"
        return BudgetFinding(FindingCode.NOT_CHECKED, line.name, msg, line.amount)
    if norm.coefficient is not None:
        salary = base_salary(on)
        daily = salary * norm.coefficient
        how = (
            f"lương cơ sở {_money(salary)} × hệ số {format_number(norm.coefficient, None)}"
            f" = {_money(int(daily))}/ngày công"
        )
        if line.unit is LabourUnit.PERSON_MONTH:
            msg = f"định mức tính theo ngày công ({norm.source}); khai khối lượng bằng ngày công"
            return BudgetFinding(FindingCode.UNIT, line.name, msg, line.amount, source=norm.source)
        return daily, how, norm.source
    monthly: Fraction | None = None
    if norm.monthly_cap is not None:
        monthly = Fraction(norm.monthly_cap)
    elif norm.share is not None:
        chief = rows.get(LabourRole.PRINCIPAL_INVESTIGATOR.name)
        if chief is not None and chief.monthly_cap is not None:
            monthly = norm.share * chief.monthly_cap
    if monthly is None:
        msg = f"định mức của {role.label} không có mức tháng công ({norm.source})"
        return BudgetFinding(FindingCode.NOT_CHECKED, line.name, msg, line.amount)
    if line.unit is LabourUnit.PERSON_MONTH:
        return monthly, f"{_money(int(monthly))}/tháng công", norm.source
    days = norm.days_per_month
    if days is None:
        msg = f"định mức theo tháng công không nói một tháng có bao nhiêu ngày ({norm.source})"
        return BudgetFinding(FindingCode.UNIT, line.name, msg, line.amount, source=norm.source)
    daily = monthly / days
    how = f"{_money(int(monthly))}/tháng công ÷ {days} = {_money(int(daily))}/ngày công"
    return daily, how, norm.source


def _fee_cap(
    line: BudgetLine, rows: Mapping[str, BudgetNorm], on: date, legacy_fees: bool
) -> tuple[Fraction, str, str] | BudgetFinding:
    assert line.council_kind is not None and line.fee_role is not None
    key = f"COUNCIL_FEE_{line.council_kind}_{line.fee_role.name}"
    norm = rows.get(key)
    if norm is not None and norm.unit_cap is not None:
        return Fraction(norm.unit_cap), f"{_money(norm.unit_cap)}/buổi", norm.source
    if legacy_fees:
        try:
            version = lookup(FEES, on=on)
            fee = getattr(version.row(line.council_kind), line.fee_role.name.lower())
        except RegulationNotFound as error:
            msg = f"không có mức chi họp hội đồng ngày {format_date(on)} ({error})"
            return BudgetFinding(FindingCode.NOT_CHECKED, line.name, msg, line.amount)
        return Fraction(fee), f"{_money(fee)}/buổi", version.source
    msg = f"định mức chi họp hội đồng không được cung cấp (dòng {key})"
    return BudgetFinding(FindingCode.NOT_CHECKED, line.name, msg, line.amount)


def _mismatch(line: BudgetLine) -> BudgetFinding | None:
    expected = int(round_decimal(line.quantity * line.unit_price))
    if expected == line.amount:
        return None
    msg = (
        f"thành tiền {_money(line.amount)} khác khối lượng × đơn giá = "
        f"{_q(line)} × {_money(line.unit_price)} = {_money(expected)}"
    )
    return BudgetFinding(FindingCode.AMOUNT_MISMATCH, line.name, msg, line.amount, expected)


def _over(line: BudgetLine, cap: Fraction, how: str, source: str) -> BudgetFinding | None:
    allowed_exact = Fraction(line.quantity) * cap
    if line.amount <= allowed_exact:
        return None
    allowed = int(allowed_exact)  # floor: the most whole đồng within the cap
    unit = line.unit.label if line.unit is not None else "buổi"
    msg = (
        f"{_money(line.amount)}, vượt {_money(line.amount - allowed)} so với mức tối đa "
        f"{_money(allowed)} ({_q(line)} {unit} × {how}; {source})"
    )
    return BudgetFinding(
        FindingCode.OVER_CAP, line.name, msg, line.amount, allowed, line.amount - allowed, source
    )


def _management(estimate: BudgetEstimate, rows: Mapping[str, BudgetNorm]) -> list[BudgetFinding]:
    lines = [x for x in estimate.lines if x.category is LineCategory.MANAGEMENT]
    if not lines:
        return []
    norm = rows.get("MANAGEMENT")
    names = ", ".join(x.name for x in lines)
    amount = sum(x.amount for x in lines)
    if norm is None or not norm.supplied or (norm.share is None and norm.cap is None):
        msg = "không có định mức chi quản lý chung"
        return [BudgetFinding(FindingCode.NOT_CHECKED, names, msg, amount)]
    base = estimate.state_budget_base
    limits: list[tuple[int, str]] = []
    if norm.share is not None:
        share_text = format_number(norm.share * 100, None)
        limits.append((int(norm.share * base), f"{share_text}% của {_money(base)} kinh phí NSNN"))
    if norm.cap is not None:
        limits.append((norm.cap, f"tối đa {_money(norm.cap)}"))
    allowed, why = min(limits)
    if amount <= allowed:
        return []
    msg = (
        f"{_money(amount)}, vượt {_money(amount - allowed)} so với mức tối đa "
        f"{_money(allowed)} ({why}; {norm.source})"
    )
    finding = BudgetFinding(
        FindingCode.OVER_CAP, names, msg, amount, allowed, amount - allowed, norm.source
    )
    return [finding]


def check_estimate(
    estimate: BudgetEstimate,
    *,
    on: date,
    norms: str | Mapping[str, BudgetNorm] | None = None,
) -> BudgetCheck:
    """Kiểm tra dự toán — every line against the norms in force on ``on`` (required: the
    task's approval date), or against ``norms`` (a registered table's name, or rows in
    code; required for tasks of the 2025 regime). Each line over a cap is named with its
    excess in đồng; lines without a norm are listed as NOT_CHECKED, never dropped.
    """
    on = require_date(on, what="check_estimate(on=...)")
    if not isinstance(estimate, BudgetEstimate):
        msg = f"check_estimate: {estimate!r}; expected a BudgetEstimate"
        raise InvalidValue(msg)
    rows, source, status, legacy_fees, note = _norms(on, norms)
    findings: list[BudgetFinding] = []
    for line in estimate.lines:
        mismatch = _mismatch(line)
        if mismatch is not None:
            findings.append(mismatch)
        capped: tuple[Fraction, str, str] | BudgetFinding | None = None
        if line.category is LineCategory.LABOUR:
            capped = _labour_cap(line, rows, on)
        elif line.category is LineCategory.COUNCIL_FEE:
            capped = _fee_cap(line, rows, on, legacy_fees)
        elif line.category is not LineCategory.MANAGEMENT:
            msg = f"không có định mức cho {line.category.label.lower()} trong {source}"
            capped = BudgetFinding(FindingCode.NOT_CHECKED, line.name, msg, line.amount)
        if isinstance(capped, BudgetFinding):
            findings.append(capped)
        elif capped is not None:
            over = _over(line, *capped)
            if over is not None:
                findings.append(over)
    findings += _management(estimate, rows)
    return BudgetCheck(tuple(findings), on, source, status, norms is not None, note)
