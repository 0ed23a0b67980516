"""Chỉ tiêu — indicators: a target, an actual figure, and how far the actual got.

>>> ind = Indicator("Kiểm định lĩnh vực khối lượng", 600, 250, unit="PTĐ")
>>> ind.progress, ind.percent(), str(ind)
(Fraction(5, 12), Decimal('42'), '250/600 PTĐ (đạt 42%)')
>>> str(Indicator("Công tơ điện", 5000, 5600)), str(Indicator("Hội thảo", 0, 3, unit="cuộc"))
('5.600/5.000 (vượt 12%)', '03 cuộc (không giao chỉ tiêu)')
>>> compare(Decimal("108.5"), 100)
'tăng 8,5% so với cùng kỳ'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import attrs

from vn_skt._extras import import_extra
from vn_skt.errors import InvalidValue
from vn_skt.l10n import (
    format_count,
    format_number,
    format_percent,
    frame,
    html_table,
    round_decimal,
    to_exact,
)

__all__ = ["Indicator", "IndicatorGroup", "compare", "round_half_up"]

Number = int | Decimal | Fraction


def round_half_up(value: Fraction, decimals: int) -> Decimal:
    """Làm tròn — ``value`` rounded half away from zero to ``decimals`` places, exactly
    (:func:`vn_skt.l10n.round_decimal`, the one rounding; never format and parse back)."""
    return round_decimal(value, decimals, rounding=ROUND_HALF_UP)


def _number(value: object, what: str) -> Number:
    exact = to_exact(value, what=what, allow_float=False)
    if exact < 0:
        raise InvalidValue(f"{what}: got {value!r}; an indicator figure cannot be negative")
    return exact


def _figure(value: Number) -> str:
    """Counts as official text writes them (07, 1.200); other figures with 2 decimals at most."""
    if isinstance(value, int):
        return format_count(value)
    if isinstance(value, Fraction) and value.denominator != 1:
        return format_number(value, 2)
    return format_number(value)


def _target(value: object) -> Number:
    return _number(value, "Indicator.target")


def _actual(value: object) -> Number:
    return _number(value, "Indicator.actual")


@attrs.frozen
class Indicator:
    """Chỉ tiêu — ``actual`` against ``target`` (kế hoạch / thực hiện), with a unit."""

    name: str
    target: Number = attrs.field(converter=_target)
    actual: Number = attrs.field(converter=_actual)
    unit: str | None = None

    @property
    def progress(self) -> Fraction | None:
        """Tỷ lệ đạt — actual / target, exactly; None when the target is 0."""
        if self.target == 0:
            return None
        return Fraction(self.actual) / Fraction(self.target)

    def percent(self, decimals: int = 0) -> Decimal | None:
        """Phần trăm đạt — 100·actual/target rounded half-up; None when the target is 0."""
        progress = self.progress
        return None if progress is None else round_half_up(progress * 100, decimals)

    @property
    def exceeded(self) -> bool:
        """Vượt chỉ tiêu — the actual is above a non-zero target."""
        return self.target != 0 and self.actual > self.target

    def text(self, decimals: int = 0) -> str:
        """Viết chỉ tiêu — "250/600 PTĐ (đạt 42%)", "5.600/5.000 (vượt 12%)"."""
        unit = f" {self.unit}" if self.unit else ""
        progress = self.progress
        if progress is None:
            return f"{_figure(self.actual)}{unit} (không giao chỉ tiêu)"
        ratio = f"{_figure(self.actual)}/{_figure(self.target)}{unit}"
        if progress > 1:
            return f"{ratio} (vượt {format_percent(progress - 1, decimals=decimals)})"
        return f"{ratio} (đạt {format_percent(progress, decimals=decimals)})"

    def __str__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        return html_table(
            ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đơn vị", "Kết quả"],
            [[self.name, self.target, self.actual, self.unit, self.text()]],
        )


@attrs.frozen
class IndicatorGroup:
    """Nhóm chỉ tiêu — indicators reported together, with their total when units agree."""

    name: str
    indicators: tuple[Indicator, ...] = attrs.field(converter=tuple)

    @property
    def total(self) -> Indicator | None:
        """Tổng — the sum of targets and of actuals; None when the units differ."""
        units = {ind.unit for ind in self.indicators}
        if len(units) > 1:
            return None
        return Indicator(
            f"Tổng {self.name}",
            sum((Fraction(i.target) for i in self.indicators), Fraction(0)),
            sum((Fraction(i.actual) for i in self.indicators), Fraction(0)),
            unit=units.pop() if units else None,
        )

    def lines(self, decimals: int = 0) -> list[str]:
        """Dòng báo cáo — one line per indicator, then the total."""
        out = [f"{ind.name}: {ind.text(decimals)}" for ind in self.indicators]
        total = self.total
        if total is not None and len(self.indicators) > 1:
            out.append(f"{total.name}: {_simplify(total).text(decimals)}")
        return out

    def to_frame(self) -> Any:
        """Bảng pandas — name, target, actual, progress (%) per indicator."""
        return frame(
            {
                "Chỉ tiêu": i.name,
                "Kế hoạch": i.target,
                "Thực hiện": i.actual,
                "Đơn vị": i.unit,
                "Tỷ lệ (%)": i.percent(1),
            }
            for i in self.indicators
        )

    def _repr_html_(self) -> str:
        rows = [[i.name, i.target, i.actual, i.unit, i.text()] for i in self.indicators]
        return html_table(
            ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đơn vị", "Kết quả"], rows, caption=self.name
        )

    def plot(self, ax: Any = None) -> Any:
        """Biểu đồ — a horizontal bar chart of progress (%), the target marked at 100%
        (matplotlib is the ``notebook`` extra). Returns the Axes."""
        plt: Any = import_extra("matplotlib.pyplot", extra="notebook", purpose="plot()")
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.5 + 0.45 * len(self.indicators)))
        names = [i.name for i in self.indicators]
        values = [float(i.percent(1) or 0) for i in self.indicators]
        bars = ax.barh(names, values, color=["#2e7d32" if v >= 100 else "#1565c0" for v in values])
        ax.axvline(100, color="#555", linestyle="--", linewidth=1)
        ax.bar_label(
            bars, labels=[i.text().split("(")[-1].rstrip(")") for i in self.indicators], padding=3
        )
        ax.set_xlabel("Tỷ lệ thực hiện so với kế hoạch (%)")
        ax.set_title(self.name)
        ax.invert_yaxis()
        return ax

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _simplify(indicator: Indicator) -> Indicator:
    def whole(value: Number) -> Number:
        if isinstance(value, Fraction) and value.denominator == 1:
            return value.numerator
        return value

    return Indicator(
        indicator.name, whole(indicator.target), whole(indicator.actual), indicator.unit
    )


def compare(current: object, previous: object, *, decimals: int = 1) -> str:
    """So với cùng kỳ — "tăng 8,5% so với cùng kỳ", "giảm 3,0% ...", "bằng cùng kỳ".

    A previous figure of 0 gives "cùng kỳ không có" (no percentage of nothing).
    """
    now = Fraction(_number(current, "compare: current"))
    before = Fraction(_number(previous, "compare: previous"))
    if before == 0:
        return "bằng cùng kỳ" if now == 0 else "cùng kỳ năm trước không có"
    change = (now - before) / before
    if change == 0:
        return "bằng cùng kỳ"
    word = "tăng" if change > 0 else "giảm"
    return f"{word} {format_percent(abs(change), decimals=decimals)} so với cùng kỳ"
