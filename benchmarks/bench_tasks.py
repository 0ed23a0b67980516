"""Task validation and the annual portfolio at 100k rows.

Run: python benchmarks/bench_tasks.py [--rows N]

Compares validating rows with ``TypeAdapter(list[Task])`` against a plain pydantic
model with the same field types and no validators (the baseline), in the same process;
then times the year's summary, its rows, and reading the rows back through the label
table (Vietnamese headers, as a spreadsheet gives them).
"""

from __future__ import annotations

import argparse
from datetime import date

from _timing import best
from pydantic import BaseModel, ConfigDict, TypeAdapter

from vn_skt.documents import DocumentRef
from vn_skt.tasks import (
    Portfolio,
    Rating,
    ResearchField,
    SelectionMethod,
    Task,
    TaskLevel,
    TaskStatus,
    TaskType,
    load_tasks,
)


class PlainFunding(BaseModel):
    model_config = ConfigDict(frozen=True)
    state_budget: dict[int, int] = {}
    counterpart: int = 0
    other: int = 0


class PlainTask(BaseModel):
    """The baseline: the same field types, no validators."""

    model_config = ConfigDict(frozen=True)
    code: str
    title: str
    type: TaskType
    level: TaskLevel
    field: ResearchField
    principal_investigator: str
    host_organization: str
    start: date
    end: date
    extended_to: date | None = None
    selection: SelectionMethod | None = None
    funding: PlainFunding = PlainFunding()
    status: TaskStatus = TaskStatus.IN_PROGRESS
    approved_by: DocumentRef | None = None
    accepted_on: date | None = None
    acceptance_rating: Rating | None = None
    terminated_on: date | None = None
    notes: str = ""


def rows(n: int) -> list[dict[str, object]]:
    """JSON-like rows (enum codes, ISO dates), as an app's API would send them."""
    fields = list(ResearchField)
    out = []
    for i in range(n):
        year = 2018 + i % 10
        out.append(
            {
                "code": f"NV.{i:06d}",
                "title": "Nghiên cứu ứng dụng công nghệ",
                "type": "RESEARCH_TOPIC",
                "level": "PROVINCIAL",
                "field": fields[i % 6].name,
                "principal_investigator": "TS. Nguyễn Văn An",
                "host_organization": "Viện Khoa học Nông nghiệp",
                "start": f"{year}-0{1 + i % 9}-01",
                "end": f"{year + 1 + i % 3}-12-31",
                "extended_to": None if i % 5 else f"{year + 2 + i % 3}-06-30",
                "selection": "OPEN_SELECTION",
                "funding": {
                    "state_budget": {str(year): 500_000_000, str(year + 1): 250_000_000},
                    "counterpart": 10_000_000,
                },
                "status": "IN_PROGRESS",
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    data = rows(args.rows)
    ours, plain = TypeAdapter(list[Task]), TypeAdapter(list[PlainTask])
    t_ours = best(lambda: ours.validate_python(data))
    t_plain = best(lambda: plain.validate_python(data))
    print(f"validate {args.rows:,} task rows (best of 3)")
    print(f"  plain pydantic model  {t_plain:6.2f} s  {args.rows / t_plain:10,.0f} rows/s")
    print(
        f"  vn_skt Task           {t_ours:6.2f} s  {args.rows / t_ours:10,.0f} rows/s   "
        f"{t_plain / t_ours:4.2f}x the baseline's throughput (target >= 0.8x)"
    )
    portfolio = Portfolio(ours.validate_python(data))
    t_year = best(lambda: portfolio.year(2022))
    summary = portfolio.year(2022)
    print(
        f"Portfolio.year over {len(portfolio):,} tasks: {t_year * 1e3:6.1f} ms "
        f"({summary.total:,} tasks in 2022)"
    )
    t_rows = best(summary.rows)
    year_rows = summary.rows()
    t_load = best(lambda: load_tasks(year_rows), repeat=1)
    print(
        f"YearSummary.rows(): {t_rows * 1e3:6.1f} ms; load_tasks of those {len(year_rows):,} rows "
        f"(Vietnamese headers): {t_load:5.2f} s  {len(year_rows) / t_load:10,.0f} rows/s"
    )


if __name__ == "__main__":
    main()
