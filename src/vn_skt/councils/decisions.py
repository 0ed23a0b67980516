"""Quyết định của hội đồng — composition, quorum, selection scores, acceptance verdicts.

Every rule comes from a :class:`CouncilRules` (by default the one in force, from the
``council_rules`` table) and every decision is explained in Vietnamese.

>>> from decimal import Decimal
>>> ballots = {"A": {"Nội dung": 40, "Năng lực": 35}, "B": {"Nội dung": 38, "Năng lực": 34},
...            "C": {"Nội dung": 40, "Năng lực": 34}, "D": {"Nội dung": 39, "Năng lực": 34},
...            "E": {"Nội dung": 30, "Năng lực": 20}}
>>> score = score_selection(ballots)
>>> score.invalid, score.average, score.passed
(['E'], Decimal('73.50'), True)
>>> acceptance_verdict(["Xuất sắc"] * 6 + ["Đạt"] * 2)
<Rating.EXCELLENT: 'EXCELLENT'>
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import fold_text, format_count, format_number
from vn_skt.l10n.formatting import to_exact
from vn_skt.regulations import lookup
from vn_skt.tasks import Rating

from .enums import CouncilKind, Role
from .models import Council
from .rules import CouncilRules, rules_for

__all__ = [
    "QuorumResult",
    "SelectionFile",
    "SelectionScore",
    "Violation",
    "acceptance_verdict",
    "check_composition",
    "governing_date",
    "quorum",
    "quorum_met",
    "rank_selection",
    "score_selection",
    "session_fees",
]


@attrs.frozen
class Violation:
    """Vi phạm — one problem of a council's composition: a stable ``code`` and a message."""

    code: str
    message: str


def governing_date(council: Council) -> date | None:
    """Ngày xác định quy định — the task's approval date when the task is known (tasks
    approved before 01/10/2025 stay under the 2013-law circulars), else the council's
    date; None for an undated council without a task (the latest rules apply)."""
    task = council.task
    if task is not None:
        if task.approved_by is not None and task.approved_by.issued_on is not None:
            return task.approved_by.issued_on
        return task.start
    return council.meeting_date


def _rules(council: Council, rules: CouncilRules | None) -> CouncilRules:
    if rules is not None:
        return rules
    return rules_for(council.kind, governing_date(council))


def check_composition(council: Council, rules: CouncilRules | None = None) -> list[Violation]:
    """Kiểm tra thành phần — every problem at once: size, chair, vice-chair, reviewers,
    secretary, duplicate members, and conflicts of interest when the task or file is
    known (the principal investigator, an applicant or a key member sitting on the
    council; members from the applying or host organisation beyond what the rules allow).
    """
    rules = _rules(council, rules)
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
    expected = [
        (Role.CHAIR, rules.chairs, "Chủ tịch", "CHAIR"),
        (Role.REVIEWER, rules.reviewers, "Ủy viên phản biện", "REVIEWERS"),
        (Role.SECRETARY, rules.secretaries, "Ủy viên thư ký khoa học", "SECRETARY"),
    ]
    for role, wanted, label, code in expected:
        if wanted is None:
            continue
        have = counts.get(role, 0)
        if have < wanted:
            out.append(Violation(f"{code}_MISSING", f"Thiếu {label}: có {have}, cần {wanted}"))
        elif have > wanted:
            out.append(
                Violation(f"{code}_DUPLICATE", f"Thừa {label}: có {have}, chỉ được {wanted}")
            )
    if rules.vice_chairs_max is not None and counts.get(Role.VICE_CHAIR, 0) > rules.vice_chairs_max:
        out.append(
            Violation(
                "VICE_CHAIR_DUPLICATE",
                f"Thừa Phó Chủ tịch: có {counts[Role.VICE_CHAIR]}, tối đa {rules.vice_chairs_max}",
            )
        )
    names = Counter(m.key for m in council.members)
    for member in council.members:
        if names[member.key] > 1:
            out.append(
                Violation("DUPLICATE_MEMBER", f"{member.name} có tên nhiều lần trong hội đồng")
            )
            names[member.key] = 0
    out.extend(_conflicts(council, rules))
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


@attrs.frozen
class QuorumResult:
    """Kết quả kiểm tra số lượng — whether a meeting may decide, and why not."""

    met: bool
    present: int
    required: int
    reasons: tuple[str, ...]

    def __bool__(self) -> bool:
        return self.met


def quorum(
    council: Council, present: Iterable[str], rules: CouncilRules | None = None
) -> QuorumResult:
    """Kiểm tra số lượng — the quorum with its reasons. ``present`` holds member names
    (compared after NFC, whitespace and case folding; names that are not members count
    for nothing)."""
    rules = _rules(council, rules)
    here = {fold_text(name) for name in present}
    members = [m for m in council.members if m.key in here]
    size = len(council.members)
    fraction = rules.quorum or Fraction(0)
    required = -(-fraction.numerator * size // fraction.denominator)  # ceil(fraction × size)
    reasons: list[str] = []
    if len(members) < required:
        reasons.append(
            f"Có mặt {format_count(len(members))}/{format_count(size)} thành viên, "
            f"cần ít nhất {format_count(required)} ({fraction.numerator}/{fraction.denominator})"
        )
    roles = Counter(m.role for m in members)
    if "chair" in rules.quorum_roles and not (roles[Role.CHAIR] or roles[Role.VICE_CHAIR]):
        reasons.append("Vắng Chủ tịch và không có Phó Chủ tịch được ủy quyền")
    if "reviewers" in rules.quorum_roles:
        wanted = rules.reviewers or len(council.with_role(Role.REVIEWER))
        if roles[Role.REVIEWER] < wanted:
            reasons.append(f"Có mặt {roles[Role.REVIEWER]}/{wanted} ủy viên phản biện")
    if "secretary" in rules.quorum_roles and not roles[Role.SECRETARY]:
        reasons.append("Vắng Ủy viên thư ký khoa học")
    return QuorumResult(not reasons, len(members), required, tuple(reasons))


def quorum_met(council: Council, present: Iterable[str], rules: CouncilRules | None = None) -> bool:
    """Đủ điều kiện họp — see :func:`quorum`."""
    return quorum(council, present, rules).met


# -- selection scores -------------------------------------------------------------------


def _selection_rules(rules: CouncilRules | None) -> CouncilRules:
    return rules or rules_for(CouncilKind.SELECTION)


def _points(value: object, where: str) -> Fraction:
    if isinstance(value, str):
        try:
            value = Decimal(value.replace(",", "."))
        except ArithmeticError:
            raise InvalidValue(f"{where}: {value!r} is not a number of points") from None
    exact = Fraction(to_exact(value, what=where))
    if exact < 0:
        raise InvalidValue(f"{where}: {value} points; points cannot be negative")
    return exact


@attrs.frozen
class SelectionScore:
    """Kết quả chấm điểm — one file's score.

    ``average`` is over the valid ballots (Decimal, two places, half-up; ``average_exact``
    the Fraction), ``valid``/``invalid`` the members whose ballots were kept/dropped,
    ``passed`` this file's own test (pass mark and zero rule), ``reasons`` in Vietnamese.
    """

    average: Decimal
    average_exact: Fraction
    valid: list[str]
    invalid: list[str]
    passed: bool
    reasons: list[str]
    criteria: dict[str, Fraction]
    totals: dict[str, Fraction]


def score_selection(
    ballots: Mapping[str, Mapping[str, object]], rules: CouncilRules | None = None
) -> SelectionScore:
    """Chấm điểm hồ sơ — average, invalid ballots, pass mark and zero rule.

    ``ballots`` maps a member to points per criterion. A ballot is invalid when its total
    differs from the mean of all ballots by more than ``deviation_limit`` of that mean
    (compared exactly: a ballot at the limit stays valid). Default rules: Circular
    20/2023/TT-BKHCN.
    """
    rules = _selection_rules(rules)
    if not ballots:
        raise InvalidValue("score_selection: no ballots")
    totals: dict[str, Fraction] = {}
    points: dict[str, dict[str, Fraction]] = {}
    for member, marks in ballots.items():
        if not isinstance(marks, Mapping) or not marks:
            raise InvalidValue(f"score_selection: ballot of {member!r} has no criteria")
        points[member] = {c: _points(v, f"ballot of {member!r}, {c!r}") for c, v in marks.items()}
        totals[member] = sum(points[member].values(), Fraction(0))
    mean = sum(totals.values(), Fraction(0)) / len(totals)
    reasons: list[str] = []
    valid, invalid = [], []
    for member, total in totals.items():
        if rules.deviation_limit is not None and abs(total - mean) > rules.deviation_limit * mean:
            invalid.append(member)
            reasons.append(
                f"Phiếu của {member} ({format_number(total, 2)} điểm) lệch quá "
                f"{_pct(rules.deviation_limit)} so với điểm trung bình "
                f"{format_number(mean, 2)}: không hợp lệ"
            )
        else:
            valid.append(member)
    if not valid:
        raise InvalidValue("score_selection: every ballot is invalid")
    average = sum((totals[m] for m in valid), Fraction(0)) / len(valid)
    criteria: dict[str, Fraction] = {
        c: sum((points[m].get(c, Fraction(0)) for m in valid), Fraction(0)) / len(valid)
        for c in {c for m in valid for c in points[m]}
    }
    passed = True
    if rules.pass_mark is not None:
        if average < rules.pass_mark:
            passed = False
            reasons.append(f"Điểm trung bình {format_number(average, 2)} dưới {rules.pass_mark}")
        else:
            reasons.append(f"Điểm trung bình {format_number(average, 2)} đạt mức {rules.pass_mark}")
    if rules.zero_limit is not None:
        present = len(totals)
        zeros = Counter(c for m in points for c, v in points[m].items() if v == 0)
        for criterion, count in sorted(zeros.items()):
            if count > rules.zero_limit * present:
                passed = False
                reasons.append(
                    f"Tiêu chí {criterion!r} bị {count}/{present} thành viên chấm 0 "
                    f"điểm (quá {_pct(rules.zero_limit)})"
                )
    shown = Decimal(format_number(average, 2).replace(".", "").replace(",", "."))
    return SelectionScore(shown, average, valid, invalid, passed, reasons, criteria, totals)


def _pct(share: Fraction) -> str:
    return f"{share.numerator}/{share.denominator}"


@attrs.frozen
class SelectionFile:
    """Hồ sơ tuyển chọn — a competing file for the ranking: its ballots, requested state
    budget, whether its host proposed the task, whether the host or PI has an "Xuất sắc"
    national task in the last 5 years."""

    name: str
    ballots: Mapping[str, Mapping[str, object]]
    budget_request: int
    host_proposed: bool = False
    excellent_record: bool = False


def rank_selection(
    files: Iterable[SelectionFile],
    rules: CouncilRules | None = None,
    *,
    content_criterion: str = "Nội dung và phương án triển khai",
    chair: str | None = None,
) -> list[tuple[SelectionFile, SelectionScore, Fraction]]:
    """Xếp hạng hồ sơ — passing files first, by adjusted score (average × 1.1 for a host
    that proposed the task and reached the threshold), ties broken as the rules say
    (Circular 20/2023: lower budget request, then an "Xuất sắc" record, then the higher
    score on ``content_criterion``; the older rule: the chair's score)."""
    rules = _selection_rules(rules)
    scored = []
    for f in files:
        score = score_selection(f.ballots, rules)
        adjusted = score.average_exact
        if (
            f.host_proposed
            and rules.bonus is not None
            and rules.bonus_threshold is not None
            and score.average_exact >= rules.bonus_threshold
        ):
            adjusted = adjusted * (1 + rules.bonus)
        scored.append((f, score, adjusted))

    def key(item: tuple[SelectionFile, SelectionScore, Fraction]) -> tuple[object, ...]:
        f, score, adjusted = item
        parts: list[object] = [not score.passed, -adjusted]
        for tie in rules.tie_breaks:
            if tie == "budget":
                parts.append(f.budget_request)
            elif tie == "excellent_record":
                parts.append(not f.excellent_record)
            elif tie == "content":
                parts.append(-score.criteria.get(content_criterion, Fraction(0)))
            elif tie == "chair":
                parts.append(-score.totals.get(chair, Fraction(0)) if chair else 0)
        return tuple(parts)

    return sorted(scored, key=key)


# -- acceptance verdicts ----------------------------------------------------------------


def acceptance_verdict(
    votes: Iterable[object] | Mapping[str, object],
    rules: CouncilRules | None = None,
    *,
    months_late: int = 0,
) -> Rating:
    """Kết luận nghiệm thu — the verdict from the votes of the members present.

    Vote shares (Circular 11/2014/TT-BKHCN, the default): Xuất sắc if at least 3/4 vote
    Xuất sắc and nobody votes Không đạt; Không đạt if more than 1/3 vote Không đạt;
    otherwise Đạt. A file more than ``late_months`` months late is Không đạt. With the
    points strategy the votes are points and the average falls in a band.
    """
    rules = rules or rules_for(CouncilKind.ACCEPTANCE)
    values = list(votes.values()) if isinstance(votes, Mapping) else list(votes)
    if type(months_late) is not int or months_late < 0:
        raise InvalidValue(f"acceptance_verdict: months_late {months_late!r}; expected an int >= 0")
    if not values:
        raise InvalidValue("acceptance_verdict: no votes")
    if rules.late_months is not None and months_late > rules.late_months:
        return Rating.FAILED
    if rules.verdict == "points":
        if rules.excellent_points is None or rules.pass_points is None:
            raise InvalidValue(f"acceptance_verdict: rules from {rules.source} lack points bands")
        average = sum((_points(v, "vote") for v in values), Fraction(0)) / len(values)
        if average >= rules.excellent_points:
            return Rating.EXCELLENT
        return Rating.PASSED if average >= rules.pass_points else Rating.FAILED
    if rules.verdict != "shares" or rules.excellent_share is None or rules.fail_share is None:
        raise InvalidValue(
            f"acceptance_verdict: rules from {rules.source} have no vote-share verdict"
        )
    ratings = [v if isinstance(v, Rating) else Rating.parse(str(v)) for v in values]
    counts = Counter(ratings)
    n = len(ratings)
    if counts[Rating.FAILED] > rules.fail_share * n:
        return Rating.FAILED
    if counts[Rating.EXCELLENT] >= rules.excellent_share * n and not counts[Rating.FAILED]:
        return Rating.EXCELLENT
    return Rating.PASSED


# -- fees ---------------------------------------------------------------------------------


def session_fees(
    council: Council, *, on: date, present: Iterable[str] | None = None
) -> dict[str, int]:
    """Chi họp hội đồng — the fee per member for one session (Circular 03/2023/TT-BTC):
    the chair's rate for the chair, the member rate for everyone else, plus a written
    review for each reviewer. ``present`` limits it to those who attended."""
    version = lookup("council_fees", on)
    kind = council.kind.name if council.kind.name in version.rows else None
    if kind is None:
        raise InvalidValue(
            f"session_fees: {version.source} has no rates for a '{council.kind.label}' "
            f"council (it covers {', '.join(version.rows)})"
        )
    rates = version.row(kind)
    keys = None if present is None else {fold_text(n) for n in present}
    fees = {}
    for member in council.members:
        if keys is not None and member.key not in keys:
            continue
        fee = rates.chair if member.role is Role.CHAIR else rates.member
        if member.role is Role.REVIEWER:
            fee += rates.written_review
        fees[member.name] = fee
    return fees
