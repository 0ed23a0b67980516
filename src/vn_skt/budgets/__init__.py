"""Dự toán — a task's budget estimate (``BudgetEstimate``: lines by category, in whole
đồng) and its check against the norms in force on the task's approval date.

Why a package of its own: the estimate is a record with its own rules (the budget norms,
which change with their own circulars), used by tasks, councils (the budget appraisal
team) and reports. It sits at layer 4 beside ``tasks`` and takes money from the one
validator (``vn_skt._money``, exported as :data:`vn_skt.tasks.Dong`) directly, so a
``Task`` can later hold an estimate without an import cycle.

>>> from datetime import date
>>> est = BudgetEstimate(lines=[BudgetLine(
...     name="Công thành viên", category="Công lao động", role="Thành viên",
...     unit="ngày công", quantity=100, unit_price=400_000, amount=40_000_000)])
>>> [f.excess for f in check_estimate(est, on=date(2020, 5, 4)).over_cap]  # 1.490.000 × 0,25
[2750000]
"""

from __future__ import annotations

from ._check import BudgetCheck, BudgetFinding, FindingCode, check_estimate
from ._estimate import (
    BudgetEstimate,
    BudgetLine,
    FeeRole,
    LabourRole,
    LabourUnit,
    LineCategory,
)

__all__ = [
    "BudgetCheck",
    "BudgetEstimate",
    "BudgetFinding",
    "BudgetLine",
    "FeeRole",
    "FindingCode",
    "LabourRole",
    "LabourUnit",
    "LineCategory",
    "check_estimate",
]
