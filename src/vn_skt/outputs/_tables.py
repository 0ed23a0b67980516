"""Bảng phụ lục — the appendix tables of the annual report, as plain rows.

One home for what the Word document and the Excel workbook both show: each table has a
title, headers, rows of plain values (str, int đồng or counts, dates) and whether its last
row is a total. The Word writer formats the figures the Vietnamese way; the Excel writer
keeps them numbers and writes the total as a formula.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import attrs

from vn_skt.calendar import Period
from vn_skt.councils import CouncilKind, Meeting
from vn_skt.ip_titles import TitlePortfolio
from vn_skt.l10n import LabeledEnum, add_months, format_date
from vn_skt.metrology import CampaignSummary
from vn_skt.reporting import AnnualData
from vn_skt.tasks import (
    FUNDING_LABELS,
    NESTED_FIELDS,
    TASK_LABELS,
    Portfolio,
    ResearchField,
    Task,
    TaskStatus,
)

__all__ = ["AppendixTable", "appendix_tables", "task_rows"]

Cell = str | int | date | None


@attrs.frozen
class AppendixTable:
    """Bảng phụ lục — a title, headers, rows; ``total`` when the last row sums the others
    over the numeric columns (``numeric``: their indexes)."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[int, ...] = ()
    total: bool = False


def _with_total(rows: list[tuple[Cell, ...]], numeric: tuple[int, ...]) -> list[tuple[Cell, ...]]:
    width = len(rows[0]) if rows else max(numeric, default=0) + 1
    total: list[Cell] = ["Tổng cộng", *([""] * (width - 1))]
    for col in numeric:
        total[col] = sum(value for r in rows if isinstance(value := r[col], int))
    return [*rows, tuple(total)]


def _tasks_by_field(data: AnnualData, year: int) -> AppendixTable:
    summary = Portfolio(data.tasks, grouping=data.field_groups).year(year)
    statuses = [s for s in TaskStatus if any(t.status is s for t in summary.tasks)]
    counts = Counter((t.field, t.status) for t in summary.tasks)
    rows: list[tuple[Cell, ...]] = []
    for field in ResearchField:
        line = [counts[field, s] for s in statuses]
        if any(line):
            rows.append((field.label, *line, sum(line)))
    numeric = tuple(range(1, len(statuses) + 2))
    return AppendixTable(
        "tasks",
        f"Nhiệm vụ KH&CN thực hiện năm {year} theo lĩnh vực và tình trạng",
        ("Lĩnh vực", *(s.label for s in statuses), "Tổng số"),
        tuple(_with_total(rows, numeric)),
        numeric,
        total=True,
    )


def _budget_by_year(data: AnnualData) -> AppendixTable:
    by_year: Counter[int] = Counter()
    for task in data.tasks:
        for y, amount in task.funding.state_budget.items():
            by_year[y] += amount
    counterpart = sum(t.funding.counterpart for t in data.tasks)
    other = sum(t.funding.other for t in data.tasks)
    rows: list[tuple[Cell, ...]] = [
        (f"Ngân sách nhà nước năm {y}", by_year[y]) for y in sorted(by_year)
    ]
    rows += [("Kinh phí đối ứng (cả thời gian)", counterpart)]
    rows += [("Kinh phí nguồn khác (cả thời gian)", other)]
    return AppendixTable(
        "budget",
        "Kinh phí các nhiệm vụ theo năm và nguồn",
        ("Nguồn, năm", "Kinh phí (đồng)"),
        tuple(_with_total(rows, (1,))),
        (1,),
        total=True,
    )


def _meeting_row(meeting: Meeting) -> tuple[Cell, ...]:
    council = meeting.council
    subject = council.subject or (council.task.title if council.task else "")
    quorum = meeting.quorum()
    if not quorum.met:
        result = "Không đủ điều kiện họp"
    elif council.kind is CouncilKind.SELECTION and meeting.ballots:
        score = meeting.score()
        average = str(score.average).replace(".", ",")
        result = f"Điểm trung bình {average}, {'đạt' if score.passed else 'không đạt'}"
    elif meeting.votes:
        result = meeting.verdict().label
    else:
        result = ""
    return (meeting.minutes_date, council.kind.label, subject, len(meeting.present), result)


def _meetings(data: AnnualData, year: int) -> AppendixTable:
    period = Period.year(year)
    meetings = sorted(
        (m for m in data.meetings if m.minutes_date and period.contains(m.minutes_date)),
        key=lambda m: m.minutes_date or date.min,
    )
    return AppendixTable(
        "councils",
        f"Hội đồng KH&CN họp năm {year} và kết luận",
        ("Ngày họp", "Loại hội đồng", "Nhiệm vụ, hồ sơ", "Số thành viên có mặt", "Kết luận"),
        tuple(_meeting_row(m) for m in meetings),
        (3,),
    )


def _titles_due(data: AnnualData, year: int) -> AppendixTable:
    end = Period.year(year).end
    due = TitlePortfolio(data.titles).entering_renewal_window(on=end, months=6)
    rows = tuple(
        (
            t.type.label,
            t.subject or "",
            t.owner,
            str(t.application_number or ""),
            t.expiry_date(),
            t.next_action(on=end),
        )
        for t in due
    )
    until = add_months(end, 6)
    return AppendixTable(
        "titles",
        f"Văn bằng bảo hộ đến kỳ gia hạn trước ngày {format_date(until)}",
        ("Loại văn bằng", "Đối tượng", "Chủ sở hữu", "Số đơn", "Hết hiệu lực", "Việc cần làm"),
        rows,
    )


def _campaign(data: AnnualData, year: int) -> AppendixTable:
    period = Period.year(year)
    plan = data.plans.get(year)
    summary = CampaignSummary.from_verifications(
        [v for i in data.instruments for v in i.verifications if period.contains(v.verified_on)],
        plan=plan.verifications_by_field if plan else None,
    )
    fields = sorted({*summary.by_field, *summary.plan})
    rows: list[tuple[Cell, ...]] = [
        (f, summary.plan.get(f, 0), summary.by_field.get(f, 0)) for f in fields
    ]
    return AppendixTable(
        "campaign",
        f"Kiểm định phương tiện đo năm {year} theo lĩnh vực",
        ("Lĩnh vực đo", "Kế hoạch (PTĐ)", "Đã kiểm định (PTĐ)"),
        tuple(_with_total(rows, (1, 2))),
        (1, 2),
        total=True,
    )


def appendix_tables(data: AnnualData, year: int) -> list[AppendixTable]:
    """Các bảng phụ lục — tasks by field and status, budget by year and source, councils
    and verdicts, titles due for renewal, the verification campaign by field."""
    return [
        _tasks_by_field(data, year),
        _budget_by_year(data),
        _meetings(data, year),
        _titles_due(data, year),
        _campaign(data, year),
    ]


_TASK_FIELDS = tuple(name for name in TASK_LABELS if name not in NESTED_FIELDS)


def task_rows(tasks: tuple[Task, ...] | list[Task]) -> tuple[list[str], list[list[Any]]]:
    """Danh sách nhiệm vụ — headers (the label table's columns) and one row per task,
    every field the importer reads: labels for enums, dates, int đồng per budget year."""
    years = sorted({y for t in tasks for y in t.funding.state_budget})
    headers = [TASK_LABELS[name].column() for name in _TASK_FIELDS]
    headers += [FUNDING_LABELS["state_budget"].column(year=y) for y in years]
    headers += [FUNDING_LABELS["counterpart"].column(), FUNDING_LABELS["other"].column()]
    rows = []
    for task in tasks:
        row: list[Any] = []
        for name in _TASK_FIELDS:
            value = getattr(task, name)
            if isinstance(value, LabeledEnum):
                value = value.label
            elif value is not None and not isinstance(value, str | int | date):
                value = str(value)
            row.append(value)
        row += [task.funding.state_budget.get(y) for y in years]
        row += [task.funding.counterpart, task.funding.other]
        rows.append(row)
    return headers, rows
