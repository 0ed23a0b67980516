"""Thủ tục — the time limits of a task's procedure steps under the 2025 law, as cited,
dated data, counted with the working-day calendar: "by what date must the Sở decide?".

Why a package of its own: a time limit is neither a council's rule nor a task's field —
it is a procedure's, read by tasks (approval, adjustment, termination), councils (the
result after the minutes) and reports alike; it needs only the calendar and the rule
tables (layer 4, beside ``tasks``), so any of them can use it without a cycle.

>>> from datetime import date
>>> procedure_deadline("RESULT_NOTICE", date(2026, 8, 28), on=date(2026, 8, 28)).due
datetime.date(2026, 9, 7)
"""

from __future__ import annotations

from ._deadlines import ProcedureDeadline, ProcedureStep, procedure_deadline

__all__ = ["ProcedureDeadline", "ProcedureStep", "procedure_deadline"]
