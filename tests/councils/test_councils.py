from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.councils import (
    Council,
    CouncilKind,
    CouncilRules,
    Meeting,
    Member,
    Rating,
    Role,
    SelectionFile,
    acceptance_verdict,
    check_composition,
    name_sort_key,
    quorum,
    quorum_met,
    rank_selection,
    rules_for,
    score_selection,
    session_fees,
)
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.tasks import Task
from vn_skt.testing.strategies import councils, members

R = Rating
E, P, F = R.EXCELLENT, R.PASSED, R.FAILED


def council(kind: str = "Đánh giá nghiệm thu", n_members: int = 5, **changes: Any) -> Council:
    roles = [Role.CHAIR, Role.VICE_CHAIR, Role.REVIEWER, Role.REVIEWER, Role.SECRETARY]
    people = [
        Member(
            name=f"Thành viên {i + 1}",
            role=roles[i] if i < 5 else Role.MEMBER,
            organization="Viện A",
        )
        for i in range(4 + n_members)
    ]
    return Council(kind=kind, members=people, **changes)


NINE = council(n_members=5)  # 9 members: chair, vice-chair, 2 reviewers, secretary, 4 others


# -- rules as data ------------------------------------------------------------------------


def test_rule_sets_cite_their_circulars() -> None:
    assert "20/2023" in rules_for(CouncilKind.SELECTION, date(2024, 1, 1)).source
    assert "10/2014" in rules_for(CouncilKind.SELECTION, date(2023, 11, 26)).source
    assert "11/2014" in rules_for(CouncilKind.ACCEPTANCE).source  # the latest known
    assert "02/2015" in rules_for(CouncilKind.NON_STATE_BUDGET, date(2024, 1, 1)).source
    with pytest.raises(RegulationNotFound, match=r"must|supply"):
        rules_for(CouncilKind.FUNDING_REVIEW, date(2025, 12, 1))
    with pytest.raises(RegulationNotFound):
        rules_for(CouncilKind.NON_STATE_BUDGET, date(2025, 12, 1))  # abolished in 2025


def test_a_province_supplies_its_own_rules() -> None:
    own = CouncilRules(
        kind=CouncilKind.FUNDING_REVIEW,
        source="Quyết định số 15/2025/QĐ-UBND",
        size_min=5,
        size_max=7,
        quorum=Fraction(2, 3),
        quorum_roles=("chair",),
        deviation_limit=Fraction(1, 5),
        pass_mark=60,
    )
    assert score_selection({"A": {"x": 61}, "B": {"x": 62}}, own).passed


# -- composition ---------------------------------------------------------------------------


def test_a_correct_acceptance_council() -> None:
    assert check_composition(NINE) == []


def test_every_problem_at_once() -> None:
    members = [
        Member(name="A", role="Chủ tịch"),
        Member(name="B", role="Chủ tịch"),
        Member(name="C", role="Ủy viên phản biện"),
        Member(name="a", role="Ủy viên"),
    ]
    codes = [
        v.code for v in check_composition(Council(kind="Đánh giá nghiệm thu", members=members))
    ]
    assert codes == [
        "SIZE",
        "CHAIR_DUPLICATE",
        "REVIEWERS_MISSING",
        "SECRETARY_MISSING",
        "DUPLICATE_MEMBER",
    ]


def test_conflicts_of_interest() -> None:
    task = Task(
        code="NV.01",
        title="T",
        type="Đề tài",
        level="Cấp tỉnh",
        field="Khoa học nông nghiệp",
        principal_investigator="TS. Lê Văn Cường",
        host_organization="Viện Cây ăn quả",
        start=date(2024, 1, 1),
        end=date(2025, 12, 31),
    )
    members = list(NINE.members)
    members[5] = Member(name="TS. LÊ VĂN CƯỜNG", role="Ủy viên")
    members[6] = Member(name="Phạm Thu", role="Ủy viên", organization="Viện cây ăn quả")
    violations = check_composition(Council(kind="Đánh giá nghiệm thu", members=members, task=task))
    assert [v.code for v in violations] == [
        "CONFLICT_PRINCIPAL_INVESTIGATOR",
        "CONFLICT_ORGANIZATION",
    ]
    assert "chủ nhiệm nhiệm vụ" in violations[0].message


def test_selection_conflicts_from_the_file() -> None:
    c = council(
        "Tuyển chọn, giao trực tiếp",
        n_members=4,
        applicants=("Thành viên 7",),
        applying_organizations=("Viện A",),
        meeting_date=date(2024, 6, 1),
    )
    codes = [v.code for v in check_composition(c)]
    assert "CONFLICT_APPLICANT" in codes and "CONFLICT_ORGANIZATION" in codes


def test_non_state_budget_sizes() -> None:
    rules = rules_for(CouncilKind.NON_STATE_BUDGET, date(2024, 1, 1))
    assert [rules.size_ok(n) for n in (4, 5, 6, 7, 9)] == [False, True, False, True, False]


# -- quorum --------------------------------------------------------------------------------

NAMES = [m.name for m in NINE.members]


@pytest.mark.parametrize(
    ("present", "met"),
    [
        (NAMES[:6], True),  # 6/9 = 2/3 exactly, with chair, reviewers, secretary
        (NAMES[:5], False),  # 5/9 < 2/3
        (NAMES[1:7], True),  # chair absent, vice-chair present
        ([NAMES[0], *NAMES[2:7]], True),
        (NAMES[:3] + NAMES[4:8], False),  # one reviewer absent
        (NAMES[:4] + NAMES[5:9], False),  # secretary absent (acceptance needs the secretary)
        ([n.upper() for n in NAMES[:6]], True),  # names folded
        ([*NAMES[:5], "Người lạ"], False),  # strangers count for nothing
    ],
)
def test_quorum(present: list[str], met: bool) -> None:
    assert quorum_met(NINE, present) is met


def test_quorum_says_why() -> None:
    result = quorum(NINE, NAMES[2:6])
    assert not result and result.required == 6
    assert result.reasons == (
        "Có mặt 04/09 thành viên, cần ít nhất 06 (2/3)",
        "Vắng Chủ tịch và không có Phó Chủ tịch được ủy quyền",
    )


def test_selection_quorum_does_not_need_the_secretary() -> None:
    seven = council("Tuyển chọn, giao trực tiếp", n_members=3, meeting_date=date(2024, 6, 1))
    names = [m.name for m in seven.members]
    assert quorum_met(seven, names[:4] + names[5:6])  # 5/7 >= 2/3, secretary absent


# -- selection scoring ----------------------------------------------------------------------


def ballots(*totals: int) -> dict[str, dict[str, int]]:
    return {
        f"M{i}": {"Nội dung và phương án triển khai": t // 2, "Năng lực": t - t // 2}
        for i, t in enumerate(totals)
    }


def test_a_ballot_exactly_at_the_limit_stays_valid() -> None:
    # mean 80; 20% of 80 = 16: 96 is exactly at the limit, 64 too
    score = score_selection(ballots(96, 64, 80, 80, 80))
    assert score.invalid == [] and score.average == Decimal("80.00")
    score = score_selection(ballots(97, 64, 80, 79, 80))  # mean 80: 97 is 17 away
    assert score.invalid == ["M0"]


@pytest.mark.parametrize(
    ("present", "zeros", "passed"),
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
def test_zero_rule_at_one_quarter(present: int, zeros: int, passed: bool) -> None:
    b = {
        f"M{i}": {"Nội dung": 40, "Năng lực": 38, "Sản phẩm": 0 if i < zeros else 1}
        for i in range(present)
    }
    assert score_selection(b).passed is passed


@pytest.mark.parametrize(
    ("present", "zeros", "passed"), [(6, 2, True), (6, 3, False), (9, 3, True), (9, 4, False)]
)
def test_older_zero_rule_at_one_third(present: int, zeros: int, passed: bool) -> None:
    old = rules_for(CouncilKind.SELECTION, date(2020, 1, 1))
    b = {
        f"M{i}": {"Nội dung": 40, "Năng lực": 38, "Sản phẩm": 0 if i < zeros else 1}
        for i in range(present)
    }
    assert score_selection(b, old).passed is passed


def test_pass_mark_is_70_exactly() -> None:
    assert score_selection(ballots(70, 70, 70)).passed
    assert not score_selection(ballots(70, 70, 69)).passed
    assert any("dưới 70" in r for r in score_selection(ballots(69, 69, 69)).reasons)


def test_reasons_explain_invalid_ballots() -> None:
    score = score_selection(ballots(75, 72, 74, 73, 50))
    assert score.invalid == ["M4"]
    assert score.reasons[0].startswith("Phiếu của M4 (50,00 điểm) lệch quá 1/5")


def test_ranking_with_bonus_and_tie_breaks() -> None:
    a = SelectionFile("A", ballots(80, 80, 80), budget_request=900_000_000)
    b = SelectionFile("B", ballots(75, 75, 75), budget_request=800_000_000, host_proposed=True)
    c = SelectionFile("C", ballots(80, 80, 80), budget_request=850_000_000)
    d = SelectionFile("D", ballots(65, 65, 65), budget_request=100_000_000)
    ranked = [f.name for f, _, _ in rank_selection([a, b, c, d])]
    assert ranked == ["B", "C", "A", "D"]  # 82,5 (75 × 1,1); then the lower budget; D fails


def test_ranking_excellent_record_then_content() -> None:
    a = SelectionFile("A", ballots(80, 80, 80), budget_request=500)
    b = SelectionFile("B", ballots(80, 80, 80), budget_request=500, excellent_record=True)
    assert [f.name for f, _, _ in rank_selection([a, b])] == ["B", "A"]
    c = SelectionFile(
        "C", {"M0": {"Nội dung và phương án triển khai": 50, "Năng lực": 30}}, budget_request=500
    )
    e = SelectionFile(
        "E", {"M0": {"Nội dung và phương án triển khai": 40, "Năng lực": 40}}, budget_request=500
    )
    assert [f.name for f, _, _ in rank_selection([e, c])] == ["C", "E"]


def test_older_tie_break_is_the_chairs_score() -> None:
    old = rules_for(CouncilKind.SELECTION, date(2020, 1, 1))
    a = SelectionFile("A", {"Chủ tịch": {"x": 78}, "U": {"x": 82}}, budget_request=1)
    b = SelectionFile("B", {"Chủ tịch": {"x": 81}, "U": {"x": 79}}, budget_request=2)
    assert [f.name for f, _, _ in rank_selection([a, b], old, chair="Chủ tịch")] == ["B", "A"]


def test_score_refuses() -> None:
    with pytest.raises(InvalidValue):
        score_selection({})
    with pytest.raises(InvalidValue):
        score_selection({"A": {"x": -1}})
    with pytest.raises(InvalidValue):
        score_selection({"A": {"x": True}})


# -- acceptance verdicts ---------------------------------------------------------------------


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
    assert acceptance_verdict(votes) is verdict


def test_votes_from_labels_and_late_files() -> None:
    assert acceptance_verdict({"A": "xuất sắc", "B": "Xuất sắc", "C": "XUẤT SẮC"}) is E
    assert acceptance_verdict([E] * 9, months_late=6) is E
    assert acceptance_verdict([E] * 9, months_late=7) is F


def test_points_variant() -> None:
    ministry = CouncilRules(
        kind=CouncilKind.ACCEPTANCE,
        source="Quy định của Bộ X",
        verdict="points",
        excellent_points=85,
        pass_points=50,
    )
    assert acceptance_verdict([85, 85], ministry) is E
    assert acceptance_verdict([84, 85], ministry) is P
    assert acceptance_verdict([50, 49], ministry) is F


def test_meeting() -> None:
    meeting = Meeting(
        council=NINE, present=tuple(NAMES[:7]), votes=dict.fromkeys(NAMES[:7], E) | {NAMES[8]: F}
    )
    assert meeting.quorum().met and meeting.verdict() is E  # the absent member's vote is ignored


# -- fees ------------------------------------------------------------------------------------


def test_session_fees() -> None:
    fees = session_fees(NINE, on=date(2025, 6, 1))
    assert fees["Thành viên 1"] == 1_800_000  # chair
    assert fees["Thành viên 3"] == 2_500_000  # reviewer: member + written review
    assert sum(fees.values()) == 1_800_000 + 8 * 1_500_000 + 2 * 1_000_000
    assert len(session_fees(NINE, on=date(2025, 6, 1), present=NAMES[:6])) == 6
    with pytest.raises(RegulationNotFound):
        session_fees(NINE, on=date(2022, 1, 1))


# -- names --------------------------------------------------------------------------------------


def test_vietnamese_name_order() -> None:
    names = [
        "Nguyễn Văn Đông",
        "Trần Thị Dung",
        "Lê Văn Ơn",
        "Phạm Ôn",
        "Hoàng On",
        "Vũ Thị Ba",
        "Đỗ Bà",
        "Ngô Bá",
        "Lý Bạ",
        "Mai Bả",
        "Hồ Bã",
    ]
    assert sorted(names, key=name_sort_key) == [
        "Vũ Thị Ba",
        "Đỗ Bà",
        "Mai Bả",
        "Hồ Bã",
        "Ngô Bá",
        "Lý Bạ",
        "Trần Thị Dung",
        "Nguyễn Văn Đông",
        "Hoàng On",
        "Phạm Ôn",
        "Lê Văn Ơn",
    ]


def test_same_given_name_sorts_by_family_name() -> None:
    assert sorted(["Trần An", "Nguyễn An", "Bùi An"], key=name_sort_key) == [
        "Bùi An",
        "Nguyễn An",
        "Trần An",
    ]


# -- properties -------------------------------------------------------------------------------

VOTES = st.lists(st.sampled_from([E, P, F]), min_size=1, max_size=12)
ORDER = {F: 0, P: 1, E: 2}


@given(VOTES)
def test_adding_an_excellent_vote_never_worsens(votes: list[Rating]) -> None:
    assert ORDER[acceptance_verdict([*votes, E])] >= ORDER[acceptance_verdict(votes)]


@given(VOTES, st.randoms())
def test_verdict_depends_on_counts_not_order(votes: list[Rating], rnd: Any) -> None:
    shuffled = list(votes)
    rnd.shuffle(shuffled)
    assert acceptance_verdict(shuffled) is acceptance_verdict(votes)


@given(st.integers(min_value=3, max_value=9), st.integers(min_value=50, max_value=95), st.data())
def test_a_ballot_at_the_limit_is_valid(n: int, mean: int, data: st.DataObject) -> None:
    # n-1 ballots at the mean m' and one at exactly +20% of the overall mean
    others = [Fraction(mean)] * (n - 1)
    # solve x = 1.2 × (sum(others) + x) / n  →  x = 1.2·S / (n − 1.2)
    total_others = sum(others)
    x = Fraction(6, 5) * total_others / (n - Fraction(6, 5))
    b = {
        f"M{i}": {"x": Decimal(v.numerator) / Decimal(v.denominator)} for i, v in enumerate(others)
    }
    b["X"] = {"x": x}  # type: ignore[dict-item]
    assert "X" not in score_selection(b).invalid  # type: ignore[arg-type]


@given(members())
def test_member_strategy(m: Member) -> None:
    assert Member.model_validate_json(m.model_dump_json()) == m


@given(councils())
def test_generated_councils_are_well_formed(c: Council) -> None:
    assert check_composition(c) == []
    printed = c.sorted_members()
    assert sorted(printed, key=lambda m: m.name) == sorted(c.members, key=lambda m: m.name)
    keys = [name_sort_key(m.name) for m in printed]
    assert keys == sorted(keys)


def test_from_labels_in_json() -> None:
    c = Council.model_validate(
        {"kind": "Đánh giá nghiệm thu", "members": [{"name": "A", "role": "Chủ tịch"}]}
    )
    assert c.kind is CouncilKind.ACCEPTANCE
    assert '"kind":"ACCEPTANCE"' in c.model_dump_json()
    with pytest.raises(pydantic.ValidationError):
        Council.model_validate({"kind": "Hội đồng lạ", "members": []})


def test_permutations_of_members_do_not_change_checks() -> None:
    for perm in itertools.islice(itertools.permutations(NINE.members), 20):
        assert check_composition(Council(kind=NINE.kind, members=perm)) == []
