"""Biểu đồ — the charts people would rather look at than read, with Vietnamese labels
and Vietnamese number formats (1.234; 7,44 tỷ đồng). matplotlib is the ``notebook`` extra.

Each function draws on ``ax`` (a new figure when None) and returns the Axes:
tasks by field and status, the state budget by year, the verification pass rate by
instrument field, the titles expiring month by month.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction
from typing import Any

from vn_skt._extras import import_extra
from vn_skt.ip_titles import ProtectionTitle, TitlePortfolio
from vn_skt.l10n import add_months, format_number, format_percent
from vn_skt.metrology import Verification, instrument_type
from vn_skt.regulations import require_date
from vn_skt.tasks import Portfolio, ResearchField, Task, TaskStatus

__all__ = ["plot_budget", "plot_campaign", "plot_tasks", "plot_titles_expiring"]

_COLORS = ["#1565c0", "#2e7d32", "#f9a825", "#6a1b9a", "#c62828", "#00838f", "#5d4037"]


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    plt: Any = import_extra("matplotlib.pyplot", extra="notebook", purpose="the charts")
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _vn_ticks(axis: Any, decimals: int = 0) -> None:
    ticker: Any = import_extra("matplotlib.ticker", extra="notebook", purpose="the charts")
    axis.set_major_formatter(
        ticker.FuncFormatter(lambda value, _pos: format_number(Fraction(value), decimals))
    )


def plot_tasks(tasks: Iterable[Task], year: int, *, ax: Any = None) -> Any:
    """Nhiệm vụ theo lĩnh vực và tình trạng — the tasks of ``year``, one bar per field,
    stacked by status."""
    summary = Portfolio(list(tasks)).year(year)
    fields = [f for f in ResearchField if any(t.field is f for t in summary.tasks)]
    statuses = [s for s in TaskStatus if any(t.status is s for t in summary.tasks)]
    counts = Counter((t.field, t.status) for t in summary.tasks)
    ax = _axes(ax, (8, 0.8 + 0.55 * max(len(fields), 1)))
    left = [0] * len(fields)
    names = [f.label for f in fields]
    for color, status in zip(_COLORS, statuses, strict=False):
        widths = [counts[f, status] for f in fields]
        ax.barh(names, widths, left=left, label=status.label, color=color)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    for i, total in enumerate(left):
        ax.text(total, i, f" {format_number(total)}", va="center")
    ax.invert_yaxis()
    ax.set_xlabel("Số nhiệm vụ")
    ax.set_title(f"Nhiệm vụ KH&CN thực hiện năm {year} theo lĩnh vực và tình trạng")
    _vn_ticks(ax.xaxis)
    ax.legend(loc="lower right", fontsize="small")
    return ax


def plot_budget(tasks: Iterable[Task], *, ax: Any = None) -> Any:
    """Kinh phí NSNN theo năm — the state budget allocated for each year, in tỷ đồng."""
    by_year: Counter[int] = Counter()
    for task in tasks:
        for y, amount in task.funding.state_budget.items():
            by_year[y] += amount
    years = sorted(by_year)
    ax = _axes(ax, (8, 4))
    values = [by_year[y] / 1_000_000_000 for y in years]
    bars = ax.bar([str(y) for y in years], values, color=_COLORS[0])
    ax.bar_label(
        bars, labels=[format_number(Fraction(by_year[y], 10**9), 2) for y in years], padding=2
    )
    ax.set_ylabel("Tỷ đồng")
    ax.set_xlabel("Năm")
    ax.set_title("Kinh phí ngân sách nhà nước các nhiệm vụ theo năm")
    _vn_ticks(ax.yaxis, 1)
    return ax


def plot_campaign(verifications: Iterable[Verification], *, ax: Any = None) -> Any:
    """Tỷ lệ đạt theo lĩnh vực đo — passed / verified per instrument field (each
    verification typed by the group-2 list in force on its own date)."""
    done: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for v in verifications:
        if v.instrument_type is None:
            continue
        field = instrument_type(v.instrument_type, on=v.verified_on).field or "khác"
        done[field] += 1
        passed[field] += v.passed
    fields = sorted(done, key=lambda f: -done[f])
    ax = _axes(ax, (8, 0.8 + 0.55 * max(len(fields), 1)))
    rates = [100 * passed[f] / done[f] for f in fields]
    bars = ax.barh(fields, rates, color=_COLORS[1])
    ax.bar_label(
        bars,
        labels=[
            f"{format_percent(passed[f], done[f], decimals=1)} ({format_number(done[f])} PTĐ)"
            for f in fields
        ],
        padding=3,
    )
    ax.set_xlim(0, 118)
    ax.invert_yaxis()
    ax.set_xlabel("Tỷ lệ đạt yêu cầu (%)")
    ax.set_title("Tỷ lệ phương tiện đo đạt yêu cầu kiểm định theo lĩnh vực")
    _vn_ticks(ax.xaxis)
    return ax


def plot_titles_expiring(
    titles: Sequence[ProtectionTitle], *, on: date, months: int = 12, ax: Any = None
) -> Any:
    """Văn bằng hết hiệu lực theo tháng — titles in force on ``on`` whose term ends in
    each of the next ``months`` months."""
    on = require_date(on, what="plot_titles_expiring: on")
    due = TitlePortfolio(titles).expiring(on, months=months)
    counts = Counter((t.expiry_date() or on).replace(day=1) for t in due)
    first = on.replace(day=1)
    slots = [add_months(first, i) for i in range(months + 1)]
    ax = _axes(ax, (9, 4))
    labels = [f"{d.month:02d}/{d.year}" for d in slots]
    ax.bar(labels, [counts[d] for d in slots], color=_COLORS[3])
    ax.set_ylabel("Số văn bằng")
    ax.set_title(f"Văn bằng bảo hộ hết hiệu lực trong {months} tháng tới (từ {on:%d/%m/%Y})")
    ax.tick_params(axis="x", labelrotation=45)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _vn_ticks(ax.yaxis)
    return ax
