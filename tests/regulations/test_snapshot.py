"""The shipped rule tables answer at every version boundary as tests/snapshots/rules.txt
says: a change to a data file shows as a readable diff of that file, reviewed with it.
After an intended change: python scripts/snapshot_rules.py"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _script() -> object:
    spec = importlib.util.spec_from_file_location(
        "snapshot_rules", ROOT / "scripts" / "snapshot_rules.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tables_answer_as_the_snapshot_says() -> None:
    expected = (ROOT / "tests" / "snapshots" / "rules.txt").read_text(encoding="utf-8")
    actual = _script().snapshot()  # type: ignore[attr-defined]
    assert actual == expected, "rule data changed: run python scripts/snapshot_rules.py and review"


def test_the_snapshot_shows_the_2026_truck_scale_change() -> None:
    text = (ROOT / "tests" / "snapshots" / "rules.txt").read_text(encoding="utf-8")
    table = text.split("== metrology_group2", 1)[1].split("\n== ", 1)[0]
    section = table.split("2026-04-15..open", 1)[1]
    assert "~ Cân ô tô: cycle_months: 12 → 24" in section
