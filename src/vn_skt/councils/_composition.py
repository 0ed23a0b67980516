"""Thành phần hội đồng — size, roles, duplicates and conflicts of interest, all at once.

The rules are the council's own (see :mod:`vn_skt.councils._applied`): an acceptance
council under Circular 11/2014/TT-BKHCN has 9 members: a chair, a vice-chair, 2
reviewers, a scientific secretary and other members.

>>> from datetime import date
>>> from vn_skt.councils import Council, Member
>>> roles = ["Chủ tịch", "Ủy viên phản biện", "Ủy viên phản biện",
...          "Ủy viên thư ký khoa học"] + ["Ủy viên"] * 5
>>> c = Council(kind="Đánh giá nghiệm thu", meeting_date=date(2024, 6, 5),
...             members=[Member(name=f"Người {i}", role=r) for i, r in enumerate(roles)])
>>> [v.code.value for v in check_composition(c)]
['VICE_CHAIR_MISSING']
>>> print(composition_check(c).applied)
Thông tư 11/2014/TT-BKHCN (đánh giá, nghiệm thu), theo ngày họp hội đồng 05/06/2024
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from enum import StrEnum

import attrs

from vn_skt.l10n import fold_text, format_count

from ._applied import AppliedRules, GoverningDate, apply_rules, governing_date
from ._enums import Role
from ._models import Council
from ._rules import CouncilRules

__all__ = [
    "CompositionCheck",
    "Violation",
    "ViolationCode",
    "check_composition",
    "composition_check",
]


class ViolationCode(StrEnum):
    """Mã vi phạm — the closed set of :attr:`Violation.code` values.

    Members are strings (``v.code == "SIZE"`` works); the set only grows, and a code never
    changes meaning.
    """

    SIZE = "SIZE"
    """Fewer or more members than the rules allow."""
    CHAIR_MISSING = "CHAIR_MISSING"
    """No chair."""
    CHAIR_DUPLICATE = "CHAIR_DUPLICATE"
    """More than one chair."""
    VICE_CHAIR_MISSING = "VICE_CHAIR_MISSING"
    """Fewer vice-chairs than the rules name."""
    VICE_CHAIR_DUPLICATE = "VICE_CHAIR_DUPLICATE"
    """More vice-chairs than the rules allow."""
    REVIEWERS_MISSING = "REVIEWERS_MISSING"
    """Fewer reviewers than the rules require."""
    REVIEWERS_DUPLICATE = "REVIEWERS_DUPLICATE"
    """More reviewers than the rules allow."""
    SECRETARY_MISSING = "SECRETARY_MISSING"
    """No scientific secretary."""
    SECRETARY_DUPLICATE = "SECRETARY_DUPLICATE"
    """More than one scientific secretary."""
    DUPLICATE_MEMBER = "DUPLICATE_MEMBER"
    """The same person listed twice."""
    CONFLICT_PRINCIPAL_INVESTIGATOR = "CONFLICT_PRINCIPAL_INVESTIGATOR"
    """The task's principal investigator sits on its council."""
    CONFLICT_APPLICANT = "CONFLICT_APPLICANT"
    """A key member of a file sits on the council judging it."""
    CONFLICT_ORGANIZATION = "CONFLICT_ORGANIZATION"
    """More members from the host or applying organisations than the rules allow."""
    LEADER_MISSING = "LEADER_MISSING"
    """No team leader ("Tổ trưởng") where the rules name one."""
    LEADER_DUPLICATE = "LEADER_DUPLICATE"
    """More team leaders than the rules allow."""
    COUNCIL_LINK_MISSING = "COUNCIL_LINK_MISSING"
    """Fewer of the served council's chair, vice-chair or reviewers on the team than the
    rules require (Circular 25/2026/TT-BCT Art. 5.4)."""
    COUNCIL_LINK_UNKNOWN = "COUNCIL_LINK_UNKNOWN"
    """The rules require members of the served council, but ``serves`` is not given."""


@attrs.frozen
class Violation:
    """Vi phạm — one problem of a council's composition: a stable ``code`` and a message."""

    code: ViolationCode = attrs.field(converter=ViolationCode)
    message: str


@attrs.frozen
class CompositionCheck:
    """Kết quả kiểm tra thành phần — the violations (empty when the council is well
    formed) and the rules they were checked against."""

    violations: tuple[Violation, ...]
    applied: AppliedRules

    @property
    def ok(self) -> bool:
        """Hợp lệ — no violation."""
        return not self.violations

    def __bool__(self) -> bool:
        return self.ok


def check_composition(
    council: Council, *, on: date | None = None, rules: CouncilRules | None = None
) -> list[Violation]:
    """Kiểm tra thành phần — every problem at once (see :func:`composition_check`)."""
    return list(composition_check(council, on=on, rules=rules).violations)


def composition_check(
    council: Council, *, on: date | None = None, rules: CouncilRules | None = None
) -> CompositionCheck:
    """Kiểm tra thành phần — size, chair, vice-chairs, reviewers, secretary, duplicate
    members, and conflicts of interest when the task or file is known (the principal
    investigator, an applicant or a key member sitting on the council; members from the
    applying or host organisation beyond what the rules allow), under the rules of the
    council's governing date (``on`` when given) or ``rules``.
    """
    return composition_on(council, governing_date(council, on=on), rules)


def composition_on(
    council: Council, when: GoverningDate, rules: CouncilRules | None = None
) -> CompositionCheck:
    """Kiểm tra thành phần theo ngày — :func:`composition_check` on a chosen date."""
    applied = apply_rules(council.kind, when, rules, council.rule_set)
    found = [*_size_and_roles(council, applied.rules), *_duplicates(council)]
    found += _conflicts(council, applied.rules)
    found += _link(council, applied.rules)
    return CompositionCheck(tuple(found), applied)


def _size_and_roles(council: Council, rules: CouncilRules) -> list[Violation]:
    out: list[Violation] = []
    size = len(council.members)
    if not rules.size_ok(size):
        out.append(
            Violation(
                "SIZE",
                f"Hội đồng có {format_count(size)} thành viên; quy định "
                f"{rules.size_text()} thành viên ({rules.source})",
            )
        )
    counts = Counter(m.role for m in council.members)
    ranges = [
        (Role.CHAIR, rules.chairs, rules.chairs, "CHAIR"),
        (Role.VICE_CHAIR, rules.vice_chairs_min, rules.vice_chairs_max, "VICE_CHAIR"),
        (Role.REVIEWER, rules.reviewers, rules.reviewers, "REVIEWERS"),
        (Role.SECRETARY, rules.secretaries, rules.secretaries, "SECRETARY"),
        (Role.LEADER, rules.leaders, rules.leaders, "LEADER"),
    ]
    for role, low, high, code in ranges:
        have = counts.get(role, 0)
        if low is not None and have < low:
            out.append(Violation(f"{code}_MISSING", f"Thiếu {role.label}: có {have}, cần {low}"))
        if high is not None and have > high:
            bound = "chỉ được" if low == high else "tối đa"
            out.append(
                Violation(f"{code}_DUPLICATE", f"Thừa {role.label}: có {have}, {bound} {high}")
            )
    return out


def _duplicates(council: Council) -> list[Violation]:
    out: list[Violation] = []
    names = Counter(m.key for m in council.members)
    for member in council.members:
        if names[member.key] > 1:
            out.append(
                Violation("DUPLICATE_MEMBER", f"{member.name} có tên nhiều lần trong hội đồng")
            )
            names[member.key] = 0
    return out


def _conflicts(council: Council, rules: CouncilRules) -> list[Violation]:
    out: list[Violation] = []
    people: dict[str, str] = {}
    orgs: dict[str, str] = {}
    task = council.task
    if task is not None:
        people[fold_text(task.principal_investigator)] = "chủ nhiệm nhiệm vụ"
        orgs[fold_text(task.host_organization)] = "tổ chức chủ trì"
    for name in council.applicants:
        people.setdefault(fold_text(name), "thành viên chính của hồ sơ")
    for org in council.applying_organizations:
        orgs.setdefault(fold_text(org), "tổ chức đăng ký hoặc phối hợp")
    for member in council.members:
        role = people.get(member.key)
        if role is not None:
            code = (
                "CONFLICT_PRINCIPAL_INVESTIGATOR"
                if role == "chủ nhiệm nhiệm vụ"
                else "CONFLICT_APPLICANT"
            )
            out.append(
                Violation(code, f"{member.name} là {role}, không được là thành viên hội đồng")
            )
    limit = rules.max_host_members
    if limit is not None and orgs:
        from_orgs = [
            m
            for m in council.members
            if m.organization is not None and fold_text(m.organization) in orgs
        ]
        if len(from_orgs) > limit:
            listed = ", ".join(f"{m.name} ({m.organization})" for m in from_orgs)
            out.append(
                Violation(
                    "CONFLICT_ORGANIZATION",
                    f"{format_count(len(from_orgs))} thành viên thuộc tổ chức chủ trì "
                    f"hoặc đăng ký (tối đa {limit}): {listed}",
                )
            )
    return out


_LINK_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.REVIEWER)


def _link(council: Council, rules: CouncilRules) -> list[Violation]:
    wanted = rules.council_members_min
    if not wanted:
        return []
    served = council.serves
    if served is None:
        msg = (
            f"Cần ít nhất {wanted} thành viên là Chủ tịch, Phó Chủ tịch hoặc Ủy viên phản "
            f"biện của hội đồng được phục vụ ({rules.source}); chưa cho biết hội đồng đó "
            f"(serves=...)"
        )
        return [Violation("COUNCIL_LINK_UNKNOWN", msg)]
    keys = {m.key for m in served.members if m.role in _LINK_ROLES}
    linked = [m for m in council.members if m.key in keys]
    if len(linked) >= wanted:
        return []
    msg = (
        f"Có {len(linked)} thành viên là Chủ tịch, Phó Chủ tịch hoặc Ủy viên phản biện của "
        f"hội đồng {served.kind.label}, cần ít nhất {wanted} ({rules.source})"
    )
    return [Violation("COUNCIL_LINK_MISSING", msg)]
