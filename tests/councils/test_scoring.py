"""Selection scores and the ranking of competing files, under the rules of their date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.councils import (
    CouncilRules,
    DateBasis,
    SelectionFile,
    rank_selection,
    score_selection,
)
from vn_skt.errors import InvalidValue, RegulationNotFound

NEW = date(2024, 6, 1)  # Circular 20/2023/TT-BKHCN
OLD = date(2020, 6, 1)  # Circular 10/2014/TT-BKHCN


def ballots(*totals: int) -> dict[str, dict[str, int]]:
    return {
        f"M{i}": {"Nội dung và phương án triển khai": t // 2, "Năng lực": t - t // 2}
        for i, t in enumerate(totals)
    }


def zeros(present: int, zeroes: int) -> dict[str, dict[str, int]]:
    return {
        f"M{i}": {"Nội dung": 40, "Năng lực": 38, "Sản phẩm": 0 if i < zeroes else 1}
        for i in range(present)
    }


def test_a_ballot_exactly_at_the_limit_stays_valid() -> None:
    # mean 80; 20% of 80 = 16: 96 is exactly at the limit, 64 too
    score = score_selection(ballots(96, 64, 80, 80, 80), on=NEW)
    assert score.invalid == () and score.average == Decimal("80.00")
    score = score_selection(ballots(97, 64, 80, 79, 80), on=NEW)  # mean 80: 97 is 17 away
    assert score.invalid == ("M0",)


@pytest.mark.parametrize(
    ("present", "zeroes", "passed"),
    [
        (5, 1, True),
        (5, 2, False),
        (6, 1, True),
        (6, 2, False),
        (7, 1, True),
        (7, 2, False),
        (8, 2, True),
        (8, 3, False),
        (9, 2, True),
        (9, 3, False),
    ],
)
def test_zero_rule_at_one_quarter(present: int, zeroes: int, passed: bool) -> None:
    assert score_selection(zeros(present, zeroes), on=NEW).passed is passed


@pytest.mark.parametrize(
    ("present", "zeroes", "passed"), [(6, 2, True), (6, 3, False), (9, 3, True), (9, 4, False)]
)
def test_older_zero_rule_at_one_third(present: int, zeroes: int, passed: bool) -> None:
    assert score_selection(zeros(present, zeroes), on=OLD).passed is passed


@pytest.mark.parametrize(
    ("on", "passed", "cites"),
    [(date(2023, 11, 26), True, "10/2014"), (date(2023, 11, 27), False, "20/2023")],
)
def test_the_zero_rule_changes_on_27_november_2023(on: date, passed: bool, cites: str) -> None:
    score = score_selection(zeros(6, 2), on=on)  # 2/6: not over 1/3, over 1/4
    assert score.passed is passed and cites in score.applied.source
    assert (score.applied.on, score.applied.basis) == (on, DateBasis.GIVEN)


def test_before_the_first_rules_there_is_no_score() -> None:
    with pytest.raises(RegulationNotFound, match="2014-08-01"):
        score_selection(ballots(80, 80), on=date(2014, 7, 31))


def test_pass_mark_is_70_exactly() -> None:
    assert score_selection(ballots(70, 70, 70), on=NEW).passed
    assert not score_selection(ballots(70, 70, 69), on=NEW).passed
    assert any("dưới 70" in r for r in score_selection(ballots(69, 69, 69), on=NEW).reasons)


def test_reasons_explain_invalid_ballots() -> None:
    score = score_selection(ballots(75, 72, 74, 73, 50), on=NEW)
    assert score.invalid == ("M4",)
    assert score.reasons[0].startswith("Phiếu của M4 (50,00 điểm) lệch quá 1/5")


def test_the_average_is_rounded_half_up_once() -> None:
    score = score_selection({"A": {"x": Decimal("70.125")}, "B": {"x": 70}}, on=NEW)
    assert score.average_exact == Fraction(140125, 2000)
    assert score.average == Decimal("70.06")  # 70.0625 → 70.06
    score = score_selection({"A": {"x": Decimal("70.01")}, "B": {"x": 70}}, on=NEW)
    assert score.average == Decimal("70.01")  # 70.005 → 70.01


def test_a_score_is_hashable_and_read_only() -> None:
    score = score_selection(ballots(80, 82, 78), on=NEW)
    again = score_selection(ballots(80, 82, 78), on=NEW)
    assert score == again and hash(score) == hash(again) and len({score, again}) == 1
    with pytest.raises(TypeError):
        score.totals["M0"] = Fraction(0)  # type: ignore[index]
    assert score.criteria["Năng lực"] == 40


def test_a_province_supplies_its_own_rules() -> None:
    own = CouncilRules(
        source="Quyết định số 15/2025/QĐ-UBND",
        size_min=5,
        size_max=7,
        quorum=Fraction(2, 3),
        quorum_roles=("chair",),
        deviation_limit=Fraction(1, 5),
        pass_mark=60,
    )
    score = score_selection({"A": {"x": 61}, "B": {"x": 62}}, on=date(2026, 1, 1), rules=own)
    assert score.passed and score.applied.source == "Quyết định số 15/2025/QĐ-UBND"
    assert score.applied.status is None


def test_rules_without_scoring_are_refused() -> None:
    with pytest.raises(InvalidValue, match="no scoring rules"):
        score_selection(ballots(80), on=NEW, rules=CouncilRules(source="QĐ 01"))


@pytest.mark.parametrize(
    "bad",
    [{}, {"A": {"x": -1}}, {"A": {"x": True}}, {"A": {}}, {"A": {"x": "tám"}}, {"A": 80}],
)
def test_score_refuses(bad: object) -> None:
    with pytest.raises(InvalidValue):
        score_selection(bad, on=NEW)  # type: ignore[arg-type]


def test_score_needs_its_date() -> None:
    with pytest.raises(TypeError):
        score_selection(ballots(80))  # type: ignore[call-arg]
    with pytest.raises(InvalidValue, match=r"expected a datetime\.date"):
        score_selection(ballots(80), on=None)  # type: ignore[arg-type]


def test_points_as_text() -> None:
    assert score_selection({"A": {"x": "80,5"}}, on=NEW).average == Decimal("80.50")


# -- ranking -----------------------------------------------------------------------------------


def test_ranking_with_bonus_and_tie_breaks() -> None:
    a = SelectionFile("A", ballots(80, 80, 80), budget_request=900_000_000)
    b = SelectionFile("B", ballots(75, 75, 75), budget_request=800_000_000, host_proposed=True)
    c = SelectionFile("C", ballots(80, 80, 80), budget_request=850_000_000)
    d = SelectionFile("D", ballots(65, 65, 65), budget_request=100_000_000)
    ranked = rank_selection([a, b, c, d], on=NEW)
    assert [r.file.name for r in ranked] == ["B", "C", "A", "D"]  # 82,5; the lower budget
    assert ranked[0].adjusted == Fraction(165, 2) and ranked[-1].score.passed is False


def test_no_bonus_below_the_threshold() -> None:
    a = SelectionFile("A", ballots(69, 69), budget_request=1, host_proposed=True)
    assert rank_selection([a], on=NEW)[0].adjusted == 69


def test_ranking_excellent_record_then_content() -> None:
    a = SelectionFile("A", ballots(80, 80, 80), budget_request=500)
    b = SelectionFile("B", ballots(80, 80, 80), budget_request=500, excellent_record=True)
    assert [r.file.name for r in rank_selection([a, b], on=NEW)] == ["B", "A"]
    c = SelectionFile(
        "C", {"M0": {"Nội dung và phương án triển khai": 50, "Năng lực": 30}}, budget_request=500
    )
    e = SelectionFile(
        "E", {"M0": {"Nội dung và phương án triển khai": 40, "Năng lực": 40}}, budget_request=500
    )
    assert [r.file.name for r in rank_selection([e, c], on=NEW)] == ["C", "E"]


def test_tie_breaks_change_on_27_november_2023() -> None:
    a = SelectionFile("A", {"Chủ tịch": {"x": 78}, "U": {"x": 82}}, budget_request=1)
    b = SelectionFile("B", {"Chủ tịch": {"x": 81}, "U": {"x": 79}}, budget_request=2)
    old = rank_selection([a, b], on=date(2023, 11, 26), chair="chủ tịch")
    new = rank_selection([a, b], on=date(2023, 11, 27))
    assert [r.file.name for r in old] == ["B", "A"]  # the chair's score
    assert [r.file.name for r in new] == ["A", "B"]  # the lower budget request
    assert "10/2014" in old[0].score.applied.source and "20/2023" in new[0].score.applied.source


def test_the_older_tie_break_needs_the_chair() -> None:
    a = SelectionFile("A", ballots(80, 80), budget_request=1)
    with pytest.raises(InvalidValue, match="chair's score; give chair="):
        rank_selection([a], on=OLD)
    with pytest.raises(InvalidValue, match="no ballot from the chair"):
        rank_selection([a], on=OLD, chair="Người lạ")


# -- properties ----------------------------------------------------------------------------


@given(st.integers(min_value=3, max_value=9), st.integers(min_value=50, max_value=95))
def test_a_ballot_at_the_limit_is_valid(n: int, mean: int) -> None:
    # n-1 ballots at the mean and one at exactly +20% of the overall mean:
    # x = 1.2 × (S + x) / n  →  x = 1.2·S / (n − 1.2)
    others = Fraction(mean) * (n - 1)
    x = Fraction(6, 5) * others / (n - Fraction(6, 5))
    b: dict[str, dict[str, object]] = {f"M{i}": {"x": mean} for i in range(n - 1)}
    b["X"] = {"x": x}
    assert "X" not in score_selection(b, on=NEW).invalid
    b["X"] = {"x": x + Fraction(1, 1000)}
    assert "X" in score_selection(b, on=NEW).invalid


@given(st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=9), st.data())
def test_the_order_of_ballots_does_not_matter(totals: list[int], data: st.DataObject) -> None:
    b = ballots(*totals)
    shuffled = dict(data.draw(st.permutations(list(b.items()))))
    assert _outcome(b) == _outcome(shuffled)


def _outcome(b: dict[str, dict[str, int]]) -> object:
    try:
        score = score_selection(b, on=NEW)
    except InvalidValue as exc:  # every ballot invalid: the same error either way
        return str(exc)
    return score.average_exact, score.passed, set(score.invalid)


def test_a_file_whose_ballots_are_all_invalid_is_named() -> None:
    bad = SelectionFile("Viện X", ballots(0, 100), budget_request=1)
    with pytest.raises(InvalidValue, match="file 'Viện X': score_selection: every ballot"):
        rank_selection([bad], on=NEW)
