"""Acceptance verdicts (vote shares, points) and the non-state-budget agreement verdict."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.councils import CouncilKind as K
from vn_skt.councils import (
    CouncilRules,
    Rating,
    acceptance_verdict,
    agreement_verdict,
    judge_acceptance,
    judge_agreement,
    rules_for,
)
from vn_skt.errors import InvalidValue, RegulationNotFound

E, P, F = Rating.EXCELLENT, Rating.PASSED, Rating.FAILED
ON = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("votes", "verdict"),
    [
        ([E] * 6 + [P] * 2, E),  # 6/8 = 3/4 exactly
        ([E] * 5 + [P] * 3, P),
        ([E] * 8 + [F], P),  # a single Không đạt blocks Xuất sắc
        ([P] * 6 + [F] * 3, P),  # 3/9 = 1/3 exactly: not more than 1/3
        ([P] * 5 + [F] * 4, F),
        ([P] * 4 + [F] * 2, P),  # 6 present: 2/6 = 1/3
        ([P] * 3 + [F] * 3, F),
        ([E] * 4 + [P], E),  # 5 present: 4/5 >= 3/4
        ([E] * 3 + [P] * 2, P),
        ([E] * 6 + [P] * 1, E),  # 7 present: 6/7 >= 3/4
        ([E] * 5 + [P] * 2, P),  # 5/7 < 3/4
        ([P] * 4 + [F] * 3, F),  # 3/7 > 1/3
    ],
)
def test_vote_shares(votes: list[Rating], verdict: Rating) -> None:
    assert acceptance_verdict(votes, on=ON) is verdict


@pytest.mark.parametrize("on", [date(2014, 8, 1), date(2023, 11, 26), date(2025, 10, 1)])
def test_acceptance_rules_hold_in_every_version(on: date) -> None:
    assert acceptance_verdict([E] * 6 + [P] * 2, on=on) is E
    assert "11/2014" in judge_acceptance([E], on=on).applied.source


def test_before_circular_11_2014_there_is_no_verdict() -> None:
    with pytest.raises(RegulationNotFound, match="2014-08-01"):
        acceptance_verdict([E], on=date(2014, 7, 31))


def test_votes_from_labels_and_late_files() -> None:
    assert acceptance_verdict({"A": "xuất sắc", "B": "Xuất sắc", "C": "XUẤT SẮC"}, on=ON) is E
    assert acceptance_verdict([E] * 9, on=ON, months_late=6) is E
    result = judge_acceptance([E] * 9, on=ON, months_late=7)
    assert result.rating is F and result.reasons == ("Nộp hồ sơ muộn 07 tháng, quá 06 tháng",)


def test_the_verdict_says_why() -> None:
    result = judge_acceptance([E] * 6 + [P] * 2, on=ON)
    assert result.label == "Xuất sắc"
    assert result.reasons == ("6/8 phiếu Xuất sắc, từ 3/4 trở lên, không có phiếu Không đạt",)
    assert judge_acceptance([P] * 5 + [F] * 4, on=ON).reasons == ("4/9 phiếu Không đạt, quá 1/3",)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"votes": []}, "no votes"),
        ({"votes": [E], "months_late": -1}, "months_late"),
        ({"votes": [E], "months_late": 1.5}, "months_late"),
        ({"votes": ["Tốt"]}, "Tốt"),
        ({"votes": [E], "on": "2024-06-01"}, "expected a datetime.date"),
    ],
)
def test_verdict_refuses(kwargs: dict[str, Any], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        acceptance_verdict(**({"on": ON} | kwargs))


def test_points_variant() -> None:
    ministry = CouncilRules(
        source="Quy định của Bộ X", verdict="points", excellent_points=85, pass_points=50
    )
    assert acceptance_verdict([85, 85], on=ON, rules=ministry) is E
    assert acceptance_verdict([84, 85], on=ON, rules=ministry) is P
    assert acceptance_verdict([50, 49], on=ON, rules=ministry) is F
    assert judge_acceptance(["49,5", 50], on=ON, rules=ministry).reasons == (
        "Điểm trung bình 49,75, dưới 50",
    )


def test_rules_without_a_verdict_are_refused() -> None:
    with pytest.raises(InvalidValue, match="no verdict method"):
        acceptance_verdict([E], on=ON, rules=rules_for(K.SELECTION, on=ON))


# -- tasks without state budget (Circular 02/2015/TT-BKHCN) -------------------------------


@pytest.mark.parametrize(
    ("agree", "disagree", "task", "product", "rating"),
    [
        (6, 2, 51, 26, P),  # 6/8 = 3/4 exactly
        (5, 2, 51, 26, F),  # 5/7 < 3/4
        (5, 0, 50, 26, F),  # the task score must be above 50
        (5, 0, Decimal("50.01"), 26, P),
        (5, 0, 80, 25, F),  # the product score must be above 25
        (5, 0, 80, "25,5", P),
        (7, 0, 90, 40, P),
    ],
)
def test_agreement_verdict(
    agree: int, disagree: int, task: object, product: object, rating: Rating
) -> None:
    votes = [True] * agree + [False] * disagree
    got = agreement_verdict(votes, on=ON, task_score=task, product_score=product)
    assert got is rating


def test_agreement_votes_in_words_and_reasons() -> None:
    votes = {"A": "Đồng ý", "B": "đồng ý", "C": "ĐỒNG Ý", "D": "không đồng ý"}
    result = judge_agreement(votes, on=ON, task_score=60, product_score=30)
    assert result.rating is P
    assert result.reasons == (
        "3/4 thành viên đồng ý, từ 3/4 trở lên",
        "Điểm nhiệm vụ 60 trên 50",
        "Điểm sản phẩm 30 trên 25",
    )
    assert "02/2015" in result.applied.source


def test_agreement_ends_with_the_2025_regime() -> None:
    assert agreement_verdict([True], on=date(2025, 9, 30), task_score=60, product_score=30) is P
    with pytest.raises(RegulationNotFound):
        agreement_verdict([True], on=date(2025, 10, 1), task_score=60, product_score=30)


def test_agreement_refuses() -> None:
    with pytest.raises(InvalidValue, match="vote 3"):
        agreement_verdict([3], on=ON, task_score=60, product_score=30)
    with pytest.raises(InvalidValue, match="task_score"):
        agreement_verdict([True], on=ON, task_score=-1, product_score=30)
    with pytest.raises(InvalidValue, match="give task_score= and product_score="):
        acceptance_verdict([E], on=ON, rules=rules_for(K.NON_STATE_BUDGET, on=ON))


# -- properties -------------------------------------------------------------------------------

VOTES = st.lists(st.sampled_from([E, P, F]), min_size=1, max_size=12)
ORDER = {F: 0, P: 1, E: 2}


@given(VOTES)
def test_adding_an_excellent_vote_never_worsens(votes: list[Rating]) -> None:
    assert ORDER[acceptance_verdict([*votes, E], on=ON)] >= ORDER[acceptance_verdict(votes, on=ON)]


@given(VOTES, st.randoms())
def test_verdict_depends_on_counts_not_order(votes: list[Rating], rnd: Any) -> None:
    shuffled = list(votes)
    rnd.shuffle(shuffled)
    assert acceptance_verdict(shuffled, on=ON) is acceptance_verdict(votes, on=ON)


@given(st.lists(st.booleans(), min_size=1, max_size=9), st.integers(0, 100), st.integers(0, 50))
def test_one_more_agreeing_member_never_turns_a_pass_into_a_failure(
    votes: list[bool], task: int, product: int
) -> None:
    before = agreement_verdict(votes, on=ON, task_score=task, product_score=product)
    after = agreement_verdict([*votes, True], on=ON, task_score=task, product_score=product)
    assert ORDER[after] >= ORDER[before]
