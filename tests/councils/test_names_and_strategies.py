"""Vietnamese name order; the public council strategies."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vn_skt.councils import (
    Council,
    CouncilKind,
    CouncilRules,
    Member,
    Role,
    check_composition,
    name_sort_key,
    quorum_met,
    rules_for,
)
from vn_skt.errors import InvalidValue
from vn_skt.testing.strategies import COUNCIL_DATES, councils, members


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


def test_from_labels_in_json() -> None:
    c = Council.model_validate(
        {"kind": "Đánh giá nghiệm thu", "members": [{"name": "A", "role": "Chủ tịch"}]}
    )
    assert c.kind is CouncilKind.ACCEPTANCE
    assert '"kind":"ACCEPTANCE"' in c.model_dump_json()
    with pytest.raises(pydantic.ValidationError):
        Council.model_validate({"kind": "Hội đồng lạ", "members": []})


@given(members())
def test_member_strategy(m: Member) -> None:
    assert Member.model_validate_json(m.model_dump_json()) == m


NEW_KINDS = [CouncilKind.FUNDING_REVIEW, CouncilKind.FINAL_EVALUATION, CouncilKind.BUDGET_APPRAISAL]
KINDS = [
    CouncilKind.ACCEPTANCE,
    CouncilKind.SELECTION,
    CouncilKind.NON_STATE_BUDGET,
    *(pytest.param(k, marks=pytest.mark.slow) for k in NEW_KINDS),
]


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_generated_new_regime_councils_are_well_formed(kind: CouncilKind) -> None:
    @settings(max_examples=15, database=None)
    @given(councils(kind=kind, on=date(2026, 6, 1)))
    def check(c: Council) -> None:
        assert check_composition(c) == []
        assert quorum_met(c, [m.name for m in c.members])

    check()


@pytest.mark.parametrize("kind", KINDS)
@given(data=st.data())
def test_generated_councils_are_well_formed(kind: CouncilKind, data: st.DataObject) -> None:
    c = data.draw(councils(kind=kind))
    assert c.kind is kind and c.meeting_date in COUNCIL_DATES
    assert check_composition(c) == []
    assert quorum_met(c, [m.name for m in c.members])
    printed = c.sorted_members()
    assert sorted(printed, key=lambda m: m.name) == sorted(c.members, key=lambda m: m.name)
    keys = [name_sort_key(m.name) for m in printed]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("kind", "sizes"),
    [
        (CouncilKind.ACCEPTANCE, {9}),
        (CouncilKind.SELECTION, {7, 8, 9}),
        (CouncilKind.NON_STATE_BUDGET, {5, 7}),
        pytest.param(CouncilKind.FUNDING_REVIEW, {7, 8, 9}, marks=pytest.mark.slow),
        pytest.param(CouncilKind.BUDGET_APPRAISAL, {5}, marks=pytest.mark.slow),
    ],
)
def test_strategies_reach_every_legal_size(kind: CouncilKind, sizes: set[int]) -> None:
    seen: Counter[int] = Counter()

    @settings(max_examples=60, database=None)
    @given(councils(kind=kind))
    def collect(c: Council) -> None:
        seen[len(c.members)] += 1

    collect()
    assert set(seen) == sizes


def test_strategies_follow_the_rules_they_are_given() -> None:
    own = CouncilRules(
        source="QĐ 15/QĐ-UBND", sizes=(3,), vice_chairs_min=0, vice_chairs_max=1, reviewers=1
    )

    @settings(max_examples=30, database=None)
    @given(councils(kind=CouncilKind.FUNDING_REVIEW, on=date(2026, 1, 1), rules=own))
    def check(c: Council) -> None:
        assert len(c.members) == 3 and len(c.with_role(Role.REVIEWER)) == 1
        assert check_composition(c, rules=own) == []

    check()

    @settings(max_examples=1, database=None)
    @given(councils(kind=CouncilKind.TASK_IDENTIFICATION))
    def unsupplied(c: Council) -> None:
        raise AssertionError("drew a council whose rules must be supplied")  # pragma: no cover

    with pytest.raises(InvalidValue, match="no shipped rules"):
        unsupplied()


def test_selection_rules_of_each_version_are_used() -> None:
    assert {rules_for(CouncilKind.SELECTION, on=d).source for d in COUNCIL_DATES} >= {
        "Thông tư 10/2014/TT-BKHCN (tuyển chọn, giao trực tiếp)",
        "Thông tư 20/2023/TT-BKHCN (tuyển chọn, giao trực tiếp)",
    }
