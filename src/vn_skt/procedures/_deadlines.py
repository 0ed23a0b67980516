"""Thời hạn thủ tục — "by what date must the Sở decide?" for a step of a task's procedure.

Each step's limit is a cited, dated row of the ``procedure_deadlines`` table (the 2025
regime: Law 93/2025/QH15 and its decrees): a number of days, working days or calendar
days, after an event. Counting follows the Civil Code (Art. 147–148): the day of the
event is not counted; working days are the calendar's (:mod:`vn_skt.calendar`: weekends,
statutory holidays and the Government's swaps); a period of calendar days that ends on a
day off ends on the next working day.

>>> from datetime import date
>>> due = procedure_deadline("FILE_VALIDITY", date(2026, 2, 6), on=date(2026, 2, 6))
>>> due.due                        # 10 working days; Tết: 16–20/02/2026 off
datetime.date(2026, 2, 27)
>>> print(str(due).split(" (")[0])
Kiểm tra tính hợp lệ của hồ sơ: chậm nhất ngày 27/02/2026
>>> due.rule.text, due.rule.after, due.status.value
('10 ngày làm việc', 'hết hạn nhận hồ sơ', 'V')
>>> late = procedure_deadline("ADJUSTMENT", date(2026, 4, 15), on=date(2026, 4, 15))
>>> late.nominal, late.due, late.moved_because  # 30/4 ends on a holiday: next working day
(datetime.date(2026, 4, 30), datetime.date(2026, 5, 4), 'Ngày Chiến thắng')
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import auto
from typing import Any

import attrs

from vn_skt.calendar import add_working_days, day_off_reason, working_days_between
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import LabeledEnum, format_date
from vn_skt.regulations import Status, Version, lookup, require_date
from vn_skt.regulations.task_rules import DayCount, TimeLimit

__all__ = ["ProcedureDeadline", "ProcedureStep", "procedure_deadline"]

TABLE = "procedure_deadlines"
_ONE_DAY = timedelta(days=1)


class ProcedureStep(LabeledEnum):
    """Bước thủ tục — the steps vn-skt ships a time limit for (the table's row keys; a
    province's own rows may add keys, passed as strings)."""

    FILE_VALIDITY = auto(), "Kiểm tra tính hợp lệ của hồ sơ"
    RESULT_NOTICE = auto(), "Thông báo kết quả xét tài trợ, đặt hàng"
    FINALISE = auto(), "Hoàn thiện hồ sơ"
    HOST_APPROVAL = auto(), "Phê duyệt tổ chức, cá nhân chủ trì"
    ADJUSTMENT = auto(), "Quyết định điều chỉnh nhiệm vụ"
    SUSPENSION_NOTICE = auto(), "Thông báo tạm dừng thực hiện nhiệm vụ"
    TERMINATION_EVALUATION = auto(), "Đánh giá để chấm dứt nhiệm vụ"
    TERMINATION_DECISION = auto(), "Quyết định chấm dứt nhiệm vụ"
    NON_STATE_BUDGET_EVALUATION = auto(), "Đánh giá nhiệm vụ không sử dụng ngân sách nhà nước"


@attrs.frozen
class ProcedureDeadline:
    """Hạn chót của một bước — the last day (``due``), the day the count alone gives
    (``nominal``; later only when it fell on a day off, ``moved_because`` saying why),
    the event's date (``start``), the rule applied, its version's source and status."""

    step: str
    start: date
    due: date
    nominal: date
    moved_because: str | None
    rule: TimeLimit
    status: Status
    version_source: str

    @property
    def source(self) -> str:
        """Văn bản — the document the rule cites."""
        return self.rule.source

    @property
    def label(self) -> str:
        """Tên bước — the step in Vietnamese (the rule's own words for a province's key)."""
        try:
            return ProcedureStep[self.step].label
        except KeyError:
            return self.rule.step[:1].upper() + self.rule.step[1:]

    def is_late(self, done_on: date) -> bool:
        """Quá hạn — whether a step done on ``done_on`` missed the deadline."""
        return require_date(done_on, what="is_late(done_on)") > self.due

    def working_days_left(self, today: date) -> int:
        """Số ngày làm việc còn lại — from ``today`` (excluded) to ``due``; negative when late."""
        return working_days_between(require_date(today, what="working_days_left(today)"), self.due)

    def __str__(self) -> str:
        moved = ""
        if self.moved_because is not None:
            moved = (
                f"; ngày {format_date(self.nominal)} là ngày nghỉ ({self.moved_because}), "
                f"hạn chuyển sang ngày làm việc tiếp theo"
            )
        status = "" if self.status.verified else f" [{self.status.label}]"
        return (
            f"{self.label}: chậm nhất ngày {format_date(self.due)} ({self.rule.text} sau "
            f"{self.rule.after} {format_date(self.start)}; {self.source}{moved}){status}"
        )


def _key(step: ProcedureStep | str, version: Version[Any]) -> str:
    if isinstance(step, ProcedureStep):
        return step.name
    if not isinstance(step, str) or not step.strip():
        raise InvalidValue(f"procedure_deadline: step={step!r}; expected a ProcedureStep or a key")
    if step in version.rows:
        return step
    try:
        return ProcedureStep(step).name
    except ValueError:
        known = ", ".join(version.rows)
        msg = (
            f"procedure_deadline: step {step!r} has no time limit in {version.source} "
            f"(in force {version.span}); known steps: {known}"
        )
        raise InvalidValue(msg) from None


def procedure_deadline(step: ProcedureStep | str, start: date, *, on: date) -> ProcedureDeadline:
    """Hạn chót — the last day for ``step`` when its period runs from the event of
    ``start`` (a filing deadline, a minutes date, a notice), under the time limits in force
    on ``on`` (required: the task's approval date, or the event's own date).

    ``step``: a :class:`ProcedureStep`, its label, or a row key of a province's table.
    """
    on = require_date(on, what="procedure_deadline(on=...)")
    start = require_date(start, what="procedure_deadline(start)")
    try:
        version = lookup(TABLE, on=on)
    except RegulationNotFound as error:
        msg = (
            f"no procedure time limits on {on.isoformat()}: the '{TABLE}' table starts with "
            f"the 2025 regime (Law 93/2025/QH15, 01/10/2025); a legacy task's time limits "
            f"are not shipped ({error})"
        )
        raise RegulationNotFound(msg) from None
    key = _key(step, version)
    rule: TimeLimit = version.row(key)
    if rule.count is DayCount.WORKING:
        due = add_working_days(start, rule.days)
        return ProcedureDeadline(
            key, start, due, due, None, rule, version.row_status(key), version.source
        )
    nominal = start + timedelta(days=rule.days)
    reason = day_off_reason(nominal)
    due = nominal if reason is None else add_working_days(nominal, 1)
    return ProcedureDeadline(
        key, start, due, nominal, reason, rule, version.row_status(key), version.source
    )
