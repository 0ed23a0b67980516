"""Hội đồng — councils: composition, conflicts, quorum, selection scoring, acceptance
verdicts and session fees, every rule from a cited, versioned rule set chosen by the
decision's own date (``on=``, or the council's or meeting's date), and every result
saying which rule set it followed (``result.applied``)."""

from __future__ import annotations

from ._applied import AppliedRules, DateBasis, GoverningDate, governing_date
from ._composition import (
    CompositionCheck,
    Violation,
    ViolationCode,
    check_composition,
    composition_check,
)
from ._enums import CouncilKind, Rating, Role
from ._fees import session_fees
from ._meeting import Meeting
from ._models import Council, Member
from ._names import name_sort_key
from ._quorum import QuorumResult, quorum, quorum_met
from ._ranking import RankedFile, SelectionFile, rank_selection
from ._regime import KIND_REGIMES, check_council_regime
from ._rules import (
    RULE_SETS,
    CouncilRules,
    QuorumRole,
    TieBreak,
    VerdictMethod,
    rule_set_table,
    rules_for,
)
from ._scoring import SelectionScore, score_selection
from ._verdict import (
    Verdict,
    acceptance_verdict,
    agreement_verdict,
    judge_acceptance,
    judge_agreement,
    judge_recommendation,
)

__all__ = [
    "KIND_REGIMES",
    "RULE_SETS",
    "AppliedRules",
    "CompositionCheck",
    "Council",
    "CouncilKind",
    "CouncilRules",
    "DateBasis",
    "GoverningDate",
    "Meeting",
    "Member",
    "QuorumResult",
    "QuorumRole",
    "RankedFile",
    "Rating",
    "Role",
    "SelectionFile",
    "SelectionScore",
    "TieBreak",
    "Verdict",
    "VerdictMethod",
    "Violation",
    "ViolationCode",
    "acceptance_verdict",
    "agreement_verdict",
    "check_composition",
    "check_council_regime",
    "composition_check",
    "governing_date",
    "judge_acceptance",
    "judge_agreement",
    "judge_recommendation",
    "name_sort_key",
    "quorum",
    "quorum_met",
    "rank_selection",
    "rule_set_table",
    "rules_for",
    "score_selection",
    "session_fees",
]
