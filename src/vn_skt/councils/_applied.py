"""Quy định đã áp dụng — which rule set a council decision followed, and why that one.

Every decision reads its rules on a *governing date*: the ``on`` a caller gives, else
the record's own date. For a council that is its task's approval date (the date of the
decision in ``task.approved_by``: tasks approved before 01/10/2025 stay under the
2013-law circulars), else the task's start (and the result says the approval date was
missing), else the council's meeting date. A meeting reads its minutes date first. A
council with none of these and no ``on`` is refused: rules are never taken "as of the
latest".

>>> from datetime import date
>>> from vn_skt.councils import Council, Member
>>> c = Council(kind="Tuyển chọn, giao trực tiếp", meeting_date=date(2020, 6, 5),
...             members=[Member(name="A", role="Chủ tịch")])
>>> when = governing_date(c)
>>> when.on, when.basis.label
(datetime.date(2020, 6, 5), 'ngày họp hội đồng')
>>> applied = apply_rules(c.kind, when)
>>> print(applied)
Thông tư 10/2014/TT-BKHCN (tuyển chọn, giao trực tiếp), theo ngày họp hội đồng 05/06/2020
>>> governing_date(c.model_copy(update={"meeting_date": None}))
Traceback (most recent call last):
...
vn_skt.errors.InvalidValue: council 'Tuyển chọn, giao trực tiếp' has no date ...; give on=date(...)
"""

from __future__ import annotations

from datetime import date
from enum import auto

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import LabeledEnum, format_date
from vn_skt.regulations import Status, require_date
from vn_skt.tasks import RegimeBasis

from ._enums import CouncilKind
from ._models import Council
from ._rules import CouncilRules, rules_in_force

__all__ = ["AppliedRules", "DateBasis", "GoverningDate", "apply_rules", "governing_date"]


class DateBasis(LabeledEnum):
    """Căn cứ ngày áp dụng — where the governing date came from."""

    GIVEN = auto(), "ngày được chỉ định"
    MINUTES = auto(), "ngày biên bản họp"
    MEETING = auto(), "ngày họp hội đồng"
    APPROVAL = auto(), "ngày quyết định phê duyệt nhiệm vụ"
    TASK_START = auto(), "ngày bắt đầu nhiệm vụ (không có ngày quyết định phê duyệt)"
    FILING = auto(), "ngày nộp hồ sơ nhiệm vụ"


@attrs.frozen
class GoverningDate:
    """Ngày áp dụng quy định — the day whose rules apply, and where it came from."""

    on: date
    basis: DateBasis

    def __str__(self) -> str:
        return f"{self.basis.label} {format_date(self.on)}"


def governing_date(council: Council, *, on: date | None = None) -> GoverningDate:
    """Ngày áp dụng của hội đồng — ``on`` when given, else the task's filing date where
    the task's regime keys on it (``date_basis = "filing"``), else the task's approval
    date, else its start, else the council's meeting date; InvalidValue when there is
    none."""
    if on is not None:
        return GoverningDate(require_date(on), DateBasis.GIVEN)
    task = council.task
    if task is not None:
        if task.filed_on is not None:  # a regime version keyed on the filing date
            found = task.governing_regime()
            if found.basis is RegimeBasis.FILING:
                return GoverningDate(found.on, DateBasis.FILING)
        if task.approved_by is not None and task.approved_by.issued_on is not None:
            return GoverningDate(task.approved_by.issued_on, DateBasis.APPROVAL)
        return GoverningDate(task.start, DateBasis.TASK_START)
    if council.meeting_date is not None:
        return GoverningDate(council.meeting_date, DateBasis.MEETING)
    msg = (
        f"council {council.name or council.kind.label!r} has no date (no task, no "
        f"meeting_date, no on=): rules are never taken 'as of the latest'; give on=date(...)"
    )
    raise InvalidValue(msg)


@attrs.frozen
class AppliedRules:
    """Quy định đã áp dụng — the rule set a result followed, for which council kind, on
    which date and why that date. ``status`` is the table version's (V, V2, U), or None
    when the caller supplied the rules (``rules=``)."""

    kind: CouncilKind
    rules: CouncilRules
    on: date
    basis: DateBasis
    status: Status | None
    rule_set: str | None = None
    """The named rule set the rules came from (None: the default ``council_rules``)."""

    @property
    def source(self) -> str:
        """Văn bản — the document the rules cite."""
        return self.rules.source

    @property
    def supplied_by_caller(self) -> bool:
        """Do người dùng cung cấp — the rules came from ``rules=``, not the table."""
        return self.status is None

    def __str__(self) -> str:
        text = f"{self.source}, theo {self.basis.label} {format_date(self.on)}"
        if self.status is None:
            return f"{text} (quy định do người dùng cung cấp)"
        if not self.status.verified:
            return f"{text} ({self.status.label})"
        return text


def apply_rules(
    kind: CouncilKind,
    when: GoverningDate,
    rules: CouncilRules | None = None,
    rule_set: str | None = None,
) -> AppliedRules:
    """Chọn quy định — ``rules`` when given, else the row in force for ``kind`` on
    ``when.on`` in the default ``council_rules`` table or the named ``rule_set``."""
    if rules is not None:
        if not isinstance(rules, CouncilRules):
            msg = f"rules={rules!r} ({type(rules).__name__}); expected a CouncilRules"
            raise InvalidValue(msg)
        return AppliedRules(kind, rules, when.on, when.basis, None)
    found, version = rules_in_force(kind, on=when.on, rule_set=rule_set)
    status = version.row_status(kind.name)
    return AppliedRules(kind, found, when.on, when.basis, status, rule_set)
