"""Đo thời gian — the two timers every benchmark script uses (imported as a sibling:
the scripts run with benchmarks/ as sys.path[0])."""

from __future__ import annotations

import time
from collections.abc import Callable


def timed(func: Callable[[], object]) -> float:
    """Seconds one call of ``func`` takes."""
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def best(func: Callable[[], object], repeat: int = 3) -> float:
    """The least disturbed of ``repeat`` runs, in seconds (a loaded machine only adds)."""
    return min(timed(func) for _ in range(repeat))
