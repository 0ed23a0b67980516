"""Hội đồng — members, councils and meetings (records).

>>> c = Council(kind="Đánh giá nghiệm thu", members=[
...     Member(name="Trần Văn Bình", role="Chủ tịch", academic_title="PGS.TS"),
...     Member(name="Nguyễn Thị An", role="Ủy viên phản biện")])
>>> [m.name for m in c.sorted_members()]
['Nguyễn Thị An', 'Trần Văn Bình']
>>> c.members[0].display_name
'PGS.TS Trần Văn Bình'
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vn_skt.documents import DocumentRef
from vn_skt.l10n import fold_text, html_model, html_table
from vn_skt.tasks import Task

from ._enums import CouncilKind, Role
from ._names import name_sort_key
from ._regime import check_council_regime

__all__ = ["Council", "Member"]


class Member(BaseModel):
    """Thành viên hội đồng — name, role, organisation, academic title, expertise."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, description="Họ và tên")
    role: Role = Field(description="Chức danh trong hội đồng")
    organization: str | None = Field(default=None, description="Cơ quan công tác")
    academic_title: str | None = Field(default=None, description="Học hàm, học vị: PGS.TS, TS")
    expertise: str | None = Field(default=None, description="Chuyên ngành")

    def _repr_html_(self) -> str:
        return html_model(self, f"Thành viên hội đồng: {self.display_name}")

    @property
    def display_name(self) -> str:
        """Tên hiển thị — "PGS.TS Trần Văn Bình"."""
        return f"{self.academic_title} {self.name}" if self.academic_title else self.name

    @property
    def key(self) -> str:
        """Khóa so sánh tên — NFC, whitespace and case folded."""
        return fold_text(self.name)


class Council(BaseModel):
    """Hội đồng — a council: kind, members, what it rules on, its establishing decision.

    ``task`` is the task it rules on, when known; for a selection council
    ``applicants`` names the principal investigator and key members of the file and
    ``applying_organizations`` the applying and partner organisations (conflicts of
    interest are checked against them and against the task). ``rule_set`` names the
    rule set it follows (None: the default table; see
    :func:`vn_skt.councils.rules_for`); ``serves`` is the council a team works for (a
    budget appraisal team's funding review council, whose chair, vice-chair or a
    reviewer must sit on it under Circular 25/2026/TT-BCT Art. 5.4).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    kind: CouncilKind
    members: tuple[Member, ...]
    name: str = Field(default="", description="Tên hội đồng")
    task: Task | None = None
    subject: str = Field(default="", description="Nhiệm vụ hoặc hồ sơ được xem xét")
    applicants: tuple[str, ...] = ()
    applying_organizations: tuple[str, ...] = ()
    established_by: DocumentRef | None = Field(default=None, description="Quyết định thành lập")
    meeting_date: date | None = Field(default=None, description="Ngày họp")
    rule_set: str | None = Field(
        default=None,
        description="Bộ quy định áp dụng: None = mặc định; 'TT 25/2026/TT-BCT', "
        "'TT 44/2026/TT-BGDĐT' hoặc tên bảng tỉnh đã đăng ký",
    )
    serves: Council | None = Field(
        default=None,
        description="Hội đồng mà tổ này phục vụ (Tổ thẩm định kinh phí → hội đồng xét tài trợ)",
    )

    @model_validator(mode="after")
    def _kind_fits_task(self) -> Council:
        if self.task is not None:
            check_council_regime(self.kind, self.task)
        return self

    def _repr_html_(self) -> str:
        rows = [[m.display_name, m.role, m.organization] for m in self.sorted_members()]
        return html_table(
            ["Họ và tên", "Chức danh", "Cơ quan"],
            rows,
            caption=f"Hội đồng {self.kind.label.lower()} {self._subject()}".strip(),
        )

    def _subject(self) -> str:
        subject = self.subject or (self.task.title if self.task else "")
        return f"\u201c{subject}\u201d" if subject else ""

    def sorted_members(self) -> list[Member]:
        """Danh sách in — members in Vietnamese name order."""
        return sorted(self.members, key=lambda m: name_sort_key(m.name))

    def member(self, name: str) -> Member | None:
        """Thành viên theo tên — compared after NFC, whitespace and case folding."""
        key = fold_text(name)
        return next((m for m in self.members if m.key == key), None)

    def with_role(self, role: Role) -> list[Member]:
        """Thành viên theo chức danh."""
        return [m for m in self.members if m.role is role]
