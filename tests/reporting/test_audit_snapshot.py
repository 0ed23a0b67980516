"""The audit's findings are exactly those of the snapshot (tests/reporting/
audit_snapshot.py): a faster hot path must not change a single finding."""

from __future__ import annotations

import json

from .audit_snapshot import SNAPSHOT, cases, describe, key


def test_findings_match_the_snapshot() -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    inputs = list(cases())
    assert len({key(t) for t in inputs}) == len(expected)
    changed = [t[:120] for t in inputs if expected.get(key(t)) != describe(t)]
    assert changed == []
