"""Councils of the 2025 law: funding review, final evaluation, the budget appraisal team;
the default shape (U) and the two ministries' named rule sets; a province's own file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vn_skt.councils import (
    RULE_SETS,
    Council,
    CouncilKind,
    Meeting,
    Member,
    QuorumRole,
    Rating,
    Role,
    VerdictMethod,
    check_composition,
    composition_check,
    judge_recommendation,
    quorum,
    rule_set_table,
    rules_for,
)
from vn_skt.errors import InvalidValue, ParseError, RegulationNotFound
from vn_skt.regulations import Status, register_file, unregister

F, E, B = CouncilKind.FUNDING_REVIEW, CouncilKind.FINAL_EVALUATION, CouncilKind.BUDGET_APPRAISAL
BCT, GD = "TT 25/2026/TT-BCT", "TT 44/2026/TT-BGDĐT"
DAY = date(2026, 8, 3)  # inside both ministries' sets

ROLES9 = ["Chủ tịch", "Phó Chủ tịch", "Ủy viên phản biện", "Ủy viên phản biện",
          "Ủy viên thư ký khoa học"] + ["Ủy viên"] * 4  # fmt: skip


def council(kind: CouncilKind, roles: list[str], **extra: object) -> Council:
    members = [Member(name=f"Người {i}", role=r) for i, r in enumerate(roles)]
    return Council(kind=kind, members=tuple(members), meeting_date=DAY, **extra)  # type: ignore[arg-type]


def codes(c: Council, **kw: object) -> list[str]:
    return [v.code.value for v in check_composition(c, **kw)]  # type: ignore[arg-type]


# -- the cut-off ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [F, E, B])
def test_new_kinds_start_on_1_october_2025(kind: CouncilKind) -> None:
    with pytest.raises(RegulationNotFound, match=rf"no rule set for a '{kind.label}'"):
        rules_for(kind, on=date(2025, 9, 30))
    c = council(kind, ROLES9)
    result = composition_check(c, on=date(2025, 10, 1))
    assert result.applied.status is Status.U
    assert "(chưa kiểm chứng" in str(result.applied) or "U" in repr(result.applied.status)


def test_the_default_is_the_ministries_shared_shape() -> None:
    rules = rules_for(F, on=date(2025, 10, 1))
    assert rules.legal_sizes() == (7, 8, 9)
    assert rules.quorum_roles == (QuorumRole.CHAIR, QuorumRole.ONE_REVIEWER)
    assert rules.verdict is VerdictMethod.RECOMMEND
    assert rules_for(B, on=date(2025, 10, 1)).legal_sizes() == (5,)


def test_legacy_kinds_keep_their_circulars_and_non_state_budget_ends() -> None:
    assert "20/2023" in rules_for(CouncilKind.SELECTION, on=date(2025, 10, 1)).source
    with pytest.raises(RegulationNotFound):
        rules_for(CouncilKind.NON_STATE_BUDGET, on=date(2025, 10, 1))


# -- composition failures, each kind ----------------------------------------------------


@pytest.mark.parametrize("kind", [F, E])
def test_council_kinds_composition(kind: CouncilKind) -> None:
    assert codes(council(kind, ROLES9)) == []
    assert codes(council(kind, ROLES9[:6])) == ["SIZE"]
    assert codes(council(kind, [*ROLES9, "Ủy viên", "Ủy viên"])) == ["SIZE"]
    no_vice = ["Chủ tịch", "Ủy viên phản biện", "Ủy viên phản biện",
               "Ủy viên thư ký khoa học"] + ["Ủy viên"] * 4  # fmt: skip
    assert codes(council(kind, no_vice)) == ["VICE_CHAIR_MISSING"]
    three = [*ROLES9[:5], "Ủy viên phản biện", "Ủy viên", "Ủy viên"]
    assert codes(council(kind, three)) == ["REVIEWERS_DUPLICATE"]
    no_secretary = [r for r in ROLES9 if r != "Ủy viên thư ký khoa học"]
    assert codes(council(kind, no_secretary)) == ["SECRETARY_MISSING"]


def test_the_2025_circulars_words_for_roles() -> None:
    assert Member(name="A", role="Chuyên gia phản biện").role is Role.REVIEWER
    assert Member(name="A", role="thư ký khoa học").role is Role.SECRETARY
    assert Member(name="A", role="Tổ trưởng").role is Role.LEADER


def test_unknown_role_is_refused_naming_it() -> None:
    with pytest.raises(ValueError, match="Chuyên gia tư vấn"):
        Member(name="A", role="Chuyên gia tư vấn")


TEAM = ["Tổ trưởng", "Ủy viên", "Ủy viên", "Ủy viên", "Ủy viên"]


def test_budget_team_of_five_with_a_leader_and_a_link_to_the_council() -> None:
    served = council(F, ROLES9)
    linked = council(B, TEAM, serves=served)  # "Người 1".."Người 4" are on both
    assert codes(linked) == []
    stranger_names = [Member(name=f"Khác {i}", role=r) for i, r in enumerate(TEAM)]
    strangers = linked.model_copy(update={"members": tuple(stranger_names)})
    assert codes(strangers) == ["COUNCIL_LINK_MISSING"]
    assert codes(linked.model_copy(update={"serves": None})) == ["COUNCIL_LINK_UNKNOWN"]
    assert codes(council(B, TEAM[:4], serves=served)) == ["SIZE"]
    assert codes(council(B, ["Ủy viên"] * 5, serves=served)) == ["LEADER_MISSING"]
    chair = council(B, ["Chủ tịch", *TEAM[1:]], serves=served)
    assert codes(chair) == ["CHAIR_DUPLICATE", "LEADER_MISSING"]
    two = council(B, ["Tổ trưởng", "Tổ trưởng", "Ủy viên", "Ủy viên", "Ủy viên"], serves=served)
    assert codes(two) == ["LEADER_DUPLICATE"]


def test_budget_team_link_counts_only_chair_vice_chair_and_reviewers() -> None:
    served = council(F, ROLES9)
    # "Người 4" is the served council's secretary: not enough
    team = Council(
        kind=B,
        members=(
            Member(name="Khác 0", role="Tổ trưởng"),
            Member(name="Người 4", role="Ủy viên"),
            *(Member(name=f"Khác {i}", role="Ủy viên") for i in range(1, 4)),
        ),
        meeting_date=DAY,
        serves=served,
    )
    assert codes(team) == ["COUNCIL_LINK_MISSING"]


# -- quorum failures, default and each ministry ----------------------------------------


def present(*indexes: int) -> list[str]:
    return [f"Người {i}" for i in indexes]


@pytest.mark.parametrize("kind", [F, E])
def test_default_quorum_needs_chair_or_vice_chair_and_one_reviewer(kind: CouncilKind) -> None:
    c = council(kind, ROLES9)
    assert quorum(c, present(1, 2, 5, 6, 7, 8)).met  # vice-chair, one reviewer, 6/9
    no_head = quorum(c, present(2, 3, 4, 5, 6, 7))
    assert no_head.reasons == ("Vắng Chủ tịch và không có Phó Chủ tịch được ủy quyền",)
    no_reviewer = quorum(c, present(0, 1, 4, 5, 6, 7))
    assert no_reviewer.reasons == ("Vắng tất cả ủy viên phản biện (cần ít nhất 1)",)
    few = quorum(c, present(0, 2, 3, 4, 5))
    assert few.reasons == ("Có mặt 05/09 thành viên, cần ít nhất 06 (2/3)",)


def test_bct_quorum_needs_both_reviewers_and_the_secretary() -> None:
    c = council(F, ROLES9, rule_set=BCT)
    assert quorum(c, present(0, 2, 3, 4, 5, 6)).met
    result = quorum(c, present(1, 2, 5, 6, 7, 8))
    assert result.reasons == ("Có mặt 1/2 ủy viên phản biện", "Vắng Ủy viên thư ký khoa học")
    assert result.applied.rule_set == BCT and "25/2026/TT-BCT" in result.applied.source
    assert result.applied.status is Status.V


def test_education_quorum_needs_one_reviewer_and_allows_eleven() -> None:
    eleven = council(F, [*ROLES9, "Ủy viên", "Ủy viên"], rule_set=GD)
    assert codes(eleven) == []
    assert codes(council(F, [*ROLES9, "Ủy viên"], rule_set=GD)) == ["SIZE"]  # 10
    assert quorum(eleven, present(0, 2, 5, 6, 7, 8, 9, 10)).met  # 8/11 ≥ 2/3
    assert not quorum(eleven, present(0, 5, 6, 7, 8, 9, 10, 1)).met  # no reviewer


# -- named rule sets: dates, names, errors ---------------------------------------------


@pytest.mark.parametrize(("name", "first"), [(BCT, date(2026, 5, 14)), (GD, date(2026, 7, 25))])
def test_rule_sets_start_on_their_circulars_day(name: str, first: date) -> None:
    with pytest.raises(RegulationNotFound, match=first.isoformat()):
        rules_for(F, on=date.fromordinal(first.toordinal() - 1), rule_set=name)
    assert rules_for(F, on=first, rule_set=name).source.startswith("Thông tư")


@pytest.mark.parametrize("name", ["TT 25/2026/TT-BCT", "Thông tư 25/2026/TT-BCT", "25/2026/tt-bct"])
def test_rule_set_names_are_forgiving(name: str) -> None:
    assert rule_set_table(name) == RULE_SETS[BCT]


def test_unknown_rule_set_and_wrong_table_are_refused() -> None:
    with pytest.raises(InvalidValue, match=r"rule_set='TT 99/2026/TT-BYT' is not known.*TT 25"):
        rules_for(F, on=DAY, rule_set="TT 99/2026/TT-BYT")
    with pytest.raises(InvalidValue, match="not CouncilRules"):
        rules_for(F, on=DAY, rule_set="base_salary")
    with pytest.raises(InvalidValue, match="rule_set=5"):
        rule_set_table(5)  # type: ignore[arg-type]


def test_bct_names_no_pass_rule() -> None:
    with pytest.raises(InvalidValue, match="not by a recommendation vote"):
        judge_recommendation([True] * 7, on=DAY, rule_set=BCT)


# -- verdicts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yes", "no", "rating"),
    [(6, 3, Rating.PASSED), (4, 2, Rating.PASSED), (5, 3, Rating.FAILED), (0, 7, Rating.FAILED)],
)
def test_recommendation_needs_two_thirds_present(yes: int, no: int, rating: Rating) -> None:
    votes = ["đề nghị thực hiện"] * yes + ["không đề nghị thực hiện"] * no
    assert judge_recommendation(votes, on=DAY).rating is rating
    assert judge_recommendation(votes, on=DAY, rule_set=GD).rating is rating


def test_recommendation_refuses_bad_votes_and_other_methods() -> None:
    with pytest.raises(ParseError, match="'có lẽ'"):
        judge_recommendation(["có lẽ"], on=DAY)
    with pytest.raises(InvalidValue, match="not by a recommendation vote"):
        judge_recommendation([True], on=DAY, kind=E)


def test_a_meeting_follows_its_councils_rule_set() -> None:
    c = council(F, ROLES9, rule_set=GD)
    votes = {f"Người {i}": Rating.PASSED for i in range(6)}
    meeting = Meeting(council=c, present=tuple(present(*range(7))), votes=votes,
                      minutes_date=DAY)  # fmt: skip
    verdict = meeting.judgement()
    assert verdict.rating is Rating.PASSED and verdict.applied.rule_set == GD
    assert meeting.quorum().met
    final = council(E, ROLES9)
    shares = Meeting(council=final, present=tuple(present(*range(9))),
                     votes={f"Người {i}": Rating.EXCELLENT for i in range(9)})  # fmt: skip
    assert shares.verdict() is Rating.EXCELLENT


# -- a province's own rule set ----------------------------------------------------------

PROVINCE = """
name = "council_rules_tinh_mau"
description = "Quy định quản lý nhiệm vụ KH&CN cấp tỉnh (thử)"
row_type = "vn_skt.regulations.council_rules:CouncilRules"

[[versions]]
effective_from = 2026-01-01
source = "Quyết định 12/2026/QĐ-UBND"
status = "V"

[versions.rows.FUNDING_REVIEW]
source = "Quyết định 12/2026/QĐ-UBND Điều 9"
size_min = 5
size_max = 7
vice_chairs_min = 0
vice_chairs_max = 1
reviewers = 2
secretaries = 1
quorum = "3/4"
quorum_roles = ["chair", "reviewers"]
verdict = "recommend"
agree_share = "3/4"

[versions.rows.FINAL_EVALUATION]
source = "Quyết định 12/2026/QĐ-UBND Điều 20"
supplied = false
"""


def test_a_province_loads_its_own_rule_set_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "tinh.toml"
    path.write_text(PROVINCE, encoding="utf-8")
    register_file(path)
    try:
        name = "council_rules_tinh_mau"
        five = council(F, ["Chủ tịch", "Ủy viên phản biện", "Ủy viên phản biện",
                           "Ủy viên thư ký khoa học", "Ủy viên"], rule_set=name)  # fmt: skip
        assert codes(five) == []
        assert codes(five.model_copy(update={"rule_set": None})) == ["SIZE", "VICE_CHAIR_MISSING"]
        assert not quorum(five, present(0, 1, 3)).met  # 3/5 < 3/4
        votes = [True, True, False]
        assert judge_recommendation(votes, on=DAY, rule_set=name).rating is Rating.FAILED
        with pytest.raises(RegulationNotFound, match=r"not known to vn-skt.*council_rules_tinh"):
            rules_for(E, on=DAY, rule_set=name)
    finally:
        unregister("council_rules_tinh_mau")


def test_budget_team_has_no_quorum_rule_and_says_whose_rules_it_used() -> None:
    team = council(B, TEAM, serves=council(F, ROLES9))
    result = quorum(team, present(0))
    assert result.met and result.required == 0  # no quorum rule was found: none applied
    assert "Tổ thẩm định kinh phí" in result.applied.source
