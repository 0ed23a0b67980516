"""Phiên họp — a council meeting: who came, the ballots or votes, and its decisions.

A meeting is judged by the rules of its own date: its minutes date, else the council's
meeting date, else the council's task's approval date (or start). The same ballots
scored at a meeting of 2020 follow Circular 10/2014/TT-BKHCN; at a meeting of 2024,
Circular 20/2023/TT-BKHCN.

>>> from datetime import date
>>> from vn_skt.councils import Council, Member
>>> c = Council(kind="Tuyển chọn, giao trực tiếp",
...             members=[Member(name=m, role="Ủy viên") for m in "ABCDEF"])
>>> ballots = {m: {"Nội dung": 40, "Năng lực": 38, "Sản phẩm": 0 if m in "AB" else 1}
...            for m in "ABCDEF"}
>>> m2020 = Meeting(council=c, present=tuple("ABCDEF"), ballots=ballots,
...                 minutes_date=date(2020, 6, 5))
>>> m2020.score().passed, m2020.model_copy(update={"minutes_date": date(2024, 6, 5)}).score().passed
(True, False)
>>> print(m2020.score().applied)
Thông tư 10/2014/TT-BKHCN (tuyển chọn, giao trực tiếp), theo ngày biên bản họp 05/06/2020
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from vn_skt.errors import InvalidValue
from vn_skt.l10n import fold_text, format_count, html_record
from vn_skt.tasks import Rating

from ._applied import AppliedRules, DateBasis, GoverningDate, apply_rules, governing_date
from ._composition import CompositionCheck, composition_on
from ._models import Council
from ._quorum import QuorumResult, quorum_on
from ._rules import CouncilRules
from ._scoring import SelectionScore, score_with
from ._verdict import Verdict, judge_with, recommend_with

__all__ = ["Meeting"]


class Meeting(BaseModel):
    """Phiên họp — present members (names), ballots (member → criterion → points) or
    votes (member → Rating), the minutes date, months late (acceptance) and the average
    task and product scores (tasks without state budget)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    council: Council
    present: tuple[str, ...]
    ballots: dict[str, dict[str, Decimal]] = Field(default_factory=dict)
    votes: dict[str, Rating] = Field(default_factory=dict)
    recommendations: dict[str, bool | str] = Field(
        default_factory=dict,
        description="Phiếu đề nghị (xét tài trợ, đặt hàng): thành viên → đề nghị thực hiện / "
        "không đề nghị",
    )
    minutes_date: date | None = Field(default=None, description="Ngày biên bản họp")
    months_late: int = Field(default=0, ge=0, description="Số tháng nộp hồ sơ muộn")
    task_score: Decimal | None = Field(
        default=None, ge=0, description="Điểm trung bình của nhiệm vụ (không dùng NSNN)"
    )
    product_score: Decimal | None = Field(
        default=None, ge=0, description="Điểm trung bình của sản phẩm (không dùng NSNN)"
    )

    def _repr_html_(self) -> str:
        council = self.council
        subject = council.subject or (council.task.title if council.task else "")
        check = self.quorum()
        figures: dict[str, object] = {
            "Hội đồng": council.kind.label,
            "Nhiệm vụ, hồ sơ": subject,
            "Ngày biên bản": self.minutes_date,
            "Có mặt": f"{format_count(len(self.present))}/{format_count(len(council.members))}",
            "Đủ điều kiện họp": "có" if check.met else "; ".join(check.reasons),
        }
        if check.met and self.ballots:
            score = self.score()
            average = str(score.average).replace(".", ",")
            figures["Điểm trung bình"] = f"{average} ({'đạt' if score.passed else 'không đạt'})"
        if check.met and self.votes:
            verdict = self.judgement()
            figures["Kết luận"] = verdict.label
            figures["Lý do"] = "; ".join(verdict.reasons)
        figures["Quy định áp dụng"] = str(self.applied_rules())
        return html_record(f"Phiên họp hội đồng {subject}".strip(), figures)

    @property
    def governing_date(self) -> GoverningDate:
        """Ngày áp dụng — the minutes date, else the council's meeting date, else the
        council's own governing date (its task's approval date or start)."""
        if self.minutes_date is not None:
            return GoverningDate(self.minutes_date, DateBasis.MINUTES)
        if self.council.meeting_date is not None:
            return GoverningDate(self.council.meeting_date, DateBasis.MEETING)
        return governing_date(self.council)

    def applied_rules(self, *, rules: CouncilRules | None = None) -> AppliedRules:
        """Quy định áp dụng — the council kind's rules on the meeting's date (or ``rules``)."""
        return apply_rules(self.council.kind, self.governing_date, rules, self.council.rule_set)

    def composition(self, *, rules: CouncilRules | None = None) -> CompositionCheck:
        """Thành phần — the council's composition under the meeting's rules."""
        return composition_on(self.council, self.governing_date, rules)

    def quorum(self, *, rules: CouncilRules | None = None) -> QuorumResult:
        """Đủ điều kiện họp — with the reasons when it is not."""
        return quorum_on(self.council, self.present, self.governing_date, rules)

    def score(self, *, rules: CouncilRules | None = None) -> SelectionScore:
        """Điểm hồ sơ — from the ballots of the members present, under the rules of the
        council's kind on the meeting's date."""
        here = {fold_text(name) for name in self.present}
        ballots = {m: b for m, b in self.ballots.items() if fold_text(m) in here}
        if not ballots:
            msg = "Meeting.score: no ballots from the members present"
            raise InvalidValue(msg)
        return score_with(ballots, self.applied_rules(rules=rules))

    def judgement(self, *, rules: CouncilRules | None = None) -> Verdict:
        """Kết luận, có lý do — from the votes of the members present (other votes are
        ignored), by the verdict method of the meeting's rules."""
        here = {fold_text(name) for name in self.present}
        votes = [vote for name, vote in self.votes.items() if fold_text(name) in here]
        return judge_with(
            votes,
            self.applied_rules(rules=rules),
            months_late=self.months_late,
            task_score=self.task_score,
            product_score=self.product_score,
        )

    def recommendation(self, *, rules: CouncilRules | None = None) -> Verdict:
        """Kết luận đề nghị — Đạt ("đề nghị thực hiện") or Không đạt from the
        ``recommendations`` of the members present (others ignored), judged as
        :func:`judge_recommendation` does under the meeting's rules (its date, the
        council's rule set); InvalidValue when none was recorded or the rules do not
        decide by a recommendation vote."""
        here = {fold_text(name) for name in self.present}
        votes = [v for name, v in self.recommendations.items() if fold_text(name) in here]
        if not votes:
            msg = "Meeting.recommendation: no recommendation votes from the members present"
            raise InvalidValue(msg)
        return recommend_with(votes, self.applied_rules(rules=rules))

    def verdict(self, *, rules: CouncilRules | None = None) -> Rating:
        """Kết luận — see :meth:`judgement`."""
        return self.judgement(rules=rules).rating
