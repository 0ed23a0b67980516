from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue
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


# -- properties ------------------------------------------------------------------------

YEARS = st.integers(min_value=2017, max_value=2032)


@given(portfolios(), YEARS)
def test_parts_add_up(p: Portfolio, year: int) -> None:
    y = p.year(year)
    assert len(y.carried_over) + len(y.new) == y.total
    assert not {t.code for t in y.carried_over} & {t.code for t in y.new}
    assert sum(y.by_field.values()) == y.total
    assert sum(y.by_level.values()) == y.total == sum(y.by_type.values())
    assert sum(y.by_group().values()) == y.total
    assert sum(y.by_group(y.new).values()) == len(y.new)


@given(portfolios(), YEARS)
def test_budget_is_the_sum_of_allocations(p: Portfolio, year: int) -> None:
    assert p.year(year).state_budget == sum(t.funding.for_year(year) for t in p.tasks)
    assert sum(p.year(y).state_budget for y in range(2000, 2050)) == sum(
        t.funding.state_budget_total for t in p.tasks
    )


@given(portfolios(), YEARS)
def test_carried_over_matches_the_definition(p: Portfolio, year: int) -> None:
    y = p.year(year)
    jan1 = date(year, 1, 1)
    for t in p.tasks:
        expected_carried = t.start < jan1 and t.effective_end >= jan1
        expected_new = t.start.year == year and t.effective_end >= t.start
        assert (t in y.carried_over) == expected_carried
        assert (t in y.new) == expected_new
