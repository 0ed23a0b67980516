"""Báo cáo — indicators against targets, and the audit of a report's arithmetic."""

from __future__ import annotations

from ._annual import AnnualData, Plan, annual_report, audit_summary, report_figures
from ._audit import Certainty, Finding, FindingKind, FindingReason, audit_text
from ._indicators import Indicator, IndicatorGroup, compare, round_half_up

__all__ = [
    "AnnualData",
    "Certainty",
    "Finding",
    "FindingKind",
    "FindingReason",
    "Indicator",
    "IndicatorGroup",
    "Plan",
    "annual_report",
    "audit_summary",
    "audit_text",
    "compare",
    "report_figures",
    "round_half_up",
]
