from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings

from vn_skt.errors import InvalidValue
from vn_skt.l10n import parse_money
from vn_skt.tasks import Portfolio, ResearchField, Task, TaskStatus
from vn_skt.testing.strategies import portfolios

F = ResearchField


def task(code: str, start: date, end: date, **changes: Any) -> Task:
    data: dict[str, Any] = {
        "code": code,
        "title": f"Nhiệm vụ {code}",
        "type": "Đề tài",
        "level": "Cấp tỉnh",
        "field": F.AGRICULTURAL_SCIENCES,
        "principal_investigator": "TS. A",
        "host_organization": "Viện B",
        "start": start,
        "end": end,
    }
    data.update(changes)
    return Task(**data)


# -- the edges the issue names -------------------------------------------------------


def test_task_ending_31_december_is_not_carried_into_the_next_year() -> None:
    p = Portfolio([task("A", date(2024, 1, 1), date(2024, 12, 31))])
    assert p.year(2024).total == 1 and p.year(2025).total == 0
    assert [t.code for t in p.year(2024).completed] == ["A"]


def test_extension_carries_a_task_over() -> None:
    p = Portfolio([task("A", date(2024, 1, 1), date(2024, 12, 31), extended_to=date(2025, 3, 31))])
    y = p.year(2025)
    assert [t.code for t in y.carried_over] == ["A"] and y.new == []
    assert [t.code for t in y.completed] == ["A"]
    assert p.year(2024).completed == []


def test_task_starting_in_december_is_new_then_carried() -> None:
    p = Portfolio([task("A", date(2024, 12, 1), date(2025, 11, 30))])
    assert [t.code for t in p.year(2024).new] == ["A"]
    assert [t.code for t in p.year(2025).carried_over] == ["A"]


def test_task_starting_1_january_is_new_not_carried() -> None:
    p = Portfolio([task("A", date(2025, 1, 1), date(2026, 6, 30))])
    assert len(p.year(2025).new) == 1 and p.year(2025).carried_over == []


def test_terminated_before_the_year_is_not_carried() -> None:
    p = Portfolio(
        [
            task(
                "A",
                date(2024, 1, 1),
                date(2026, 12, 31),
                status="Dừng thực hiện",
                terminated_on=date(2024, 10, 1),
            )
        ]
    )
    assert p.year(2024).total == 1 and p.year(2025).total == 0
    assert p.year(2024).completed == []


def test_terminated_during_the_year_counts_in_it() -> None:
    p = Portfolio(
        [
            task(
                "A",
                date(2024, 1, 1),
                date(2026, 12, 31),
                status="Dừng thực hiện",
                terminated_on=date(2025, 5, 1),
            )
        ]
    )
    assert p.year(2025).total == 1 and p.year(2026).total == 0


def test_accepted_in_the_year_after_is_completed_then() -> None:
    p = Portfolio(
        [
            task(
                "A",
                date(2023, 1, 1),
                date(2024, 12, 31),
                status="Đã nghiệm thu",
                accepted_on=date(2025, 2, 20),
                acceptance_rating="Đạt",
            )
        ]
    )
    assert [t.code for t in p.year(2025).completed] == ["A"]
    assert p.year(2025).total == 0


def test_budget_is_every_allocation_of_the_year() -> None:
    p = Portfolio(
        [
            task(
                "A",
                date(2024, 1, 1),
                date(2024, 12, 31),
                funding={"state_budget": {2024: 300_000_000, 2025: 20_000_000}},
            ),
            task(
                "B", date(2025, 1, 1), date(2025, 12, 31), funding={"state_budget": {2025: 1_000}}
            ),
        ]
    )
    assert p.year(2025).state_budget == 20_001_000


REPORT_STYLE = (
    "Năm 2025 thực hiện 36 nhiệm vụ KH&CN, trong đó: 22 nhiệm vụ chuyển tiếp từ năm 2024; "
    "14 nhiệm vụ bắt đầu thực hiện từ năm 2025 (lĩnh vực nông nghiệp: 06 nhiệm vụ; lĩnh vực "
    "y tế, công nghệ thông tin: 05 nhiệm vụ; lĩnh vực khác: 03 nhiệm vụ), với tổng kinh phí "
    "thực hiện 18,460 tỷ đồng."
)


def test_the_report_sentence() -> None:
    grouping = {
        F.AGRICULTURAL_SCIENCES: "nông nghiệp",
        F.MEDICAL_AND_PHARMACEUTICAL: "y tế, công nghệ thông tin",
        F.ENGINEERING_AND_TECHNOLOGY: "y tế, công nghệ thông tin",
        F.NATURAL_SCIENCES: "khác",
        F.SOCIAL_SCIENCES: "khác",
        F.HUMANITIES: "khác",
    }
    tasks = []
    for i in range(22):
        tasks.append(task(f"C{i:02d}", date(2024, 1, 1), date(2025, 12, 31)))
    fields = (
        [F.AGRICULTURAL_SCIENCES] * 6
        + [F.MEDICAL_AND_PHARMACEUTICAL] * 3
        + [F.ENGINEERING_AND_TECHNOLOGY] * 2
        + [F.SOCIAL_SCIENCES] * 3
    )
    for i, field in enumerate(fields):
        tasks.append(task(f"N{i:02d}", date(2025, 3, 1), date(2026, 12, 31), field=field))
    tasks[0] = tasks[0].model_copy(
        update={
            "funding": tasks[0].funding.model_copy(update={"state_budget": {2025: 18_460_000_000}})
        }
    )
    summary = Portfolio(tasks, grouping=grouping).year(2025)
    assert str(summary) == REPORT_STYLE
    figures = summary.as_dict()
    assert figures["total"] == 36 and figures["carried_over"] == 22 and figures["new"] == 14
    assert figures["state_budget"] == 18_460_000_000
    assert figures["new_by_group"] == {"nông nghiệp": 6, "y tế, công nghệ thông tin": 5, "khác": 3}


def test_default_labels_are_the_classifications() -> None:
    p = Portfolio([task("A", date(2025, 1, 1), date(2025, 12, 31))])
    assert "(lĩnh vực khoa học nông nghiệp: 01 nhiệm vụ)" in str(p.year(2025))


def test_overdue() -> None:
    p = Portfolio(
        [
            task("late", date(2023, 1, 1), date(2024, 12, 31)),
            task("extended", date(2023, 1, 1), date(2024, 12, 31), extended_to=date(2025, 12, 31)),
            task(
                "accepted",
                date(2023, 1, 1),
                date(2024, 6, 30),
                status="Đã nghiệm thu",
                accepted_on=date(2024, 12, 1),
                acceptance_rating="Đạt",
            ),
        ]
    )
    assert [t.code for t in p.overdue(on=date(2025, 3, 1))] == ["late"]


def test_refuses() -> None:
    a = task("A", date(2025, 1, 1), date(2025, 12, 31))
    with pytest.raises(InvalidValue, match="more than once"):
        Portfolio([a, a])
    with pytest.raises(InvalidValue, match="expected Task"):
        Portfolio([a, "B"])  # type: ignore[list-item]
    with pytest.raises(InvalidValue, match="must cover every ResearchField"):
        Portfolio([a], grouping={F.AGRICULTURAL_SCIENCES: "nông nghiệp"})
    with pytest.raises(InvalidValue, match="int year"):
        Portfolio([a]).year("2025")  # type: ignore[arg-type]


def test_status_counts_and_filter() -> None:
    p = Portfolio(
        [
            task("A", date(2025, 1, 1), date(2025, 12, 31)),
            task("B", date(2025, 1, 1), date(2025, 12, 31), status="Đã phê duyệt"),
        ]
    )
    assert p.status_counts() == {TaskStatus.IN_PROGRESS: 1, TaskStatus.APPROVED: 1}
    assert len(p.filter(lambda t: t.code == "B")) == 1


def test_status_counts_filter_and_iteration_share_titleportfolios_face() -> None:
    a = task("A", date(2025, 1, 1), date(2025, 12, 31))
    p = Portfolio([a])
    assert list(p) == [a] and a in p and len(p) == 1
    assert repr(p) == "Portfolio(1 tasks)"


def test_settlement_money_is_in_the_budget_and_listed_apart() -> None:
    ended = task(
        "S",
        date(2023, 1, 1),
        date(2024, 12, 31),
        funding={"state_budget": {2024: 900, 2025: 100}},
    )
    running = task("R", date(2025, 1, 1), date(2025, 12, 31), funding={"state_budget": {2025: 7}})
    y = Portfolio([ended, running]).year(2025)
    assert y.tasks == [running] and y.settlement == [ended] and y.state_budget == 107
    assert Portfolio([ended, running]).year(2024).settlement == []


# -- the year's frame says what it holds, and agrees with the report sentence ---------

BUDGET_2025 = "Kinh phí NSNN năm 2025 (đồng)"
ALL_YEARS = "Tổng kinh phí NSNN cả thời gian thực hiện (đồng)"


def test_frame_budget_column_is_the_years_budget_of_the_sentence() -> None:
    """Issue #16: the column for one year held the all-years total (20,6 tỷ where the
    sentence said 7,44 tỷ)."""
    p = Portfolio(
        [
            task(
                "A",
                date(2024, 1, 1),
                date(2025, 12, 31),
                funding={"state_budget": {2024: 5_000_000_000, 2025: 2_440_000_000}},
            ),
            task(
                "B",
                date(2025, 3, 1),
                date(2026, 2, 28),
                funding={"state_budget": {2025: 4_000_000_000, 2026: 9_000_000_000}},
            ),
            task(
                "C",
                date(2023, 1, 1),
                date(2024, 12, 31),
                funding={"state_budget": {2024: 100, 2025: 1_000_000_000}},
            ),
        ]
    )
    summary = p.year(2025)
    assert "với tổng kinh phí thực hiện 7,440 tỷ đồng." in str(summary)
    rows = summary.rows()
    assert [r["Mã số"] for r in rows] == ["A", "B", "C"]
    assert sum(r[BUDGET_2025] for r in rows) == 7_440_000_000
    assert [r[ALL_YEARS] for r in rows] == [7_440_000_000, 13_000_000_000, 1_000_000_100]
    flags = [(r["Chuyển tiếp"], r["Mở mới"], r["Chỉ quyết toán"]) for r in rows]
    assert flags == [(True, False, False), (False, True, False), (False, False, True)]
    assert all(r["Năm"] == 2025 for r in rows)


# -- properties: an oracle written from DOMAIN.md, not from the code -----------------


def _runs_on(t: Task, day: date) -> bool:
    """DOMAIN.md: a task is implemented on the days of its period, its extension
    included, until it is terminated (the day of termination is not a day of work)."""
    if t.terminated_on is not None and day >= t.terminated_on:
        return False
    return t.start <= day <= (t.extended_to or t.end)


def _days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [
        first + timedelta(days=k) for k in range(366) if (first + timedelta(days=k)).year == year
    ]


def _oracle(tasks: list[Task], year: int) -> dict[str, Any]:
    """The year's figures by brute force, day by day, from the glossary's definitions:
    carried over = implemented in Y and started before 1 January of Y; new = implemented
    in Y and started in Y; budget = every allocation for Y."""
    days = _days_of(year)
    running = [t for t in tasks if any(_runs_on(t, d) for d in days)]
    return {
        "codes": [t.code for t in running],
        "carried": {t.code for t in running if t.start < days[0]},
        "new": {t.code for t in running if t.start >= days[0]},
        "completed": {
            t.code
            for t in tasks
            if (t.accepted_on is not None and t.accepted_on.year == year)
            or (t.terminated_on is None and (t.extended_to or t.end).year == year)
        },
        "budget": sum(a for t in tasks for y, a in t.funding.state_budget.items() if y == year),
        "by_field": Counter(t.field for t in running),
        "settlement": [
            t.code for t in tasks if t not in running and t.funding.state_budget.get(year)
        ],
    }


_SENTENCE = re.compile(
    r"Năm (\d{4}) thực hiện (\d+) nhiệm vụ KH&CN, trong đó: (\d+) nhiệm vụ chuyển tiếp "
    r"từ năm (\d{4}); (\d+) nhiệm vụ bắt đầu thực hiện từ năm \d{4}"
    r"(?: \((.*)\))?, với tổng kinh phí thực hiện (.*)\.$"
)


def check_year(p: Portfolio, year: int) -> None:
    y = p.year(year)
    want = _oracle(list(p.tasks), year)
    codes = lambda ts: {t.code for t in ts}  # noqa: E731
    assert [t.code for t in y.tasks] == want["codes"]  # portfolio order kept
    assert codes(y.carried_over) == want["carried"] and codes(y.new) == want["new"]
    assert codes(y.completed) == want["completed"]
    assert [t.code for t in y.settlement] == want["settlement"]
    assert y.state_budget == want["budget"]
    assert y.by_field == dict(want["by_field"])
    # The sentence states the oracle's figures, and its parts add up to its whole.
    found = _SENTENCE.fullmatch(str(y))
    assert found, str(y)
    stated_year, total, carried, since, new, groups, money = found.groups()
    assert (int(stated_year), int(since)) == (year, year - 1)
    assert (int(total), int(carried), int(new)) == (
        len(want["codes"]),
        len(want["carried"]),
        len(want["new"]),
    )
    group_counts = [int(n) for n in re.findall(r": (\d+) nhiệm vụ", groups or "")]
    assert sum(group_counts) == int(new)
    assert parse_money(money) == round_half_up_to_million(want["budget"])
    # The frame's year column is the sentence's budget, and its flags its counts.
    rows = y.rows()
    budget = f"Kinh phí NSNN năm {year} (đồng)"
    assert sum(r[budget] for r in rows) == want["budget"]
    assert sum(r["Chuyển tiếp"] for r in rows) == int(carried)
    assert sum(r["Mở mới"] for r in rows) == int(new)


def round_half_up_to_million(amount: int) -> int:
    """The sentence writes tỷ with three decimals: a million đồng, halves up."""
    return (amount + 500_000) // 1_000_000 * 1_000_000


def _years_of(t: Task) -> set[int]:
    """The years in which something happens to a task (its start, end, extension,
    termination, acceptance, a budget allocation), and the years either side."""
    days = [t.start, t.end, t.extended_to, t.terminated_on, t.accepted_on]
    years = {d.year for d in days if d is not None} | set(t.funding.state_budget)
    return {y + k for y in years for k in (-1, 0, 1)}


def years_of(p: Portfolio) -> list[int]:
    return sorted(set().union(*map(_years_of, p.tasks))) if len(p) else [2025]


@given(portfolios(max_size=6))
def test_each_year_is_the_definitions_of_domain_md(p: Portfolio) -> None:
    for year in years_of(p):
        check_year(p, year)


@pytest.mark.slow
@settings(max_examples=300)
@given(portfolios(max_size=40))
def test_each_year_is_the_definitions_of_domain_md_large(p: Portfolio) -> None:
    for year in years_of(p):
        check_year(p, year)


@given(portfolios(max_size=6))
def test_every_allocation_counts_in_exactly_one_year(p: Portfolio) -> None:
    years = {y for t in p.tasks for y in t.funding.state_budget}
    assert sum(p.year(y).state_budget for y in years) == sum(
        a for t in p.tasks for a in t.funding.state_budget.values()
    )
    quiet = next(y for y in range(2000, 2100) if y not in years)
    assert p.year(quiet).state_budget == 0


@given(portfolios(max_size=6))
def test_summaries_are_hashable_values(p: Portfolio) -> None:
    for year in years_of(p):
        a, b = p.year(year), Portfolio(list(p.tasks)).year(year)
        assert a == b and hash(a) == hash(b)
