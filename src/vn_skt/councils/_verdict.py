"""Kết luận của hội đồng — an acceptance verdict, or a non-state-budget certification.

Acceptance (Circular 11/2014/TT-BKHCN), from the votes of the members present:
**Xuất sắc** if at least 3/4 vote Xuất sắc and nobody votes Không đạt; **Không đạt** if
more than 1/3 vote Không đạt; otherwise **Đạt**; a file more than 6 months late is
Không đạt. A ministry's points variant reads bands of the average points instead.

Tasks without state budget (Circular 02/2015/TT-BKHCN): the result is certified
(**Đạt**) when at least 3/4 of the members present agree, the average task score is
above 50 and the product score above 25; otherwise **Không đạt**.

>>> from datetime import date
>>> acceptance_verdict(["Xuất sắc"] * 6 + ["Đạt"] * 2, on=date(2024, 5, 1)).label
'Xuất sắc'
>>> result = judge_agreement([True] * 5 + [False] * 2, on=date(2024, 5, 1),
...                          task_score=62, product_score=25)
>>> result.rating.label, result.reasons[-1]
('Không đạt', 'Điểm sản phẩm 25 không quá 25')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import fold_text, format_count, format_number, html_record
from vn_skt.regulations import require_date
from vn_skt.tasks import Rating

from ._applied import AppliedRules, DateBasis, GoverningDate, apply_rules
from ._enums import CouncilKind
from ._rules import CouncilRules, VerdictMethod
from ._scoring import points

__all__ = [
    "Verdict",
    "acceptance_verdict",
    "agreement_verdict",
    "judge_acceptance",
    "judge_agreement",
    "judge_recommendation",
    "judge_with",
    "recommend_with",
]

Votes = Iterable[object] | Mapping[str, object]


@attrs.frozen
class Verdict:
    """Kết luận — the rating, the reasons in Vietnamese, and the rules followed."""

    rating: Rating
    reasons: tuple[str, ...]
    applied: AppliedRules

    @property
    def label(self) -> str:
        """Nhãn — "Xuất sắc", "Đạt" or "Không đạt"."""
        return self.rating.label

    def _repr_html_(self) -> str:
        return html_record(
            f"Kết luận: {self.label}",
            {"Xếp loại": self.label, "Lý do": "; ".join(self.reasons), "Quy định": self.applied},
        )


def acceptance_verdict(
    votes: Votes, *, on: date, rules: CouncilRules | None = None, months_late: int = 0
) -> Rating:
    """Kết luận nghiệm thu — see :func:`judge_acceptance`."""
    return judge_acceptance(votes, on=on, rules=rules, months_late=months_late).rating


def judge_acceptance(
    votes: Votes, *, on: date, rules: CouncilRules | None = None, months_late: int = 0
) -> Verdict:
    """Kết luận nghiệm thu — the verdict from the votes of the members present (Ratings
    or their labels; points under a points rule), under the acceptance rules in force on
    ``on`` (required), or ``rules``; with its reasons."""
    when = GoverningDate(require_date(on, what="acceptance_verdict(on=...)"), DateBasis.GIVEN)
    applied = apply_rules(CouncilKind.ACCEPTANCE, when, rules)
    return judge_with(votes, applied, months_late=months_late)


def agreement_verdict(
    votes: Votes,
    *,
    on: date,
    task_score: object,
    product_score: object,
    rules: CouncilRules | None = None,
) -> Rating:
    """Kết luận đánh giá nhiệm vụ không dùng NSNN — see :func:`judge_agreement`."""
    return judge_agreement(
        votes, on=on, task_score=task_score, product_score=product_score, rules=rules
    ).rating


def judge_agreement(
    votes: Votes,
    *,
    on: date,
    task_score: object,
    product_score: object,
    rules: CouncilRules | None = None,
) -> Verdict:
    """Kết luận đánh giá nhiệm vụ không dùng NSNN — Đạt (certified) or Không đạt, under
    the non-state-budget rules in force on ``on`` (required), or ``rules``.

    ``votes``: one per member present, ``True``/"đồng ý" to agree, ``False``/"không
    đồng ý" not to (a Rating counts as agreeing unless it is Không đạt);
    ``task_score`` and ``product_score``: the council's average scores.
    """
    when = GoverningDate(require_date(on, what="agreement_verdict(on=...)"), DateBasis.GIVEN)
    applied = apply_rules(CouncilKind.NON_STATE_BUDGET, when, rules)
    return judge_with(votes, applied, task_score=task_score, product_score=product_score)


def judge_recommendation(
    votes: Votes,
    *,
    on: date,
    kind: CouncilKind | str = CouncilKind.FUNDING_REVIEW,
    rules: CouncilRules | None = None,
    rule_set: str | None = None,
) -> Verdict:
    """Kết luận xét tài trợ, đặt hàng — Đạt ("đề nghị thực hiện") when the share of the
    members present voting to recommend reaches the rules' ``agree_share``, else Không
    đạt; under the ``kind``'s rules in force on ``on`` (required), from the default table
    or the named ``rule_set``, or ``rules``.

    ``votes``: one per member present, ``True``/"đồng ý"/"đề nghị thực hiện" to
    recommend, ``False``/"không đồng ý"/"không đề nghị (thực hiện)" not to.

    >>> judge_recommendation([True] * 5 + [False] * 2, on=date(2026, 8, 1),
    ...                      rule_set="TT 44/2026/TT-BGDĐT").reasons
    ('05/07 thành viên có mặt đề nghị thực hiện, từ 2/3 trở lên',)
    """
    when = GoverningDate(require_date(on, what="judge_recommendation(on=...)"), DateBasis.GIVEN)
    return recommend_with(votes, apply_rules(CouncilKind(kind), when, rules, rule_set))


def recommend_with(votes: Votes, applied: AppliedRules) -> Verdict:
    """Kết luận đề nghị theo quy định đã chọn — a recommendation vote judged by
    ``applied`` rules; InvalidValue when they do not decide by one."""
    if applied.rules.verdict is not VerdictMethod.RECOMMEND:
        msg = (
            f"judge_recommendation: the rules from {applied.rules.source} decide by "
            f"{applied.rules.verdict or 'no verdict method'!s}, not by a recommendation vote"
        )
        raise InvalidValue(msg)
    return judge_with(votes, applied)


def judge_with(
    votes: Votes,
    applied: AppliedRules,
    *,
    months_late: int = 0,
    task_score: object = None,
    product_score: object = None,
) -> Verdict:
    """Kết luận theo quy định đã chọn — by the rules' verdict method."""
    rules = applied.rules
    values = list(votes.values()) if isinstance(votes, Mapping) else list(votes)
    if not values:
        raise InvalidValue("verdict: no votes (expected one per member present)")
    if rules.verdict is VerdictMethod.RECOMMEND:
        return _recommend(values, applied)
    if rules.verdict is VerdictMethod.AGREEMENT:
        if task_score is None or product_score is None:
            msg = (
                f"verdict: the rules from {rules.source} certify by agreement and scores; "
                f"give task_score= and product_score= (the council's average scores)"
            )
            raise InvalidValue(msg)
        return _agreement(values, applied, task_score, product_score)
    if type(months_late) is not int or months_late < 0:
        raise InvalidValue(f"verdict: months_late {months_late!r}; expected an int >= 0")
    if rules.late_months is not None and months_late > rules.late_months:
        reason = (
            f"Nộp hồ sơ muộn {format_count(months_late)} tháng, quá "
            f"{format_count(rules.late_months)} tháng"
        )
        return Verdict(Rating.FAILED, (reason,), applied)
    if rules.verdict is VerdictMethod.POINTS:
        return _points(values, applied)
    if rules.verdict is VerdictMethod.SHARES:
        return _shares(values, applied)
    msg = f"verdict: the rules from {rules.source} give no verdict method"
    raise InvalidValue(msg)


def _shares(values: list[object], applied: AppliedRules) -> Verdict:
    rules = applied.rules
    assert rules.excellent_share is not None and rules.fail_share is not None  # checked at load
    ratings = [v if isinstance(v, Rating) else Rating.parse(str(v)) for v in values]
    counts = Counter(ratings)
    n = len(ratings)
    failed, excellent = counts[Rating.FAILED], counts[Rating.EXCELLENT]
    if failed > rules.fail_share * n:
        reason = f"{failed}/{n} phiếu Không đạt, quá {_share(rules.fail_share)}"
        return Verdict(Rating.FAILED, (reason,), applied)
    if excellent >= rules.excellent_share * n and not failed:
        reason = (
            f"{excellent}/{n} phiếu Xuất sắc, từ {_share(rules.excellent_share)} trở lên, "
            f"không có phiếu Không đạt"
        )
        return Verdict(Rating.EXCELLENT, (reason,), applied)
    reason = f"{excellent}/{n} phiếu Xuất sắc, {failed}/{n} phiếu Không đạt"
    return Verdict(Rating.PASSED, (reason,), applied)


def _points(values: list[object], applied: AppliedRules) -> Verdict:
    rules = applied.rules
    assert rules.excellent_points is not None and rules.pass_points is not None
    average = sum((points(v, "vote") for v in values), Fraction(0)) / len(values)
    shown = format_number(average, 2)
    if average >= rules.excellent_points:
        rating = Rating.EXCELLENT
        reason = f"Điểm trung bình {shown}, từ {rules.excellent_points} trở lên"
    elif average >= rules.pass_points:
        rating = Rating.PASSED
        reason = (
            f"Điểm trung bình {shown}, từ {rules.pass_points} đến dưới {rules.excellent_points}"
        )
    else:
        rating = Rating.FAILED
        reason = f"Điểm trung bình {shown}, dưới {rules.pass_points}"
    return Verdict(rating, (reason,), applied)


_AGREE = {
    fold_text("đồng ý"): True,
    fold_text("không đồng ý"): False,
    fold_text("đề nghị thực hiện"): True,
    fold_text("không đề nghị thực hiện"): False,
    fold_text("không đề nghị"): False,
}


def _agrees(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and fold_text(value) in _AGREE:
        return _AGREE[fold_text(value)]
    if isinstance(value, Rating | str):
        return Rating.parse(str(value)) is not Rating.FAILED
    msg = (
        f"verdict: vote {value!r}; expected True/False, 'đồng ý'/'không đồng ý', "
        f"'đề nghị thực hiện'/'không đề nghị (thực hiện)' or a Rating"
    )
    raise InvalidValue(msg)


def _agreement(
    values: list[object], applied: AppliedRules, task_score: object, product_score: object
) -> Verdict:
    rules = applied.rules
    assert rules.agree_share is not None
    assert rules.min_task_score is not None and rules.min_product_score is not None
    task = points(task_score, "task_score")
    product = points(product_score, "product_score")
    n = len(values)
    agree = sum(_agrees(v) for v in values)
    reasons: list[str] = []
    ok = True
    if agree >= rules.agree_share * n:
        reasons.append(f"{agree}/{n} thành viên đồng ý, từ {_share(rules.agree_share)} trở lên")
    else:
        ok = False
        reasons.append(f"{agree}/{n} thành viên đồng ý, dưới {_share(rules.agree_share)}")
    for what, score, floor in (
        ("Điểm nhiệm vụ", task, rules.min_task_score),
        ("Điểm sản phẩm", product, rules.min_product_score),
    ):
        shown = format_number(score, 2) if score.denominator != 1 else str(score.numerator)
        if score > floor:
            reasons.append(f"{what} {shown} trên {floor}")
        else:
            ok = False
            reasons.append(f"{what} {shown} không quá {floor}")
    return Verdict(Rating.PASSED if ok else Rating.FAILED, tuple(reasons), applied)


def _recommend(values: list[object], applied: AppliedRules) -> Verdict:
    rules = applied.rules
    assert rules.agree_share is not None  # checked at load
    n = len(values)
    agree = sum(_agrees(v) for v in values)
    counted = f"{format_count(agree)}/{format_count(n)} thành viên có mặt đề nghị thực hiện"
    if agree >= rules.agree_share * n:
        reason = f"{counted}, từ {_share(rules.agree_share)} trở lên"
        return Verdict(Rating.PASSED, (reason,), applied)
    reason = f"{counted}, dưới {_share(rules.agree_share)}"
    return Verdict(Rating.FAILED, (reason,), applied)


def _share(share: Fraction) -> str:
    return f"{share.numerator}/{share.denominator}"
