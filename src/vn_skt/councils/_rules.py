"""Quy định hội đồng — a council kind's rule set in force, from the ``council_rules`` table.

>>> from datetime import date
>>> rules = rules_for(CouncilKind.SELECTION, on=date(2024, 5, 1))
>>> rules.source
'Thông tư 20/2023/TT-BKHCN (tuyển chọn, giao trực tiếp)'
>>> rules.quorum, rules.zero_limit
(Fraction(2, 3), Fraction(1, 4))
>>> rules_for(CouncilKind.SELECTION, on=date(2020, 5, 1)).zero_limit
Fraction(1, 3)
"""

from __future__ import annotations

from datetime import date
from typing import Any

from vn_skt.errors import RegulationNotFound
from vn_skt.regulations import Version, lookup, require_date
from vn_skt.regulations.council_rules import CouncilRules, QuorumRole, TieBreak, VerdictMethod

from ._enums import CouncilKind

__all__ = [
    "TABLE",
    "CouncilRules",
    "QuorumRole",
    "TieBreak",
    "VerdictMethod",
    "rules_for",
    "rules_in_force",
]

TABLE = "council_rules"


def rules_for(kind: CouncilKind | str, *, on: date) -> CouncilRules:
    """Quy định áp dụng — the rule set in force for ``kind`` on ``on`` (required).

    Raises RegulationNotFound when the kind has no rule set on that date, or when its
    numbers are not known to vn-skt and must be supplied.
    """
    return rules_in_force(kind, on=on)[0]


def rules_in_force(kind: CouncilKind | str, *, on: date) -> tuple[CouncilRules, Version[Any]]:
    """Quy định và phiên bản — the rule set in force and the table version it comes from
    (whose ``status`` says how well it is verified)."""
    kind = CouncilKind(kind)
    on = require_date(on, what=f"rules_for({kind.name}, on=...)")
    version = lookup(TABLE, on=on)
    try:
        rules: CouncilRules = version.row(kind.name)
    except RegulationNotFound:
        raise RegulationNotFound(
            f"no rule set for a '{kind.label}' council on {on.isoformat()} in {version.source} "
            f"(in force {version.span}): supply one with CouncilRules(...)"
        ) from None
    if not rules.supplied:
        raise RegulationNotFound(
            f"the rules of a '{kind.label}' council on {on.isoformat()} are not known to "
            f"vn-skt ({rules.source}): supply them with CouncilRules(...) or by registering "
            f"a '{TABLE}' version"
        )
    return rules, version
