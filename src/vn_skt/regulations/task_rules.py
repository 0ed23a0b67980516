"""Quy định thủ tục và định mức nhiệm vụ — the row types of the ``procedure_deadlines``
and ``budget_norms`` tables.

A time limit says how many days, which kind of day (working days or calendar days: the
two are never mixed), from which event, for which step, and cites its document; a
budget norm gives one cap of a budget estimate (a labour coefficient or a monthly cap
per role, a share and a cap for management, a unit cap for a fee). Both are checked when
a file loads, so a province's own file fails early, naming the file, the row and the
field.

>>> from datetime import date
>>> from vn_skt.regulations import lookup
>>> limit = lookup("procedure_deadlines", on=date(2026, 1, 5)).row("FILE_VALIDITY")
>>> limit.days, str(limit.count), limit.after
(10, 'working', 'hết hạn nhận hồ sơ')
>>> TimeLimit(days=0, count="working", step="x", after="y", source="QĐ 01")
Traceback (most recent call last):
...
vn_skt.errors.InvalidValue: field 'days': 0; expected an int >= 1 (QĐ 01)
"""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction

import attrs

from vn_skt.errors import InvalidValue

from ._model import Status

__all__ = ["BudgetNorm", "DayCount", "EvaluationGrade", "RegimeRule", "TimeLimit"]


class DayCount(StrEnum):
    """Cách đếm ngày — working days or calendar days (Civil Code Art. 147–148)."""

    WORKING = "working"
    """"ngày làm việc": only the days state agencies work count."""
    CALENDAR = "calendar"
    """"ngày": every day counts; a period ending on a day off ends on the next working day."""


def _count(value: DayCount | str) -> DayCount:
    if isinstance(value, DayCount):
        return value
    for member in DayCount:
        if value == member.value:
            return member
    raise InvalidValue(f"field 'count': {value!r} is not one of 'working', 'calendar'")


@attrs.frozen(kw_only=True)
class TimeLimit:
    """Thời hạn thủ tục — one step's time limit (key: the step, e.g. ``FILE_VALIDITY``).

    ``days`` of kind ``count`` after the event ``after`` (the day of the event is not
    counted, Civil Code Art. 147); ``step`` is what must be done by then; ``source``
    cites the document; ``status`` when the row is less verified than its version (a
    starting event read from a summary, not the text).
    """

    days: int
    count: DayCount = attrs.field(converter=_count)
    step: str
    after: str
    source: str
    status: Status | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source.strip():
            raise InvalidValue(f"field 'source': {self.source!r}; cite the document")
        if type(self.days) is not int or self.days < 1:
            raise InvalidValue(f"field 'days': {self.days!r}; expected an int >= 1 ({self.source})")
        for name in ("step", "after"):
            if not str(getattr(self, name)).strip():
                raise InvalidValue(f"field {name!r} is empty ({self.source})")

    @property
    def text(self) -> str:
        """Thời hạn bằng chữ — "10 ngày làm việc", "15 ngày"."""
        unit = "ngày làm việc" if self.count is DayCount.WORKING else "ngày"
        return f"{self.days} {unit}"


_COUNTS = ("monthly_cap", "cap", "unit_cap", "days_per_month")


@attrs.frozen(kw_only=True)
class BudgetNorm:
    """Định mức dự toán — one cap of a budget estimate (key: a labour role such as
    ``PRINCIPAL_INVESTIGATOR``, ``MANAGEMENT``, or ``COUNCIL_FEE_<KIND>_<ROLE>`` in a
    user's table).

    - ``coefficient``: daily labour = base salary × coefficient (Joint Circular
      55/2015/TTLT-BTC-BKHCN);
    - ``monthly_cap`` in đồng per person-month, or ``share`` of the principal
      investigator's cap; daily = monthly ÷ ``days_per_month`` (Circular 03/2023/TT-BTC);
    - for ``MANAGEMENT``: ``share`` of the state-budget estimate, at most ``cap`` đồng;
    - ``unit_cap``: a fee's cap per unit (a session, a written review), in đồng.

    ``supplied=False`` marks a version whose norms vn-skt does not know (the 2025 regime:
    Circulars 38/2025 and 39/2025/TT-BKHCN not found): they must be supplied.
    """

    source: str
    supplied: bool = True
    coefficient: Fraction | None = None
    monthly_cap: int | None = None
    share: Fraction | None = None
    cap: int | None = None
    unit_cap: int | None = None
    days_per_month: int | None = None
    status: Status | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source.strip():
            raise InvalidValue(f"field 'source': {self.source!r}; cite the document")
        for name in ("coefficient", "share"):
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, Fraction | int) or isinstance(value, bool) or value < 0:
                msg = f'field {name!r}: {value!r}; expected a Fraction >= 0 such as "79/100"'
                raise InvalidValue(msg)
        for name in _COUNTS:
            value = getattr(self, name)
            if value is not None and (type(value) is not int or value < 0):
                raise InvalidValue(f"field {name!r}: {value!r}; expected an int >= 0 (đồng)")
        if self.days_per_month == 0:
            raise InvalidValue(f"field 'days_per_month': 0; expected an int >= 1 ({self.source})")


_REGIMES = ("legacy", "sti_2025")
_BASES = ("approval", "filing")


@attrs.frozen(kw_only=True)
class RegimeRule:
    """Chế độ quản lý nhiệm vụ — which law governs a task whose governing date falls in the
    version (table ``task_regimes``, key ``REGIME``).

    ``regime`` is ``"legacy"`` (Law 29/2013/QH13) or ``"sti_2025"`` (Law 93/2025/QH15);
    ``date_basis`` says which date of a task is compared with the cut-off: ``"approval"``
    (the approving decision's date, else the start) or ``"filing"`` (the file's filing
    date, for a rule set keyed on it).
    """

    regime: str
    law: str
    source: str
    date_basis: str = "approval"
    status: Status | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source.strip():
            raise InvalidValue(f"field 'source': {self.source!r}; cite the document")
        if self.regime not in _REGIMES:
            raise InvalidValue(f"field 'regime': {self.regime!r}; expected one of {_REGIMES}")
        if self.date_basis not in _BASES:
            raise InvalidValue(f"field 'date_basis': {self.date_basis!r}; expected one of {_BASES}")


@attrs.frozen(kw_only=True)
class EvaluationGrade:
    """Mức xếp loại đánh giá cuối kỳ — one grade of the 2025 regime's final evaluation
    (table ``evaluation_grades``, key: the grade's name such as ``PASS``).

    ``label`` is the Vietnamese word written in the decision; ``passed`` whether the task
    is accepted with it; ``rank`` orders the grades (higher is better).
    """

    label: str
    passed: bool
    rank: int
    source: str
    status: Status | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source.strip():
            raise InvalidValue(f"field 'source': {self.source!r}; cite the document")
        if not isinstance(self.label, str) or not self.label.strip():
            raise InvalidValue(f"field 'label': {self.label!r}; expected the grade's words")
