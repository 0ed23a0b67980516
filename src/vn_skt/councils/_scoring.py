"""Chấm điểm hồ sơ — a selection file's average, invalid ballots, pass mark and zero rule.

Each member scores out of 100. A ballot whose total differs from the mean of all
ballots by more than ``deviation_limit`` (1/5) of that mean is invalid (compared
exactly: a ballot at the limit stays valid); the file passes with an average of at
least ``pass_mark`` (70) over the valid ballots and no criterion scored 0 by more than
``zero_limit`` of the members present: 1/4 under Circular 20/2023/TT-BKHCN (from
27/11/2023), 1/3 under Circular 10/2014/TT-BKHCN before it.

>>> from datetime import date
>>> ballots = {m: {"Nội dung": 40, "Năng lực": 38, "Sản phẩm": 0 if m in "AB" else 1}
...            for m in "ABCDEF"}
>>> new = score_selection(ballots, on=date(2023, 11, 27))
>>> new.passed, new.reasons[-1]
(False, "Tiêu chí 'Sản phẩm' bị 2/6 thành viên chấm 0 điểm (quá 1/4)")
>>> old = score_selection(ballots, on=date(2023, 11, 26))
>>> old.passed, old.applied.source
(True, 'Thông tư 10/2014/TT-BKHCN (tuyển chọn, giao trực tiếp)')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import format_number, html_record, round_decimal, to_exact
from vn_skt.regulations import require_date

from ._applied import AppliedRules, DateBasis, GoverningDate, apply_rules
from ._enums import CouncilKind
from ._rules import CouncilRules

__all__ = ["SelectionScore", "points", "score_selection", "score_with"]


def points(value: object, where: str) -> Fraction:
    """Điểm — ``value`` as exact points (a number, or a string like ``"8,5"``); >= 0."""
    if isinstance(value, str):
        try:
            value = Decimal(value.strip().replace(",", "."))
        except ArithmeticError:
            raise InvalidValue(f"{where}: {value!r} is not a number of points") from None
    exact = Fraction(to_exact(value, what=where))
    if exact < 0:
        raise InvalidValue(f"{where}: {value} points; points cannot be negative")
    return exact


def _frozen(mapping: Mapping[str, Fraction]) -> Mapping[str, Fraction]:
    return MappingProxyType(dict(mapping))


@attrs.frozen
class SelectionScore:
    """Kết quả chấm điểm — one file's score.

    ``average`` is over the valid ballots (Decimal, two places, half-up; ``average_exact``
    the Fraction), ``valid``/``invalid`` the members whose ballots were kept/dropped,
    ``passed`` this file's own test (pass mark and zero rule), ``reasons`` in Vietnamese,
    ``criteria`` the average per criterion and ``totals`` each ballot's total (read-only
    mappings), ``applied`` the rules followed. Hashable.
    """

    average: Decimal
    average_exact: Fraction
    valid: tuple[str, ...]
    invalid: tuple[str, ...]
    passed: bool
    reasons: tuple[str, ...]
    criteria: Mapping[str, Fraction] = attrs.field(converter=_frozen, hash=False)
    totals: Mapping[str, Fraction] = attrs.field(converter=_frozen, hash=False)
    applied: AppliedRules

    def _repr_html_(self) -> str:
        figures: dict[str, object] = {
            "Điểm trung bình": str(self.average).replace(".", ","),
            "Kết quả": "Đạt" if self.passed else "Không đạt",
            "Phiếu hợp lệ": len(self.valid),
            "Phiếu không hợp lệ": ", ".join(self.invalid) or "không có",
            **{f"Tiêu chí: {k}": format_number(v, 2) for k, v in self.criteria.items()},
            "Lý do": "; ".join(self.reasons),
            "Quy định áp dụng": str(self.applied),
        }
        return html_record("Kết quả chấm điểm hồ sơ", figures)


def score_selection(
    ballots: Mapping[str, Mapping[str, object]],
    *,
    on: date,
    rules: CouncilRules | None = None,
) -> SelectionScore:
    """Chấm điểm hồ sơ — average, invalid ballots, pass mark and zero rule, under the
    selection rules in force on ``on`` (required), or ``rules``.

    ``ballots`` maps a member to points per criterion.
    """
    when = GoverningDate(require_date(on, what="score_selection(on=...)"), DateBasis.GIVEN)
    return score_with(ballots, apply_rules(CouncilKind.SELECTION, when, rules))


def score_with(
    ballots: Mapping[str, Mapping[str, object]], applied: AppliedRules
) -> SelectionScore:
    """Chấm điểm theo quy định đã chọn — :func:`score_selection` with ``applied`` rules."""
    rules = applied.rules
    if not isinstance(ballots, Mapping) or not ballots:
        raise InvalidValue(f"score_selection: no ballots (got {ballots!r})")
    if rules.pass_mark is None and rules.deviation_limit is None and rules.zero_limit is None:
        msg = f"score_selection: the rules from {rules.source} have no scoring rules"
        raise InvalidValue(msg)
    marks: dict[str, dict[str, Fraction]] = {}
    for member, ballot in ballots.items():
        if not isinstance(ballot, Mapping) or not ballot:
            raise InvalidValue(f"score_selection: ballot of {member!r} has no criteria")
        marks[member] = {c: points(v, f"ballot of {member!r}, {c!r}") for c, v in ballot.items()}
    totals = {member: sum(m.values(), Fraction(0)) for member, m in marks.items()}
    mean = sum(totals.values(), Fraction(0)) / len(totals)
    reasons: list[str] = []
    valid, invalid = [], []
    limit = rules.deviation_limit
    for member, total in totals.items():
        if limit is not None and abs(total - mean) > limit * mean:
            invalid.append(member)
            reasons.append(
                f"Phiếu của {member} ({format_number(total, 2)} điểm) lệch quá "
                f"{_share(limit)} so với điểm trung bình {format_number(mean, 2)}: "
                f"không hợp lệ"
            )
        else:
            valid.append(member)
    if not valid:
        raise InvalidValue("score_selection: every ballot is invalid")
    average = sum((totals[m] for m in valid), Fraction(0)) / len(valid)
    names = sorted({c for m in valid for c in marks[m]})
    criteria = {
        c: sum((marks[m].get(c, Fraction(0)) for m in valid), Fraction(0)) / len(valid)
        for c in names
    }
    passed = True
    if rules.pass_mark is not None:
        shown = format_number(average, 2)
        if average < rules.pass_mark:
            passed = False
            reasons.append(f"Điểm trung bình {shown} dưới {rules.pass_mark}")
        else:
            reasons.append(f"Điểm trung bình {shown} đạt mức {rules.pass_mark}")
    if rules.zero_limit is not None:
        present = len(totals)
        zeros = Counter(c for m in marks.values() for c, v in m.items() if v == 0)
        for criterion, count in sorted(zeros.items()):
            if count > rules.zero_limit * present:
                passed = False
                reasons.append(
                    f"Tiêu chí {criterion!r} bị {count}/{present} thành viên chấm 0 "
                    f"điểm (quá {_share(rules.zero_limit)})"
                )
    return SelectionScore(
        _two_places(average),
        average,
        tuple(valid),
        tuple(invalid),
        passed,
        tuple(reasons),
        criteria,
        totals,
        applied,
    )


def _two_places(value: Fraction) -> Decimal:
    """Two decimal places, half-up: the one rounding of vn_skt."""
    return round_decimal(value, 2)


def _share(share: Fraction) -> str:
    return f"{share.numerator}/{share.denominator}"
