"""The council rule sets as data: versions, boundaries, a province's own file, load errors."""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterator
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from vn_skt.councils import (
    Council,
    CouncilKind,
    CouncilRules,
    Member,
    QuorumRole,
    Rating,
    TieBreak,
    VerdictMethod,
    acceptance_verdict,
    check_composition,
    composition_check,
    judge_acceptance,
    rules_for,
    session_fees,
)
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import Status, load_table, lookup, register_file, unregister

S, A, N, F = (
    CouncilKind.SELECTION,
    CouncilKind.ACCEPTANCE,
    CouncilKind.NON_STATE_BUDGET,
    CouncilKind.FUNDING_REVIEW,
)


# -- which circular, when -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "on", "cites"),
    [
        (S, date(2014, 8, 1), "10/2014"),
        (S, date(2023, 11, 26), "10/2014"),
        (S, date(2023, 11, 27), "20/2023"),
        (S, date(2025, 9, 30), "20/2023"),
        (S, date(2025, 10, 1), "20/2023"),
        (A, date(2014, 8, 1), "11/2014"),
        (A, date(2023, 11, 27), "11/2014"),
        (A, date(2025, 10, 1), "11/2014"),
        (N, date(2014, 8, 1), "02/2015"),
        (N, date(2025, 9, 30), "02/2015"),
    ],
)
def test_rule_sets_cite_their_circulars(kind: CouncilKind, on: date, cites: str) -> None:
    assert cites in rules_for(kind, on=on).source


@pytest.mark.parametrize("kind", [S, A, N])
def test_before_the_first_version_names_the_earliest(kind: CouncilKind) -> None:
    with pytest.raises(RegulationNotFound, match=r"2014-07-31.*2014-08-01"):
        rules_for(kind, on=date(2014, 7, 31))


def test_selection_changes_on_27_november_2023() -> None:
    before = rules_for(S, on=date(2023, 11, 26))
    after = rules_for(S, on=date(2023, 11, 27))
    assert (before.zero_limit, after.zero_limit) == (Fraction(1, 3), Fraction(1, 4))
    assert before.tie_breaks == (TieBreak.CHAIR,)
    assert after.tie_breaks == (TieBreak.BUDGET, TieBreak.EXCELLENT_RECORD, TieBreak.CONTENT)
    same = attrs.evolve(
        after,
        source=before.source,
        zero_limit=before.zero_limit,
        tie_breaks=before.tie_breaks,
    )
    assert same == before  # nothing else changed


def test_the_2025_regime_ships_an_unverified_default() -> None:
    with pytest.raises(RegulationNotFound, match=r"no rule set .*Xét tài trợ"):
        rules_for(F, on=date(2025, 9, 30))  # the kind does not exist yet
    assert "93/2025/QH15" in rules_for(F, on=date(2025, 10, 1)).source
    assert rules_for(N, on=date(2025, 9, 30)).verdict is VerdictMethod.AGREEMENT
    with pytest.raises(RegulationNotFound, match=r"no rule set"):
        rules_for(N, on=date(2025, 10, 1))  # replaced by Decree 268/2025


def test_the_2025_version_is_unverified_and_results_say_so() -> None:
    c = Council(kind=A, members=[Member(name="A", role="Chủ tịch")])
    before = composition_check(c, on=date(2025, 9, 30)).applied
    after = composition_check(c, on=date(2025, 10, 1)).applied
    assert (before.status, after.status) == (Status.V, Status.U)
    assert "chưa kiểm chứng" in str(after) and "chưa kiểm chứng" not in str(before)


@pytest.mark.parametrize("on", [None, "2024-01-01", 20240101])
def test_rules_need_a_date(on: object) -> None:
    with pytest.raises(InvalidValue, match=r"expected a datetime\.date"):
        rules_for(S, on=on)  # type: ignore[arg-type]


def test_a_datetime_is_refused_clearly() -> None:
    with pytest.raises(InvalidValue, match=r"is a datetime.*use \.date\(\)"):
        rules_for(S, on=datetime(2024, 1, 1, 9, 30))


# -- council fees ---------------------------------------------------------------------------


def test_council_fees_start_on_26_february_2023() -> None:
    c = Council(kind=A, members=[Member(name="A", role="Chủ tịch")])
    with pytest.raises(RegulationNotFound, match=r"2023-02-25.*2023-02-26"):
        session_fees(c, on=date(2023, 2, 25))
    assert session_fees(c, on=date(2023, 2, 26)) == {"A": 1_800_000}


# -- rows are typed and checked --------------------------------------------------------------


def test_rows_are_typed() -> None:
    rules = rules_for(A, on=date(2024, 1, 1))
    assert rules.quorum == Fraction(2, 3) and isinstance(rules.quorum, Fraction)
    assert rules.quorum_roles == (QuorumRole.CHAIR, QuorumRole.REVIEWERS, QuorumRole.SECRETARY)
    assert rules.verdict is VerdictMethod.SHARES
    assert (rules.vice_chairs_min, rules.vice_chairs_max) == (1, 1)
    assert "kind" not in attrs.fields_dict(CouncilRules)  # the row key is the kind


def test_rules_built_in_code_take_enum_values() -> None:
    own = CouncilRules(
        source="QĐ 15/2025/QĐ-UBND",
        quorum_roles=["chair", "one_reviewer"],
        tie_breaks=("budget",),
        verdict="points",
        excellent_points=85,
        pass_points=50,
    )
    assert own.quorum_roles == (QuorumRole.CHAIR, QuorumRole.ONE_REVIEWER)
    assert own.tie_breaks == (TieBreak.BUDGET,) and own.verdict is VerdictMethod.POINTS
    assert hash(own) == hash(attrs.evolve(own))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"source": " "}, "field 'source'"),
        ({"quorum": Fraction(4, 3)}, r"field 'quorum': 4/3; expected a share from 0 to 1"),
        ({"quorum": 0.67}, r"field 'quorum': 0.67; expected a Fraction"),
        ({"quorum_roles": ["boss"]}, r"field 'quorum_roles': 'boss' is not one of"),
        ({"tie_breaks": ["coin"]}, r"field 'tie_breaks': 'coin'"),
        ({"verdict": "vote"}, r"field 'verdict': 'vote'"),
        ({"size_min": 9, "size_max": 7}, r"field 'size_min': 9 is above 'size_max' 7"),
        ({"pass_mark": -1}, r"field 'pass_mark': -1; expected an int >= 0"),
        ({"late_months": True}, r"field 'late_months': True"),
        ({"sizes": (5, 0)}, r"field 'sizes'"),
        ({"verdict": "agreement", "agree_share": Fraction(3, 4)}, "field 'min_task_score'"),
        ({"verdict": "points", "pass_points": 50}, "field 'excellent_points'"),
    ],
)
def test_rules_built_in_code_are_checked(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        CouncilRules(**{"source": "QĐ 01", **changes})  # type: ignore[arg-type]


def test_every_rule_field_is_read_by_some_decision() -> None:
    modules = ("composition", "quorum", "scoring", "ranking", "verdict", "rules")
    code = "\n".join(
        inspect.getsource(importlib.import_module(f"vn_skt.councils._{name}")) for name in modules
    )
    code += inspect.getsource(CouncilRules.size_ok)
    for field in attrs.fields(CouncilRules):
        assert re.search(rf"(rules|self)\.{field.name}\b", code), field.name


# -- a province's own rule set, from its file ---------------------------------------------

PROVINCE_ACCEPTANCE = """
name = "council_rules"

[[versions]]
effective_from = 2024-01-01
effective_to = 2024-12-31
source = "Quyết định số 15/2023/QĐ-UBND (hư cấu)"
status = "U"
patch = true

[versions.rows.ACCEPTANCE]
source = "Quyết định số 15/2023/QĐ-UBND, Điều 12 (hư cấu)"
size_min = 7
size_max = 9
vice_chairs_max = 1
reviewers = 2
secretaries = 1
quorum = "2/3"
quorum_roles = ["chair", "reviewers", "secretary"]
verdict = "shares"
excellent_share = "2/3"
fail_share = "1/3"
late_months = 3
max_host_members = 0
"""


@pytest.fixture
def province_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "quy-dinh-hoi-dong.toml"
    path.write_text(PROVINCE_ACCEPTANCE, encoding="utf-8")
    register_file(path)
    try:
        yield path
    finally:
        unregister("council_rules")


def test_a_province_file_changes_a_verdict_end_to_end(province_file: Path) -> None:
    votes = [Rating.EXCELLENT] * 5 + [Rating.PASSED] * 2  # 5/7: not 3/4, but 2/3
    assert acceptance_verdict(votes, on=date(2024, 6, 1)) is Rating.EXCELLENT
    assert acceptance_verdict(votes, on=date(2025, 1, 1)) is Rating.PASSED  # not covered
    assert acceptance_verdict(votes, on=date(2023, 12, 31)) is Rating.PASSED
    late = [Rating.PASSED] * 7
    assert acceptance_verdict(late, on=date(2024, 6, 1), months_late=4) is Rating.FAILED
    assert acceptance_verdict(late, on=date(2025, 1, 1), months_late=4) is Rating.PASSED
    # the patch replaced only ACCEPTANCE: the selection rules are the circular's
    assert "20/2023" in rules_for(S, on=date(2024, 6, 1)).source
    # a council of 7 without a vice-chair is well formed there, not under 11/2014
    roles = ["Chủ tịch", "Ủy viên phản biện", "Ủy viên phản biện", "Ủy viên thư ký khoa học"]
    members = [Member(name=f"Người {i}", role=r) for i, r in enumerate(roles + ["Ủy viên"] * 3)]
    seven = Council(kind=A, members=members, meeting_date=date(2024, 6, 1))
    assert check_composition(seven) == []
    result = composition_check(seven, on=date(2025, 1, 1))
    assert [v.code for v in result.violations] == ["SIZE", "VICE_CHAIR_MISSING"]


def test_a_province_file_says_which_rule_applied(province_file: Path) -> None:
    result = judge_acceptance(["Đạt"] * 7, on=date(2024, 6, 1))
    assert result.applied.source == "Quyết định số 15/2023/QĐ-UBND, Điều 12 (hư cấu)"
    assert result.applied.status is Status.U
    assert lookup("council_rules", on=date(2024, 6, 1)).origin == str(province_file)


# -- malformed council rule files fail at load, naming file, row and field -------------------

GOOD_ROW = """
[[versions]]
effective_from = 2024-01-01
source = "QĐ 01"
status = "U"

[versions.rows.SELECTION]
source = "QĐ 01"
"""


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ('quorum = "two thirds"', "quorum", "a fraction"),
        ('quorum = "3/0"', "quorum", "a fraction"),
        ('quorum_roles = ["chair", "boss"]', "quorum_roles", "'chair', 'reviewers'"),
        ("size_min = [7]", "size_min", "integer"),
        ('pass_mark = "70"', "pass_mark", "integer"),
        ('verdict = "vote"', "verdict", "'shares', 'points', 'agreement' or 'recommend'"),
        ("supplied = 1", "supplied", "boolean"),
        ("quorum_size = 5", "quorum_size", "unknown column"),
        ('verdict = "shares"\nfail_share = "1/3"', "excellent_share", "required when"),
        ('zero_limit = "5/4"', "zero_limit", "from 0 to 1"),
    ],
)
def test_malformed_files_name_file_row_and_field(
    tmp_path: Path, line: str, field: str, expected: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f'name = "council_rules"\n{GOOD_ROW}{line}\n', encoding="utf-8")
    with pytest.raises(InvalidValue) as caught:
        register_file(path)
    message = str(caught.value)
    assert str(path) in message, message
    assert "row 'SELECTION'" in message and field in message and expected in message, message
    with pytest.raises(InvalidValue):  # the same without registering
        load_table(path, row_type=CouncilRules)
    assert "20/2023" in rules_for(S, on=date(2024, 6, 1)).source  # nothing was registered
