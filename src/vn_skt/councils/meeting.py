"""Phiên họp — a council meeting: who came, the ballots or votes, and its decisions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from vn_skt.l10n import fold_text
from vn_skt.tasks import Rating

from .decisions import QuorumResult, SelectionScore, acceptance_verdict, quorum, score_selection
from .models import Council
from .rules import CouncilRules

__all__ = ["Meeting"]


class Meeting(BaseModel):
    """Phiên họp — present members (names), ballots (member → criterion → points) or
    votes (member → Rating), the minutes date and, for acceptance, months late."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    council: Council
    present: tuple[str, ...]
    ballots: dict[str, dict[str, Decimal]] = Field(default_factory=dict)
    votes: dict[str, Rating] = Field(default_factory=dict)
    minutes_date: date | None = None
    months_late: int = Field(default=0, ge=0, description="Số tháng nộp hồ sơ muộn")

    def quorum(self, rules: CouncilRules | None = None) -> QuorumResult:
        """Đủ điều kiện họp — with the reasons when it is not."""
        return quorum(self.council, self.present, rules)

    def score(self, rules: CouncilRules | None = None) -> SelectionScore:
        """Điểm hồ sơ — from the ballots."""
        return score_selection(self.ballots, rules)

    def verdict(self, rules: CouncilRules | None = None) -> Rating:
        """Kết luận — from the votes of the members present (other votes are ignored)."""
        here = {fold_text(name) for name in self.present}
        votes = [vote for name, vote in self.votes.items() if fold_text(name) in here]
        return acceptance_verdict(votes, rules, months_late=self.months_late)
