"""A meeting is scored, checked and judged by the rules of its own date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from vn_skt.councils import (
    Council,
    CouncilRules,
    DateBasis,
    Meeting,
    Member,
    Rating,
    Role,
    session_fees,
)
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.tasks import Task

E, P, F = Rating.EXCELLENT, Rating.PASSED, Rating.FAILED
ROLES = [Role.CHAIR, Role.VICE_CHAIR, Role.REVIEWER, Role.REVIEWER, Role.SECRETARY]


def council(kind: str, size: int, **changes: Any) -> Council:
    people = [
        Member(name=f"Thành viên {i + 1}", role=ROLES[i] if i < 5 else Role.MEMBER)
        for i in range(size)
    ]
    return Council(kind=kind, members=people, **changes)


SELECTION = council("Tuyển chọn, giao trực tiếp", 9)
ACCEPTANCE = council("Đánh giá nghiệm thu", 9)
NAMES = [m.name for m in SELECTION.members]
# six present; two of them score 0 on one criterion: 2/6 is not over 1/3 but is over 1/4
BALLOTS = {
    n: {"Nội dung": Decimal(40), "Năng lực": Decimal(38), "Sản phẩm": Decimal(0 if i < 2 else 1)}
    for i, n in enumerate(NAMES[:6])
}


def selection_meeting(on: date | None, **changes: Any) -> Meeting:
    return Meeting(
        council=SELECTION, present=tuple(NAMES[:6]), ballots=BALLOTS, minutes_date=on, **changes
    )


def test_a_meeting_of_2020_and_one_of_2024_score_the_same_ballots_differently() -> None:
    old = selection_meeting(date(2020, 6, 5)).score()
    new = selection_meeting(date(2024, 6, 5)).score()
    assert (old.passed, new.passed) == (True, False)
    assert old.average == new.average == Decimal("78.67")
    assert "10/2014" in old.applied.source and "20/2023" in new.applied.source
    assert (old.applied.on, old.applied.basis) == (date(2020, 6, 5), DateBasis.MINUTES)
    assert new.reasons[-1] == "Tiêu chí 'Sản phẩm' bị 2/6 thành viên chấm 0 điểm (quá 1/4)"


@pytest.mark.parametrize(
    ("on", "passed"), [(date(2023, 11, 26), True), (date(2023, 11, 27), False)]
)
def test_a_meeting_on_either_side_of_circular_20_2023(on: date, passed: bool) -> None:
    assert selection_meeting(on).score().passed is passed


def test_a_meeting_before_any_rules() -> None:
    with pytest.raises(RegulationNotFound, match="2014-08-01"):
        selection_meeting(date(2014, 7, 31)).score()


def test_a_meeting_date_comes_from_the_minutes_then_the_council_then_the_task() -> None:
    assert selection_meeting(date(2020, 6, 5)).governing_date.basis is DateBasis.MINUTES
    dated = SELECTION.model_copy(update={"meeting_date": date(2020, 6, 5)})
    m = Meeting(council=dated, present=tuple(NAMES[:6]), ballots=BALLOTS)
    assert m.governing_date.basis is DateBasis.MEETING and m.score().passed
    task = Task(
        code="NV.01",
        title="T",
        type="Đề tài",
        level="Cấp tỉnh",
        field="Khoa học nông nghiệp",
        principal_investigator="Lê Văn Cường",
        host_organization="Viện Cây ăn quả",
        start=date(2020, 1, 1),
        end=date(2021, 12, 31),
    )
    with_task = SELECTION.model_copy(update={"task": task})
    m = Meeting(council=with_task, present=tuple(NAMES[:6]), ballots=BALLOTS)
    assert m.governing_date.basis is DateBasis.TASK_START and m.score().passed
    m = Meeting(council=SELECTION, present=tuple(NAMES[:6]), ballots=BALLOTS)
    with pytest.raises(InvalidValue, match="has no date"):
        m.score()


def test_a_meeting_ignores_ballots_and_votes_of_the_absent() -> None:
    ballots = BALLOTS | {
        NAMES[8]: {"Nội dung": Decimal(0), "Năng lực": Decimal(0), "Sản phẩm": Decimal(0)}
    }
    m = selection_meeting(date(2020, 6, 5)).model_copy(update={"ballots": ballots})
    assert NAMES[8] not in m.score().totals
    absent = Meeting(
        council=SELECTION, present=(NAMES[8],), ballots=BALLOTS, minutes_date=date(2020, 6, 5)
    )
    with pytest.raises(InvalidValue, match="no ballots from the members present"):
        absent.score()


def test_an_acceptance_meeting() -> None:
    votes = dict.fromkeys(NAMES[:7], E) | {NAMES[8]: F}
    meeting = Meeting(
        council=ACCEPTANCE, present=tuple(NAMES[:7]), votes=votes, minutes_date=date(2020, 6, 5)
    )
    assert meeting.quorum().met and meeting.verdict() is E  # the absent member's vote is ignored
    judgement = meeting.judgement()
    assert "11/2014" in judgement.applied.source
    assert judgement.applied.basis is DateBasis.MINUTES
    late = meeting.model_copy(update={"months_late": 7})
    assert late.verdict() is F
    assert meeting.composition().ok and meeting.composition().applied.basis is DateBasis.MINUTES


def test_a_meeting_quorum_under_its_own_date() -> None:
    meeting = Meeting(council=ACCEPTANCE, present=tuple(NAMES[:5]), minutes_date=date(2020, 6, 5))
    result = meeting.quorum()
    assert not result.met and result.applied.on == date(2020, 6, 5)
    with pytest.raises(RegulationNotFound):
        meeting.model_copy(update={"minutes_date": date(2014, 7, 31)}).quorum()


def test_a_non_state_budget_meeting_judges_by_agreement() -> None:
    c = council("Đánh giá nhiệm vụ không sử dụng ngân sách nhà nước", 5)
    names = [m.name for m in c.members]
    votes = dict.fromkeys(names[:4], P) | {names[4]: F}  # 4/5 agree
    meeting = Meeting(
        council=c,
        present=tuple(names),
        votes=votes,
        minutes_date=date(2024, 6, 5),
        task_score=Decimal(60),
        product_score=Decimal(30),
    )
    assert meeting.verdict() is P
    assert meeting.model_copy(update={"product_score": Decimal(25)}).verdict() is F
    with pytest.raises(InvalidValue, match="give task_score= and product_score="):
        meeting.model_copy(update={"task_score": None}).verdict()
    with pytest.raises(RegulationNotFound):  # replaced under the 2025 regime
        meeting.model_copy(update={"minutes_date": date(2025, 10, 1)}).verdict()


def test_a_province_rule_for_one_meeting() -> None:
    own = CouncilRules(source="QĐ 15/QĐ-UBND", deviation_limit=None, pass_mark=80)
    result = selection_meeting(date(2024, 6, 5)).score(rules=own)
    assert not result.passed and result.applied.source == "QĐ 15/QĐ-UBND"
    assert result.applied.on == date(2024, 6, 5)


def test_a_meeting_round_trips_through_json() -> None:
    m = selection_meeting(date(2020, 6, 5), task_score=Decimal("60.5"))
    assert Meeting.model_validate_json(m.model_dump_json()) == m


# -- fees ------------------------------------------------------------------------------------


def test_session_fees() -> None:
    fees = session_fees(ACCEPTANCE, on=date(2025, 6, 1))
    assert fees["Thành viên 1"] == 1_800_000  # chair
    assert fees["Thành viên 3"] == 2_500_000  # reviewer: member + written review
    assert sum(fees.values()) == 1_800_000 + 8 * 1_500_000 + 2 * 1_000_000
    assert len(session_fees(ACCEPTANCE, on=date(2025, 6, 1), present=NAMES[:6])) == 6
    with pytest.raises(RegulationNotFound):
        session_fees(ACCEPTANCE, on=date(2022, 1, 1))
    with pytest.raises(InvalidValue, match="no rates"):
        session_fees(council("Hội đồng KH&CN tỉnh", 3), on=date(2025, 6, 1))
    with pytest.raises(InvalidValue, match=r"expected a datetime\.date"):
        session_fees(ACCEPTANCE, on=None)  # type: ignore[arg-type]
