"""Reading a 200.000-row task sheet: our loader against polars + a plain pydantic model.

Run: python benchmarks/bench_sheets.py [--rows N] [--repeat R]

Issue #16's targets, each a ratio measured in this run on the same file:

- load rate: ``read_tasks(path)`` (headings through the label table, cells read the
  Vietnamese way, every issue kept), by column (``engine="columns"``, what a file this
  size gets by default) and by row (``engine="rows"``), each against
  "``polars.read_csv`` + a plain pydantic model with the same field types" — target ≥ 0,5×;
- peak memory (each side in its own process, ``ru_maxrss``) — target ≤ 3× the baseline;
  each side runs ``--repeat`` times (interleaved) and its best time and memory count;
- validating tasks whose enum fields hold Vietnamese labels ("Đang thực hiện") against
  a plain pydantic model whose enums are those labels — target ≥ 0,8×.

Nothing here is asserted in the test suite; the figures are printed beside the targets.
"""

from __future__ import annotations

import argparse
import csv
import enum
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from vn_skt.tasks import ResearchField, Task, TaskLevel, TaskStatus, TaskType

HEADER = [
    "STT",
    "Mã số",
    "Tên nhiệm vụ",
    "Loại nhiệm vụ",
    "Cấp quản lý",
    "Lĩnh vực",
    "Chủ nhiệm",
    "Tổ chức chủ trì",
    "Thời gian bắt đầu",
    "Thời gian kết thúc",
    "Trạng thái",
    "Kinh phí NSNN năm 2025",
]
PLAIN_NAMES = [
    "stt",
    "code",
    "title",
    "type",
    "level",
    "field",
    "principal_investigator",
    "host_organization",
    "start",
    "end",
    "status",
    "state_budget_2025",
]


def _labels(kind: Any) -> enum.Enum:
    return enum.Enum(kind.__name__, {m.name: m.label for m in kind})


PlainType = _labels(TaskType)
PlainLevel = _labels(TaskLevel)
PlainField = _labels(ResearchField)
PlainStatus = _labels(TaskStatus)


class PlainFunding(BaseModel):
    model_config = ConfigDict(frozen=True)
    state_budget: dict[int, int] = {}
    counterpart: int = 0
    other: int = 0
    counterpart_by_year: dict[int, int] = {}
    other_by_year: dict[int, int] = {}


class PlainTask(BaseModel):
    """The baseline: the same field types, enums by their labels, no validators."""

    model_config = ConfigDict(frozen=True)
    stt: int
    code: str
    title: str
    type: PlainType  # type: ignore[valid-type]
    level: PlainLevel  # type: ignore[valid-type]
    field: PlainField  # type: ignore[valid-type]
    principal_investigator: str
    host_organization: str
    start: date
    end: date
    status: PlainStatus  # type: ignore[valid-type]
    state_budget_2025: int
    # Task's optional fields, so that both models have the same fields
    extended_to: date | None = None
    selection: str | None = None
    funding: PlainFunding = Field(default_factory=PlainFunding)
    approved_by: str | None = None
    accepted_on: date | None = None
    acceptance_rating: str | None = None
    terminated_on: date | None = None
    notes: str = ""


def write_sheet(path: Path, rows: int) -> None:
    types, levels = list(TaskType), list(TaskLevel)
    fields, statuses = list(ResearchField), list(TaskStatus)[:4]
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i in range(rows):
            out.writerow(
                [
                    i + 1,
                    f"NV.{i:06d}",
                    f"Nhiệm vụ số {i}",
                    types[i % len(types)].label,
                    levels[i % len(levels)].label,
                    fields[i % len(fields)].label,
                    "TS. Nguyễn Văn A",
                    "Viện Nghiên cứu B",
                    f"2025-{1 + i % 12:02d}-01",
                    "2026-12-31",
                    statuses[i % len(statuses)].label,
                    100_000_000 + i,
                ]
            )


def child(which: str, path: str) -> None:
    """One side, in its own process: prints seconds, peak RSS (kB) and rows kept."""
    start = time.perf_counter()
    if which in ("columns", "rows"):
        from vn_skt.tasks import read_tasks

        result = read_tasks(path, engine=which)  # type: ignore[arg-type]
        kept = len(result.tasks)
        assert result.ok, result.summary()
    else:
        import polars as pl

        frame = pl.read_csv(path, new_columns=PLAIN_NAMES, infer_schema=False)
        kept = len([PlainTask.model_validate(row) for row in frame.iter_rows(named=True)])
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_kb": peak, "kept": kept}))


def run_child(which: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def bench_validation(rows: int) -> None:
    label_rows = [
        {
            "code": f"NV.{i:06d}",
            "title": "T",
            "type": "Đề tài",
            "level": "Cấp tỉnh",
            "field": "Khoa học nông nghiệp",
            "principal_investigator": "A",
            "host_organization": "B",
            "start": date(2025, 1, 1),
            "end": date(2026, 12, 31),
            "status": "Đang thực hiện",
        }
        for i in range(rows)
    ]
    plain_rows = [{**r, "stt": 1, "state_budget_2025": 0} for r in label_rows]
    ours = TypeAdapter(list[Task])
    plain = TypeAdapter(list[PlainTask])
    best_ours = best_plain = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        ours.validate_python(label_rows)
        t1 = time.perf_counter()
        plain.validate_python(plain_rows)
        t2 = time.perf_counter()
        best_ours, best_plain = min(best_ours, t1 - t0), min(best_plain, t2 - t1)
    print(
        f"label-validated Task vs plain model ({rows:,} rows): {best_plain / best_ours:.2f}× "
        f"(ours {best_ours * 1e3:.0f} ms, plain {best_plain * 1e3:.0f} ms; target ≥ 0,8×)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per side; the best counts")
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "PATH"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tasks.csv"
        write_sheet(path, args.rows)
        runs: dict[str, list[dict[str, float]]] = {}
        for _ in range(args.repeat):  # interleaved, so that a busy moment hits every side
            for which in ("baseline", "columns", "rows"):
                runs.setdefault(which, []).append(run_child(which, path))
        best = {
            which: {key: min(r[key] for r in results) for key in results[0]}
            for which, results in runs.items()
        }
        base = best.pop("baseline")
        sides = best
    for engine, ours in sides.items():
        assert ours["kept"] == base["kept"] == args.rows
        print(
            f"load {args.rows:,} rows: read_tasks(engine={engine!r}) {ours['seconds']:.2f} s, "
            f"polars.read_csv + plain pydantic {base['seconds']:.2f} s → rate ratio "
            f"{base['seconds'] / ours['seconds']:.2f}× (target ≥ 0,5×)"
        )
        print(
            f"  peak memory: ours {ours['peak_kb'] / 1024:.0f} MB, baseline "
            f"{base['peak_kb'] / 1024:.0f} MB → {ours['peak_kb'] / base['peak_kb']:.2f}× "
            f"(target ≤ 3×)"
        )
    bench_validation(min(args.rows, 100_000))


if __name__ == "__main__":
    main()
