"""Theo chế độ của nhiệm vụ — deadlines and budget checks read on the task's own date.

A task's procedure deadlines (the 2025 regime's time limits) and its budget-estimate check
follow its regime: both read their rules on :attr:`Task.governing_date` (the approval
date, else the start). The 2025 time limits asked for a task of the 2013 law are an error
that names both regimes, not a silent answer under a law that does not govern it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from vn_skt.budgets import BudgetCheck, BudgetEstimate, check_estimate
from vn_skt.errors import InvalidValue
from vn_skt.procedures import ProcedureDeadline, ProcedureStep, procedure_deadline
from vn_skt.regulations.task_rules import BudgetNorm

from ._models import Task
from ._regime import Regime, require_regime

__all__ = ["check_task_estimate", "task_deadline"]


def _task(task: object, what: str) -> Task:
    if not isinstance(task, Task):
        raise InvalidValue(f"{what}: {task!r}; expected a Task")
    return task


def task_deadline(task: Task, step: ProcedureStep | str, start: date) -> ProcedureDeadline:
    """Thời hạn thủ tục của nhiệm vụ — the last day for ``step`` counted from ``start``,
    under the time limits in force on the task's governing date. The limits are the 2025
    regime's: a task of the 2013 law raises InvalidValue naming both regimes."""
    task = _task(task, "task_deadline")
    require_regime(
        task.governing_regime(), Regime.STI_2025, what=f"thời hạn thủ tục {step!s} (Luật 93/2025)"
    )
    return procedure_deadline(step, start, on=task.governing_date)


def check_task_estimate(
    task: Task,
    estimate: BudgetEstimate,
    *,
    norms: str | Mapping[str, BudgetNorm] | None = None,
) -> BudgetCheck:
    """Kiểm tra dự toán của nhiệm vụ — :func:`vn_skt.budgets.check_estimate` on the task's
    governing date: the 2013-regime norms of that date for a legacy task; for a task of
    the 2025 regime the norms must be supplied (``norms``), and the result says so."""
    task = _task(task, "check_task_estimate")
    return check_estimate(estimate, on=task.governing_date, norms=norms)
