"""Write the rule tables' answers at every version boundary to tests/snapshots/rules.txt.

For each shipped table and each day a version starts: what changed from the day before
(rows added, removed, changed), with the new version's source and status. The test suite
compares the file with the tables as shipped, so a change to a data file shows up as a
readable diff of this snapshot, reviewed with the change (the habit of the `holidays`
package). Regenerate after editing a table:

    python scripts/snapshot_rules.py
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import attrs

from vn_skt.errors import RegulationNotFound
from vn_skt.regulations import Registry

SNAPSHOT = Path(__file__).resolve().parents[1] / "tests" / "snapshots" / "rules.txt"


_PROVENANCE = ("source", "status", "note")


def _value(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return "—" if value is None else str(value)


def _row(row: Any) -> str:
    values = attrs.asdict(row, recurse=False)
    shown = [f"{name}={_value(value)}" for name, value in values.items() if value not in (None, ())]
    return "; ".join(shown)


def _change(old: Any, new: Any) -> str:
    """What changed in a row: its rule fields old → new; provenance only named."""
    before, after = attrs.asdict(old, recurse=False), attrs.asdict(new, recurse=False)
    changed = [name for name in after if before.get(name) != after[name]]
    rules = [
        f"{n}: {_value(before.get(n))} → {_value(after[n])}"
        for n in changed
        if n not in _PROVENANCE
    ]
    provenance = [n for n in changed if n in _PROVENANCE]
    return "; ".join(rules + ([f"({', '.join(provenance)} changed)"] if provenance else []))


def snapshot(registry: Registry | None = None) -> str:
    """Bản chụp quy định — the text of the snapshot (shipped tables only)."""
    registry = registry or Registry()
    out: list[str] = []
    for name in registry.names():
        table = registry.table(name)
        out.append(f"== {name} ({len(table.versions)} versions)")
        for version in table.versions:
            day = version.effective_from
            try:
                before = registry.lookup(name, on=day - timedelta(days=1)).rows
            except RegulationNotFound:
                before = {}
            now = version.rows
            end = version.effective_to.isoformat() if version.effective_to else "open"
            out.append(f"{day.isoformat()}..{end} {version.status.value} {version.source}")
            for key in now:
                if key not in before:
                    out.append(f"  + {key}: {_row(now[key])}")
                elif before[key] != now[key]:
                    out.append(f"  ~ {key}: {_change(before[key], now[key])}")
            out.extend(f"  - {key}" for key in before if key not in now)
    return "\n".join(out) + "\n"


def main() -> int:
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(snapshot(), encoding="utf-8")
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
