"""Xếp hạng hồ sơ — competing selection files in order: bonus, then tie-breaks.

Passing files come first, by their adjusted score: the average, plus ``bonus`` (10%) for
a host that proposed the task and reached ``bonus_threshold`` (70). Equal scores are
ordered by the rules' ``tie_breaks``: under Circular 20/2023/TT-BKHCN the lower
state-budget request, then an "Xuất sắc" national task in the last 5 years, then the
higher score on "nội dung và phương án triển khai"; under Circular 10/2014/TT-BKHCN the
chair's score.

>>> from datetime import date
>>> a = SelectionFile("A", {"Chủ tịch": {"x": 78}, "U": {"x": 82}}, budget_request=1)
>>> b = SelectionFile("B", {"Chủ tịch": {"x": 81}, "U": {"x": 79}}, budget_request=2)
>>> [r.file.name for r in rank_selection([a, b], on=date(2020, 1, 1), chair="Chủ tịch")]
['B', 'A']
>>> [r.file.name for r in rank_selection([a, b], on=date(2024, 1, 1))]
['A', 'B']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction
from typing import NamedTuple

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import fold_text
from vn_skt.regulations import require_date

from ._applied import AppliedRules, DateBasis, GoverningDate, apply_rules
from ._enums import CouncilKind
from ._rules import CouncilRules, TieBreak
from ._scoring import SelectionScore, score_with

__all__ = ["RankedFile", "SelectionFile", "rank_selection"]


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


class RankedFile(NamedTuple):
    """Hồ sơ đã xếp hạng — the file, its score and its adjusted score (with the bonus)."""

    file: SelectionFile
    score: SelectionScore
    adjusted: Fraction


def rank_selection(
    files: Iterable[SelectionFile],
    *,
    on: date,
    rules: CouncilRules | None = None,
    content_criterion: str = "Nội dung và phương án triển khai",
    chair: str | None = None,
) -> list[RankedFile]:
    """Xếp hạng hồ sơ — passing files first, by adjusted score, ties broken as the rules
    in force on ``on`` (required), or ``rules``, say. ``chair`` names the chair, whose
    score breaks ties under the older rule (required then)."""
    when = GoverningDate(require_date(on, what="rank_selection(on=...)"), DateBasis.GIVEN)
    applied = apply_rules(CouncilKind.SELECTION, when, rules)
    rules = applied.rules
    if TieBreak.CHAIR in rules.tie_breaks and chair is None:
        msg = (
            f"rank_selection: the rules from {rules.source} break ties by the chair's "
            f"score; give chair='<the chair's name>'"
        )
        raise InvalidValue(msg)
    ranked = [_rank(f, applied) for f in files]
    return sorted(ranked, key=lambda r: _order(r, rules, content_criterion, chair))


def _rank(file: SelectionFile, applied: AppliedRules) -> RankedFile:
    try:
        score = score_with(file.ballots, applied)
    except InvalidValue as exc:
        raise InvalidValue(f"rank_selection: file {file.name!r}: {exc}") from None
    rules = applied.rules
    adjusted = score.average_exact
    if (
        file.host_proposed
        and rules.bonus is not None
        and rules.bonus_threshold is not None
        and adjusted >= rules.bonus_threshold
    ):
        adjusted = adjusted * (1 + rules.bonus)
    return RankedFile(file, score, adjusted)


def _order(
    item: RankedFile, rules: CouncilRules, content: str, chair: str | None
) -> tuple[object, ...]:
    file, score, adjusted = item
    parts: list[object] = [not score.passed, -adjusted]
    for tie in rules.tie_breaks:
        if tie is TieBreak.BUDGET:
            parts.append(file.budget_request)
        elif tie is TieBreak.EXCELLENT_RECORD:
            parts.append(not file.excellent_record)
        elif tie is TieBreak.CONTENT:
            parts.append(-score.criteria.get(content, Fraction(0)))
        elif tie is TieBreak.CHAIR:
            parts.append(-_chairs_total(file, score, chair or ""))
    return tuple(parts)


def _chairs_total(file: SelectionFile, score: SelectionScore, chair: str) -> Fraction:
    key = fold_text(chair)
    for member, total in score.totals.items():
        if fold_text(member) == key:
            return total
    msg = f"rank_selection: file {file.name!r} has no ballot from the chair {chair!r}"
    raise InvalidValue(msg)
