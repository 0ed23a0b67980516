"""Báo cáo — indicators against targets, and the audit of a report's arithmetic."""

from __future__ import annotations

from .audit import Finding, FindingKind, FindingReason, audit_text
from .indicators import Indicator, IndicatorGroup, compare, round_half_up

__all__ = [
    "Finding",
    "FindingKind",
    "FindingReason",
    "Indicator",
    "IndicatorGroup",
    "audit_text",
    "compare",
    "round_half_up",
]
