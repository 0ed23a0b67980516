"""Every text scanner on pathological shapes: time(10x input) / time(1x input).

A linear scanner gives a ratio near 10 (the goal is <= 12); a quadratic one near 100.
Shapes: long runs of spaces after a reference, an unclosed "(", no sentence
punctuation, a 1 MB line, "1 tỷ tỷ …", long digit runs. Also the audit and reference
finding on ordinary report text against one pass of ``re.finditer(r"\\d[\\d.,]*", text)``
consumed in Python (goals: audit <= 20x, references <= 5x). Times are CPU times of this
process (``time.process_time``), best of several runs. Ratios, never timed assertions in
tests.

Run: python benchmarks/bench_scanners.py [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench_audit import PARAGRAPH, number_pass  # a sibling script: benchmarks/ is sys.path[0]

from vn_skt.documents import find_document_refs
from vn_skt.errors import VnSktError
from vn_skt.l10n import parse_date, parse_money, parse_number
from vn_skt.reporting import audit_text


def best(func: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs (other processes on a shared machine do
    not count)."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        with contextlib.suppress(VnSktError):  # refusing is an answer too: its time counts
            func()
        times.append(time.process_time() - started)
    return min(times)


# name -> (scanner, shape of size n)
SHAPES: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    "refs: code + spaces": (find_document_refs, lambda n: "30/2020/NĐ-CP" + " " * n + "x"),
    "refs: 1 MB line": (find_document_refs, lambda n: (PARAGRAPH.strip() + " ") * (n // 400)),
    "refs: digit run": (find_document_refs, lambda n: "1" * n + "/QĐ-UBND"),
    "audit: unclosed (": (audit_text, lambda n: "(" + "có 12 nhiệm vụ trong đó 5 cái " * (n // 30)),
    "audit: no punctuation": (audit_text, lambda n: "có 12 nhiệm vụ trong đó 5 cái " * (n // 30)),
    "audit: spaces": (audit_text, lambda n: "12 nhiệm vụ, trong đó" + " " * n + "5"),
    "audit: 1 MB line": (audit_text, lambda n: (PARAGRAPH.strip() + " ") * (n // 400)),
    "parse_money: tỷ tỷ": (parse_money, lambda n: "1" + " tỷ" * (n // 3)),
    "parse_number: digits": (parse_number, lambda n: "9" * n),
    "parse_number: groups": (parse_number, lambda n: "1" + ".000" * (n // 4) + ".00"),
    "parse_date: spaces": (parse_date, lambda n: "15" + " " * n + "/01/2024"),
}


def bench_shapes(quick: bool) -> dict[str, float]:
    base = 10_000 if quick else 100_000
    repeat = 2 if quick else 3
    print(f"pathological shapes: time(10x) / time(1x), 1x = {base:,} characters (goal <= 12)")
    ratios = {}
    for name, (scan, shape) in SHAPES.items():
        small, large = shape(base), shape(base * 10)
        t1 = best(lambda s=small, f=scan: f(s), repeat)
        t10 = best(lambda s=large, f=scan: f(s), repeat)
        ratios[name] = t10 / t1
        print(f"  {name:24s} {t1 * 1e3:8.2f} ms -> {t10 * 1e3:8.2f} ms   {t10 / t1:5.1f}x")
    return ratios


def published_text(size: int) -> str:
    """The real-text set's passages (tests/reporting/real_text.py), one per line,
    repeated to about ``size`` characters: published prose, not a dense sample."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reporting"))
    from real_text import ALL_PASSAGES

    one = "\n".join(p.text for p in ALL_PASSAGES) + "\n"
    return one * max(1, size // len(one))


def _cpu_best(funcs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The least CPU time (``time.process_time``) of each function over ``repeat``
    rounds, the functions run in turn in each round: the baseline and the scanners
    share the machine's state, and other processes on a shared machine do not count."""
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            started = time.process_time()
            func()
            times[name].append(time.process_time() - started)
    return {name: min(t) for name, t in times.items()}


def bench_ordinary(quick: bool) -> dict[str, tuple[float, float]]:
    """audit_text and find_document_refs against the issue's yardstick, one pass of
    ``re.finditer(r"\\d[\\d.,]*", text)`` consumed in Python (``bench_audit.number_pass``),
    on the dense benchmark paragraph and on published text: {text: (audit x, refs x)}."""
    repeat = 3 if quick else 9
    texts = {
        "dense paragraph (bench_audit.PARAGRAPH)": PARAGRAPH * (200 if quick else 2000),
        "published text (the real-text set)": published_text(200_000 if quick else 2_000_000),
    }
    ratios = {}
    for name, text in texts.items():
        megabytes = len(text.encode("utf-8")) / 1e6
        best_of = _cpu_best(
            {
                "base": lambda t=text: number_pass(t),
                "audit": lambda t=text: audit_text(t),
                "refs": lambda t=text: find_document_refs(t),
            },
            repeat,
        )
        t_base, t_audit, t_refs = best_of["base"], best_of["audit"], best_of["refs"]
        ratios[name] = (t_audit / t_base, t_refs / t_base)
        print(f"{name}, {megabytes:.2f} MB, against one re.finditer pass of numbers")
        print(f"  number pass         {megabytes / t_base:6.1f} MB/s")
        print(
            f"  audit_text          {megabytes / t_audit:6.2f} MB/s  "
            f"{t_audit / t_base:5.1f}x (goal <= 20)"
        )
        print(
            f"  find_document_refs  {megabytes / t_refs:6.2f} MB/s  "
            f"{t_refs / t_base:5.1f}x (goal <= 5)"
        )
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller inputs")
    args = parser.parse_args()
    bench_shapes(args.quick)
    bench_ordinary(args.quick)


if __name__ == "__main__":
    main()
