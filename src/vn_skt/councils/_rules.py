"""Quy định hội đồng — a council kind's rule set in force, from the ``council_rules`` table
or from a named rule set (a ministry's circular, a province's decision).

>>> from datetime import date
>>> rules = rules_for(CouncilKind.SELECTION, on=date(2024, 5, 1))
>>> rules.source
'Thông tư 20/2023/TT-BKHCN (tuyển chọn, giao trực tiếp)'
>>> rules.quorum, rules.zero_limit
(Fraction(2, 3), Fraction(1, 4))
>>> rules_for(CouncilKind.SELECTION, on=date(2020, 5, 1)).zero_limit
Fraction(1, 3)

Under the 2025 law the default is the ministries' shared shape (marked U); a ministry's
own set is chosen by name:

>>> rules_for(CouncilKind.FUNDING_REVIEW, on=date(2026, 6, 1)).size_text()
'từ 7 đến 9'
>>> bct = rules_for(CouncilKind.FUNDING_REVIEW, on=date(2026, 6, 1), rule_set="TT 25/2026/TT-BCT")
>>> [str(r) for r in bct.quorum_roles]
['chair', 'reviewers', 'secretary']
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Any

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import fold_text
from vn_skt.regulations import Version, lookup, require_date, table, tables
from vn_skt.regulations.council_rules import CouncilRules, QuorumRole, TieBreak, VerdictMethod

from ._enums import CouncilKind

__all__ = [
    "RULE_SETS",
    "TABLE",
    "CouncilRules",
    "QuorumRole",
    "TieBreak",
    "VerdictMethod",
    "rule_set_table",
    "rules_for",
    "rules_in_force",
]

TABLE = "council_rules"

RULE_SETS: MappingProxyType[str, str] = MappingProxyType(
    {
        "TT 25/2026/TT-BCT": "council_rules_tt25_2026_bct",
        "TT 44/2026/TT-BGDĐT": "council_rules_tt44_2026_bgddt",
    }
)
"""Bộ quy định có sẵn — the named rule sets that ship with vn-skt: a short name → its
table (each a ministry's circular, V for that ministry, not a province's rule)."""

_PREFIXES = ("thông tư ", "tt ")


def _short(name: str) -> str:
    folded = fold_text(name)
    for prefix in _PREFIXES:
        folded = folded.removeprefix(prefix)
    return folded.replace(" ", "")


def rule_set_table(rule_set: str | None) -> str:
    """Bảng của bộ quy định — the table behind ``rule_set``: None is the default
    ``council_rules``; a shipped short name ("TT 25/2026/TT-BCT", also "Thông tư
    25/2026/TT-BCT" or "25/2026/tt-bct"); or the name of a table a province registered
    (``vn_skt.regulations.register_file``) whose rows are :class:`CouncilRules`."""
    if rule_set is None:
        return TABLE
    if not isinstance(rule_set, str) or not rule_set.strip():
        raise InvalidValue(f"rule_set={rule_set!r}; expected a rule set's name or None")
    wanted = _short(rule_set)
    for short, name in RULE_SETS.items():
        if _short(short) == wanted:
            return name
    if rule_set in tables():
        row_type = table(rule_set).row_type
        if row_type is not CouncilRules:
            msg = (
                f"rule_set={rule_set!r}: that table's rows are {row_type.__qualname__}, "
                f"not CouncilRules"
            )
            raise InvalidValue(msg)
        return rule_set
    known = ", ".join([*RULE_SETS, *(n for n in tables() if n.startswith(f"{TABLE}_"))])
    msg = (
        f"rule_set={rule_set!r} is not known; known: {known}; a province registers its own "
        f"with vn_skt.regulations.register_file(path) (a '{TABLE}'-style TOML file)"
    )
    raise InvalidValue(msg)


def rules_for(kind: CouncilKind | str, *, on: date, rule_set: str | None = None) -> CouncilRules:
    """Quy định áp dụng — the rule set in force for ``kind`` on ``on`` (required), from
    the default table or the named ``rule_set`` (see :func:`rule_set_table`).

    Raises RegulationNotFound when the kind has no rule set on that date, or when its
    numbers are not known to vn-skt and must be supplied.
    """
    return rules_in_force(kind, on=on, rule_set=rule_set)[0]


def rules_in_force(
    kind: CouncilKind | str, *, on: date, rule_set: str | None = None
) -> tuple[CouncilRules, Version[Any]]:
    """Quy định và phiên bản — the rule set in force and the table version it comes from
    (whose ``status`` says how well it is verified)."""
    kind = CouncilKind(kind)
    on = require_date(on, what=f"rules_for({kind.name}, on=...)")
    name = rule_set_table(rule_set)
    version = lookup(name, on=on)
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
            f"a '{name}' version"
        )
    return rules, version
