"""Hội đồng — councils: composition, conflicts, quorum, selection scoring, acceptance
verdicts and session fees, every rule from a cited, versioned rule set."""

from __future__ import annotations

from .decisions import (
    QuorumResult,
    SelectionFile,
    SelectionScore,
    Violation,
    acceptance_verdict,
    check_composition,
    governing_date,
    quorum,
    quorum_met,
    rank_selection,
    score_selection,
    session_fees,
)
from .enums import CouncilKind, Rating, Role
from .meeting import Meeting
from .models import Council, Member
from .names import name_sort_key
from .rules import CouncilRules, rules_for

__all__ = [
    "Council",
    "CouncilKind",
    "CouncilRules",
    "Meeting",
    "Member",
    "QuorumResult",
    "Rating",
    "Role",
    "SelectionFile",
    "SelectionScore",
    "Violation",
    "acceptance_verdict",
    "check_composition",
    "governing_date",
    "name_sort_key",
    "quorum",
    "quorum_met",
    "rank_selection",
    "rules_for",
    "score_selection",
    "session_fees",
]
