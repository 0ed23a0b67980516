"""Composition and quorum, under the rules of the council's own date."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

from vn_skt.councils import (
    Council,
    CouncilRules,
    DateBasis,
    Member,
    Role,
    check_composition,
    composition_check,
    governing_date,
    quorum,
    quorum_met,
)
from vn_skt.errors import InvalidValue
from vn_skt.tasks import Task

ROLES = [Role.CHAIR, Role.VICE_CHAIR, Role.REVIEWER, Role.REVIEWER, Role.SECRETARY]


def council(kind: str = "Đánh giá nghiệm thu", size: int = 9, **changes: Any) -> Council:
    people = [
        Member(
            name=f"Thành viên {i + 1}",
            role=ROLES[i] if i < 5 else Role.MEMBER,
            organization="Viện A",
        )
        for i in range(size)
    ]
    changes.setdefault("meeting_date", date(2024, 6, 1))
    return Council(kind=kind, members=people, **changes)


def task(**changes: Any) -> Task:
    fields: dict[str, Any] = {
        "code": "NV.01",
        "title": "T",
        "type": "Đề tài",
        "level": "Cấp tỉnh",
        "field": "Khoa học nông nghiệp",
        "principal_investigator": "TS. Lê Văn Cường",
        "host_organization": "Viện Cây ăn quả",
        "start": date(2024, 1, 1),
        "end": date(2025, 12, 31),
    }
    return Task(**(fields | changes))


NINE = council()
NAMES = [m.name for m in NINE.members]


# -- the governing date ------------------------------------------------------------------


def test_the_governing_date_and_its_basis() -> None:
    assert governing_date(NINE).basis is DateBasis.MEETING
    given = governing_date(NINE, on=date(2020, 1, 1))
    assert (given.on, given.basis) == (date(2020, 1, 1), DateBasis.GIVEN)
    with_task = governing_date(council(task=task()))  # no approval decision: its start
    assert (with_task.on, with_task.basis) == (date(2024, 1, 1), DateBasis.TASK_START)
    assert "không có ngày quyết định phê duyệt" in str(with_task)


def test_an_undated_council_is_refused() -> None:
    undated = council(meeting_date=None)
    for call in (
        lambda: check_composition(undated),
        lambda: quorum_met(undated, NAMES),
        lambda: quorum(undated, NAMES, rules=None),
    ):
        with pytest.raises(InvalidValue, match=r"has no date.*as of the latest"):
            call()
    assert check_composition(undated, on=date(2024, 6, 1)) == []


@pytest.mark.parametrize("on", ["2024-06-01", 2024])
def test_a_date_that_is_not_a_date_is_refused(on: object) -> None:
    with pytest.raises(InvalidValue, match=r"expected a datetime\.date"):
        check_composition(NINE, on=on)  # type: ignore[arg-type]


def test_the_result_says_which_rule_applied() -> None:
    result = composition_check(NINE)
    assert result.ok and bool(result)
    assert result.applied.source == "Thông tư 11/2014/TT-BKHCN (đánh giá, nghiệm thu)"
    assert (result.applied.on, result.applied.basis) == (date(2024, 6, 1), DateBasis.MEETING)
    assert str(result.applied).endswith("theo ngày họp hội đồng 01/06/2024")


# -- composition ---------------------------------------------------------------------------


def test_a_correct_acceptance_council() -> None:
    assert check_composition(NINE) == []


def test_an_acceptance_council_needs_its_vice_chair() -> None:
    members = [
        m if m.role is not Role.VICE_CHAIR else m.model_copy(update={"role": Role.MEMBER})
        for m in NINE.members
    ]
    violations = check_composition(NINE.model_copy(update={"members": tuple(members)}))
    assert [v.code for v in violations] == ["VICE_CHAIR_MISSING"]
    assert violations[0].message == "Thiếu Phó Chủ tịch: có 0, cần 1"


def test_every_problem_at_once() -> None:
    members = [
        Member(name="A", role="Chủ tịch"),
        Member(name="B", role="Chủ tịch"),
        Member(name="C", role="Ủy viên phản biện"),
        Member(name="a", role="Ủy viên"),
    ]
    c = Council(kind="Đánh giá nghiệm thu", members=members)
    codes = [v.code for v in check_composition(c, on=date(2024, 6, 1))]
    assert codes == [
        "SIZE",
        "CHAIR_DUPLICATE",
        "VICE_CHAIR_MISSING",
        "REVIEWERS_MISSING",
        "SECRETARY_MISSING",
        "DUPLICATE_MEMBER",
    ]


def test_two_vice_chairs_are_too_many() -> None:
    members = list(NINE.members)
    members[5] = members[5].model_copy(update={"role": Role.VICE_CHAIR})
    violations = check_composition(NINE.model_copy(update={"members": tuple(members)}))
    assert [(v.code, v.message) for v in violations] == [
        ("VICE_CHAIR_DUPLICATE", "Thừa Phó Chủ tịch: có 2, chỉ được 1")
    ]


def test_conflicts_of_interest() -> None:
    members = list(NINE.members)
    members[5] = Member(name="TS. LÊ VĂN CƯỜNG", role="Ủy viên")
    members[6] = Member(name="Phạm Thu", role="Ủy viên", organization="Viện cây ăn quả")
    c = Council(kind="Đánh giá nghiệm thu", members=members, task=task())
    violations = check_composition(c)
    assert [v.code for v in violations] == [
        "CONFLICT_PRINCIPAL_INVESTIGATOR",
        "CONFLICT_ORGANIZATION",
    ]
    assert "chủ nhiệm nhiệm vụ" in violations[0].message


def test_a_province_may_allow_one_member_of_the_host() -> None:
    members = list(NINE.members)
    members[6] = Member(name="Phạm Thu", role="Ủy viên", organization="Viện cây ăn quả")
    c = Council(kind="Đánh giá nghiệm thu", members=members, task=task())
    assert [v.code for v in check_composition(c)] == ["CONFLICT_ORGANIZATION"]
    shipped = composition_check(c).applied.rules
    own = CouncilRules(**{**_fields(shipped), "source": "QĐ 15/QĐ-UBND", "max_host_members": 1})
    assert check_composition(c, rules=own) == []


def _fields(rules: CouncilRules) -> dict[str, Any]:
    import attrs

    return attrs.asdict(rules, recurse=False)


def test_selection_conflicts_from_the_file() -> None:
    c = council(
        "Tuyển chọn, giao trực tiếp",
        size=8,
        applicants=("Thành viên 7",),
        applying_organizations=("Viện A",),
    )
    codes = [v.code for v in check_composition(c)]
    assert "CONFLICT_APPLICANT" in codes and "CONFLICT_ORGANIZATION" in codes


@pytest.mark.parametrize(("size", "ok"), [(6, False), (7, True), (8, True), (9, True), (10, False)])
def test_selection_sizes(size: int, ok: bool) -> None:
    c = council("Tuyển chọn, giao trực tiếp", size=size)
    assert (check_composition(c) == []) is ok


def test_non_state_budget_sizes() -> None:
    rules = composition_check(
        council("Đánh giá nhiệm vụ không sử dụng ngân sách nhà nước", size=5)
    ).applied.rules
    assert [rules.size_ok(n) for n in (4, 5, 6, 7, 9)] == [False, True, False, True, False]
    assert rules.legal_sizes() == (5, 7)


def test_permutations_of_members_do_not_change_checks() -> None:
    for perm in itertools.islice(itertools.permutations(NINE.members), 20):
        assert check_composition(NINE.model_copy(update={"members": perm})) == []


# -- quorum --------------------------------------------------------------------------------


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


def test_quorum_says_why_and_under_which_rules() -> None:
    result = quorum(NINE, NAMES[2:6])
    assert not result and result.required == 6
    assert result.reasons == (
        "Có mặt 04/09 thành viên, cần ít nhất 06 (2/3)",
        "Vắng Chủ tịch và không có Phó Chủ tịch được ủy quyền",
    )
    assert "11/2014" in result.applied.source


def test_selection_quorum_does_not_need_the_secretary() -> None:
    seven = council("Tuyển chọn, giao trực tiếp", size=7)
    names = [m.name for m in seven.members]
    assert quorum_met(seven, names[:4] + names[5:6])  # 5/7 >= 2/3, secretary absent


def test_one_reviewer_is_enough_when_the_rules_say_so() -> None:
    own = CouncilRules(source="Bộ X", quorum=None, quorum_roles=("chair", "one_reviewer"))
    assert quorum_met(NINE, NAMES[:3], rules=own)
    result = quorum(NINE, [NAMES[0], NAMES[5]], rules=own)
    assert result.reasons == ("Vắng tất cả ủy viên phản biện (cần ít nhất 1)",)
    assert result.applied.supplied_by_caller and "do người dùng cung cấp" in str(result.applied)


def test_present_as_one_string_is_refused() -> None:
    with pytest.raises(InvalidValue, match="one string"):
        quorum(NINE, "Thành viên 1")


def test_a_task_council_follows_its_approval_decision() -> None:
    from vn_skt.documents import DocumentRef

    decision = DocumentRef("Quyết định", 12, code="QĐ-UBND", issued_on=date(2023, 11, 20))
    c = council("Tuyển chọn, giao trực tiếp", size=7, task=task(approved_by=decision))
    when = governing_date(c)  # approval beats the meeting date (2024-06-01)
    assert (when.on, when.basis) == (date(2023, 11, 20), DateBasis.APPROVAL)
    assert "10/2014" in composition_check(c).applied.source
    undated = decision.__class__("Quyết định", 12, code="QĐ-UBND")
    c = council("Tuyển chọn, giao trực tiếp", size=7, task=task(approved_by=undated))
    assert governing_date(c).basis is DateBasis.TASK_START
