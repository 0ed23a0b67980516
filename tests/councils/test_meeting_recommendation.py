"""A funding-review meeting records recommendation votes and judges them by its rules."""

from __future__ import annotations

from datetime import date

import pytest

from vn_skt.councils import Council, CouncilKind, Meeting, Member, judge_recommendation
from vn_skt.errors import InvalidValue, ParseError
from vn_skt.tasks import Rating

DAY = date(2026, 8, 3)
ROLES9 = ["Chủ tịch", "Phó Chủ tịch", "Ủy viên phản biện", "Ủy viên phản biện",
          "Ủy viên thư ký khoa học"] + ["Ủy viên"] * 4  # fmt: skip
NAMES = [f"Người {i}" for i in range(9)]


def meeting(kind: CouncilKind, votes: dict[str, bool | str], **extra: object) -> Meeting:
    members = tuple(Member(name=n, role=r) for n, r in zip(NAMES, ROLES9, strict=True))
    council = Council(kind=kind, members=members, meeting_date=DAY, **extra)  # type: ignore[arg-type]
    return Meeting(council=council, present=tuple(NAMES[:8]), recommendations=votes)


@pytest.mark.parametrize(
    ("yes", "no", "rating"), [(6, 2, Rating.PASSED), (5, 3, Rating.FAILED), (0, 8, Rating.FAILED)]
)
def test_a_meeting_judges_its_recommendations_as_judge_recommendation(
    yes: int, no: int, rating: Rating
) -> None:
    words = ["đề nghị thực hiện"] * yes + ["không đề nghị"] * no
    votes: dict[str, bool | str] = dict(zip(NAMES, words, strict=False))
    verdict = meeting(CouncilKind.FUNDING_REVIEW, votes).recommendation()
    assert verdict.rating is rating
    assert verdict.rating is judge_recommendation(words, on=DAY).rating
    assert verdict.reasons == judge_recommendation(words, on=DAY).reasons


def test_votes_of_members_absent_are_ignored() -> None:
    votes: dict[str, bool | str] = dict.fromkeys(NAMES[:5], True)
    votes |= {NAMES[5]: False, NAMES[6]: False, NAMES[8]: False}  # 5/7 present; 5/8 if all
    assert meeting(CouncilKind.FUNDING_REVIEW, votes).recommendation().rating is Rating.PASSED


def test_no_votes_or_another_verdict_method_is_refused() -> None:
    with pytest.raises(InvalidValue, match="no recommendation votes"):
        meeting(CouncilKind.FUNDING_REVIEW, {}).recommendation()
    with pytest.raises(InvalidValue, match="not by a recommendation vote"):
        meeting(
            CouncilKind.FUNDING_REVIEW, {"Người 0": True}, rule_set="TT 25/2026/TT-BCT"
        ).recommendation()
    with pytest.raises(ParseError, match="có lẽ"):
        meeting(CouncilKind.FUNDING_REVIEW, {"Người 0": "có lẽ"}).recommendation()
