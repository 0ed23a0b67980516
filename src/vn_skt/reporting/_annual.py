"""Báo cáo năm — a province's annual S&T report, every figure computed by vn-skt.

The data are an :class:`AnnualData` (tasks, council meetings, IP titles, instruments with
their verifications, and the year's plan); :func:`annual_report` writes the report in
Vietnamese, and :func:`report_figures` gives the same figures as a dict.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, ClassVar

import attrs
from pydantic import BaseModel, ConfigDict, Field

from vn_skt.calendar import Period
from vn_skt.councils import KIND_REGIMES, CouncilKind, Meeting
from vn_skt.errors import InvalidValue
from vn_skt.ip_titles import ProtectionTitle, TitlePortfolio, TitleType
from vn_skt.l10n import add_months, format_count, format_date, html_record
from vn_skt.metrology import CampaignSummary, Instrument, InstrumentStatus
from vn_skt.tasks import (
    Portfolio,
    PortfolioProgress,
    ProgressState,
    Regime,
    ResearchField,
    Task,
    YearSummary,
    portfolio_progress,
)

from ._audit import audit_text
from ._indicators import Indicator

__all__ = ["AnnualData", "Plan", "annual_report", "audit_summary", "report_figures"]


class Plan(BaseModel):
    """Kế hoạch năm — the year's targets. A hashable value (equal plans hash equal)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    new_tasks: int | None = Field(default=None, ge=0, description="Số nhiệm vụ mở mới")
    titles_granted: int | None = Field(default=None, ge=0, description="Số văn bằng được cấp")
    verifications_by_field: dict[str, int] = Field(
        default_factory=dict, description="Kiểm định theo lĩnh vực"
    )

    def __hash__(self) -> int:
        by_field = tuple(sorted(self.verifications_by_field.items()))
        return hash((self.new_tasks, self.titles_granted, by_field))

    def _repr_html_(self) -> str:
        figures: dict[str, int | None] = {
            "Số nhiệm vụ mở mới": self.new_tasks,
            "Số văn bằng được cấp": self.titles_granted,
            **{f"Kiểm định lĩnh vực {k}": v for k, v in self.verifications_by_field.items()},
        }
        shown = {k: format_count(v) for k, v in figures.items() if v is not None}
        return html_record("Kế hoạch năm", shown)


class AnnualData(BaseModel):
    """Dữ liệu báo cáo — what a department's annual report is computed from.

    Frozen but deliberately not hashable: it is a data set (a province's records, council
    meetings with their ballots), not a value to use as a key or put in a set; compare
    two with ``==``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    province: str = Field(description="Tên tỉnh")
    fictional: bool = Field(default=False, description="Dữ liệu hư cấu, minh họa")
    field_groups: dict[ResearchField, str] | None = None
    tasks: tuple[Task, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    titles: tuple[ProtectionTitle, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    plans: dict[int, Plan] = Field(default_factory=dict)

    def _repr_html_(self) -> str:
        verifications = sum(len(i.verifications) for i in self.instruments)
        figures = {
            "Tỉnh": self.province + (" (hư cấu, số liệu minh họa)" if self.fictional else ""),
            "Nhiệm vụ KH&CN": format_count(len(self.tasks)),
            "Phiên họp hội đồng": format_count(len(self.meetings)),
            "Văn bằng bảo hộ": format_count(len(self.titles)),
            "Phương tiện đo": format_count(len(self.instruments)),
            "Lượt kiểm định": format_count(verifications),
            "Kế hoạch các năm": ", ".join(str(y) for y in sorted(self.plans)) or "không có",
        }
        return html_record("Dữ liệu báo cáo", figures)

    def latest_year(self) -> int:
        """Năm gần nhất — the latest year in which anything happened (a task started, a
        council met, a title was granted, an instrument was verified)."""
        years = [t.start.year for t in self.tasks]
        years += [m.minutes_date.year for m in self.meetings if m.minutes_date]
        years += [t.grant_date.year for t in self.titles if t.grant_date]
        years += [v.verified_on.year for i in self.instruments for v in i.verifications]
        if not years:
            raise InvalidValue("the data set has no dated records: pass the year explicitly")
        return max(years)


@attrs.frozen(eq=False)
class _Year:
    """Everything the report of one year needs, computed once (compared by identity)."""

    data: AnnualData
    year: int
    period: Period
    plan: Plan
    tasks: YearSummary
    accepted: tuple[Task, ...]
    overdue_tasks: tuple[Task, ...]
    meetings: tuple[Meeting, ...]
    granted: dict[TitleType, int]
    renewal_due: tuple[ProtectionTitle, ...]
    campaign: CampaignSummary
    overdue_instruments: tuple[Instrument, ...]
    progress: PortfolioProgress

    @classmethod
    def of(cls, data: AnnualData, year: int) -> _Year:
        period = Period.year(year)
        end = period.end
        plan = data.plans.get(year, Plan())
        titles = TitlePortfolio(data.titles)
        verifications = [
            v for i in data.instruments for v in i.verifications if period.contains(v.verified_on)
        ]
        return cls(
            data,
            year,
            period,
            plan,
            Portfolio(data.tasks, grouping=data.field_groups).year(year),
            tuple(t for t in data.tasks if t.accepted_on and period.contains(t.accepted_on)),
            tuple(Portfolio(data.tasks).overdue(on=end)),
            tuple(
                sorted(
                    (
                        m
                        for m in data.meetings
                        if m.minutes_date and period.contains(m.minutes_date)
                    ),
                    key=lambda m: m.minutes_date or date.min,
                )
            ),
            titles.granted_in(period),
            tuple(titles.entering_renewal_window(on=end, months=6)),
            CampaignSummary.from_verifications(verifications, plan=plan.verifications_by_field),
            tuple(i for i in data.instruments if i.status_on(end) is InstrumentStatus.OVERDUE),
            portfolio_progress(data.tasks, on=end),
        )

    @property
    def new_by_regime(self) -> dict[Regime, int]:
        """The year's new tasks per regime (the law their approval date falls under)."""
        found = Counter(t.regime for t in self.tasks.new)
        return {r: found[r] for r in Regime if found[r]}

    @property
    def has_life(self) -> bool:
        """Whether any task records checks, releases or spending (the progress sentence)."""
        return any(t.checks or t.releases or t.spending for t in self.data.tasks)


def report_figures(data: AnnualData, year: int) -> dict[str, Any]:
    """Số liệu báo cáo — every figure of the year's report, as plain values."""
    y = _Year.of(data, year)
    return {
        "year": year,
        "tasks": y.tasks.as_dict(),
        "accepted": len(y.accepted),
        "ratings": dict(
            Counter(t.acceptance_rating.name for t in y.accepted if t.acceptance_rating)
        ),
        "overdue_tasks": len(y.overdue_tasks),
        "meetings": len(y.meetings),
        "meetings_by_kind": dict(Counter(m.council.kind.name for m in y.meetings)),
        "titles_granted": {k.name: n for k, n in y.granted.items()},
        "titles_renewal_due": len(y.renewal_due),
        "verifications": {
            "total": y.campaign.total,
            "passed": y.campaign.passed,
            "rejected": y.campaign.rejected,
            "by_field": dict(y.campaign.by_field),
            "plan": dict(y.campaign.plan),
            "rule_status": y.campaign.rule_status.value,
            "unverified": y.campaign.unverified,
        },
        "instruments_overdue": len(y.overdue_instruments),
        "new_tasks_by_regime": {r.value: n for r, n in y.new_by_regime.items()},
        "progress": {
            "on": y.progress.on.isoformat(),
            "running": y.progress.running,
            "by_state": {s.name: y.progress.count(s) for s in ProgressState},
            "allocation": y.progress.allocation,
            "released": y.progress.released,
            "spent": y.progress.spent,
        },
    }


def annual_report(data: AnnualData, year: int) -> str:
    """Báo cáo năm — the report text for ``year``, in Vietnamese."""
    y = _Year.of(data, year)
    end = y.period.end
    note = " (tỉnh hư cấu, số liệu minh họa)" if data.fictional else ""
    lines = [
        f"BÁO CÁO KẾT QUẢ HOẠT ĐỘNG KHOA HỌC VÀ CÔNG NGHỆ NĂM {year}",
        data.province + note,
        "",
        "I. NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ",
        str(y.tasks),
    ]
    if y.plan.new_tasks:
        ind = Indicator("mở mới", y.plan.new_tasks, len(y.tasks.new), unit="nhiệm vụ")
        lines.append(f"Nhiệm vụ mở mới so với kế hoạch: {ind}.")
    if Regime.STI_2025 in y.new_by_regime:
        parts = "; ".join(
            f"{r.selection_words} {format_count(n)} nhiệm vụ (theo {r.label})"
            for r, n in y.new_by_regime.items()
        )
        lines.append(f"{format_count(len(y.tasks.new))} nhiệm vụ mở mới, trong đó: {parts}.")
    if y.accepted:
        ratings = Counter(t.acceptance_rating for t in y.accepted if t.acceptance_rating)
        parts = "; ".join(
            f"{format_count(n)} nhiệm vụ xếp loại {r.label}"
            for r, n in sorted(ratings.items(), key=lambda kv: kv[0].name)
        )
        lines.append(f"Đã nghiệm thu {format_count(len(y.accepted))} nhiệm vụ, trong đó: {parts}.")
    lines += [
        f"Số nhiệm vụ quá hạn chưa nghiệm thu tại ngày {format_date(end, 'inline')}: "
        f"{format_count(len(y.overdue_tasks))}.",
    ]
    if y.has_life and y.progress.progress:
        lines.append(y.progress.sentence())
    lines += [
        "",
        "II. HỘI ĐỒNG KHOA HỌC VÀ CÔNG NGHỆ",
    ]
    if y.meetings:
        kinds = Counter(m.council.kind for m in y.meetings)
        parts = "; ".join(
            f"{format_count(n)} hội đồng {k.label.lower()}"
            for k, n in sorted(kinds.items(), key=lambda kv: kv[0].name)
        )
        lines.append(
            f"Tổ chức {format_count(len(y.meetings))} phiên họp hội đồng, trong đó: {parts}."
        )
        lines += [f"- {_meeting_line(m)}" for m in y.meetings]
    else:
        lines.append("Không có phiên họp hội đồng trong năm.")
    lines += ["", "III. SỞ HỮU TRÍ TUỆ"]
    total = sum(y.granted.values())
    if y.granted:
        parts = "; ".join(
            f"{format_count(n)} văn bằng {k.label.lower()}"
            for k, n in sorted(y.granted.items(), key=lambda kv: kv[0].name)
        )
        line = f"Được cấp {format_count(total)} văn bằng bảo hộ, trong đó: {parts}"
        lines.append(line + ".")
        if y.plan.titles_granted:
            ind = Indicator("văn bằng", y.plan.titles_granted, total, unit="văn bằng")
            lines.append(f"So với kế hoạch năm: {ind}.")
    else:
        lines.append("Không có văn bằng bảo hộ được cấp trong năm.")
    lines.append(
        f"Văn bằng đến kỳ gia hạn trước ngày {format_date(add_months(end, 6), 'inline')}: "
        f"{format_count(len(y.renewal_due))}."
    )
    lines += [
        f"- {t.type.label} \u201c{t.subject or t.owner}\u201d của {t.owner}: "
        f"{t.next_action(on=end)}."
        for t in y.renewal_due
    ]
    lines += [
        "",
        "IV. TIÊU CHUẨN, ĐO LƯỜNG, CHẤT LƯỢNG",
        f"Trong năm đã {y.campaign}.",
        f"Phương tiện đo quá hạn kiểm định tại ngày {format_date(end, 'inline')}: "
        f"{format_count(len(y.overdue_instruments))} PTĐ.",
    ]
    if y.campaign.unverified:
        lines.append(
            f"Ghi chú: chu kỳ kiểm định của {format_count(y.campaign.unverified)} lượt "
            f"kiểm định lấy từ danh mục PTĐ nhóm 2 chưa kiểm chứng trên văn bản (mức U); "
            f"xem: vn-skt rules metrology."
        )
    return "\n".join(lines)


def _meeting_line(meeting: Meeting) -> str:
    """One meeting's line; it names the rules applied when they rest on unverified data."""
    line = _meeting_result(meeting)
    applied = meeting.applied_rules()
    if applied.status is not None and not applied.status.verified:
        line += f" (theo {applied})"
    return line


def _meeting_result(meeting: Meeting) -> str:
    council = meeting.council
    subject = council.subject or (council.task.title if council.task else "")
    when = format_date(meeting.minutes_date, "inline") if meeting.minutes_date else ""
    head = f"{council.kind.label} \u201c{subject}\u201d ({when})"
    check = meeting.quorum()
    if not check.met:
        return f"{head}: không đủ điều kiện họp ({'; '.join(check.reasons)})"
    if council.kind is CouncilKind.SELECTION and meeting.ballots:
        score = meeting.score()
        result = "đạt" if score.passed else "không đạt"
        return f"{head}: điểm trung bình {str(score.average).replace('.', ',')}, {result}"
    if meeting.votes:
        return f"{head}: xếp loại {meeting.verdict().label}"
    if council.kind in KIND_REGIMES and KIND_REGIMES[council.kind] is Regime.STI_2025:
        present = f"{format_count(check.present)}/{format_count(len(council.members))}"
        return f"{head}: đủ điều kiện họp ({present} thành viên có mặt)"
    return head


def audit_summary(text: str) -> str:
    """Kiểm tra số liệu — a one-line verdict of the audit of ``text``."""
    findings = audit_text(text)
    wrong = [f for f in findings if f.ok is False]
    checked = [f for f in findings if f.ok is not None]
    if wrong:
        return f"Soát số liệu: {len(wrong)}/{len(checked)} khẳng định sai."
    return f"Soát số liệu: {format_count(len(checked))} khẳng định, tất cả khớp."
