"""Điều kiện họp — whether enough members, and the right ones, are present to decide.

Under Circular 11/2014/TT-BKHCN an acceptance council decides with at least 2/3 of its
members present, among them the chair (or a vice-chair the chair authorised), both
reviewers and the scientific secretary; a selection council (Circulars 10/2014 and
20/2023) does not need the secretary.

>>> from datetime import date
>>> from vn_skt.councils import Council, Member
>>> roles = ["Chủ tịch", "Phó Chủ tịch", "Ủy viên phản biện", "Ủy viên phản biện",
...          "Ủy viên thư ký khoa học"] + ["Ủy viên"] * 4
>>> c = Council(kind="Đánh giá nghiệm thu", meeting_date=date(2024, 6, 5),
...             members=[Member(name=f"Người {i}", role=r) for i, r in enumerate(roles)])
>>> result = quorum(c, [f"Người {i}" for i in range(1, 6)])
>>> result.met, result.present, result.required
(False, 5, 6)
>>> result.reasons
('Có mặt 05/09 thành viên, cần ít nhất 06 (2/3)',)
>>> result.applied.source, result.applied.basis.name
('Thông tư 11/2014/TT-BKHCN (đánh giá, nghiệm thu)', 'MEETING')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from fractions import Fraction

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import fold_text, format_count, html_record

from ._applied import AppliedRules, GoverningDate, apply_rules, governing_date
from ._enums import Role
from ._models import Council
from ._rules import CouncilRules, QuorumRole

__all__ = ["QuorumResult", "quorum", "quorum_met"]


@attrs.frozen
class QuorumResult:
    """Kết quả kiểm tra điều kiện họp — whether a meeting may decide, why not, and under
    which rules (``applied``)."""

    met: bool
    present: int
    required: int
    reasons: tuple[str, ...]
    applied: AppliedRules

    def __bool__(self) -> bool:
        return self.met

    def _repr_html_(self) -> str:
        figures: dict[str, object] = {
            "Đủ điều kiện họp": self.met,
            "Số thành viên có mặt": format_count(self.present),
            "Số thành viên tối thiểu": format_count(self.required),
            "Lý do": "; ".join(self.reasons) or None,
            "Quy định áp dụng": str(self.applied),
        }
        return html_record("Điều kiện họp", {k: v for k, v in figures.items() if v is not None})


def quorum(
    council: Council,
    present: Iterable[str],
    *,
    on: date | None = None,
    rules: CouncilRules | None = None,
) -> QuorumResult:
    """Kiểm tra điều kiện họp — the quorum with its reasons. ``present`` holds member
    names (compared after NFC, whitespace and case folding; names that are not members
    count for nothing). Rules: those of the council's governing date (``on`` when
    given), or ``rules``."""
    return quorum_on(council, present, governing_date(council, on=on), rules)


def quorum_met(
    council: Council,
    present: Iterable[str],
    *,
    on: date | None = None,
    rules: CouncilRules | None = None,
) -> bool:
    """Đủ điều kiện họp — see :func:`quorum`."""
    return quorum(council, present, on=on, rules=rules).met


def quorum_on(
    council: Council,
    present: Iterable[str],
    when: GoverningDate,
    rules: CouncilRules | None = None,
) -> QuorumResult:
    """Điều kiện họp theo ngày — :func:`quorum` on an already chosen governing date."""
    if isinstance(present, str):
        msg = f"quorum: present={present!r} is one string; expected an iterable of names"
        raise InvalidValue(msg)
    applied = apply_rules(council.kind, when, rules, council.rule_set)
    rules = applied.rules
    here = {fold_text(name) for name in present}
    members = [m for m in council.members if m.key in here]
    size = len(council.members)
    share = rules.quorum if rules.quorum is not None else Fraction(0)
    required = -(-share.numerator * size // share.denominator)  # ceil(share × size)
    reasons: list[str] = []
    if len(members) < required:
        reasons.append(
            f"Có mặt {format_count(len(members))}/{format_count(size)} thành viên, "
            f"cần ít nhất {format_count(required)} ({share.numerator}/{share.denominator})"
        )
    roles = Counter(m.role for m in members)
    for role in rules.quorum_roles:
        reason = _missing(role, roles, council, rules)
        if reason:
            reasons.append(reason)
    return QuorumResult(not reasons, len(members), required, tuple(reasons), applied)


def _missing(
    role: QuorumRole, here: Counter[Role], council: Council, rules: CouncilRules
) -> str | None:
    if role is QuorumRole.CHAIR:
        if not (here[Role.CHAIR] or here[Role.VICE_CHAIR]):
            return "Vắng Chủ tịch và không có Phó Chủ tịch được ủy quyền"
    elif role is QuorumRole.REVIEWERS:
        wanted = rules.reviewers or len(council.with_role(Role.REVIEWER))
        if here[Role.REVIEWER] < wanted:
            return f"Có mặt {here[Role.REVIEWER]}/{wanted} ủy viên phản biện"
    elif role is QuorumRole.ONE_REVIEWER:
        if not here[Role.REVIEWER]:
            return "Vắng tất cả ủy viên phản biện (cần ít nhất 1)"
    elif role is QuorumRole.SECRETARY and not here[Role.SECRETARY]:
        return "Vắng Ủy viên thư ký khoa học"
    return None
