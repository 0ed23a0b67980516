"""The audit on published passages (tests/reporting/real_text.py): checked share, false
alarms, caught single changed figures and reference F1, as the docs report them.

Run: python benchmarks/bench_real_text.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reporting"))

from real_text import measure


def bench_real_text() -> None:
    f = measure()
    print(f"real-text set: {f.passages} passages from {f.documents} documents")
    print(f"  claims checked      {f.checked}/{f.claims} ({f.checked / max(1, f.claims):.0%})")
    print(f"  false alarms        {f.false_alarms}")
    print(
        f"  changed figures     {f.caught}/{f.changes} caught ({f.caught / max(1, f.changes):.0%})"
    )
    print(
        f"  references F1       {f.refs_f1:.3f} ({f.refs_right}/{f.refs_expected} expected, "
        f"{f.refs_found} found)"
    )
    print(f"  slips of the published text reported  {f.slips_found}/{f.slips}")
    for line in f.unchecked:
        print(f"  not checked: {line}")
    for line in f.missed:
        print(f"  change not caught: {line}")


if __name__ == "__main__":
    bench_real_text()
