"""A council follows a province's regime keyed on the filing date: its rules are read on
the task's filed_on (basis FILING), and on the approval date without that version."""

from __future__ import annotations

from datetime import date

from vn_skt.councils import Council, CouncilKind, DateBasis, Member, governing_date
from vn_skt.documents import DocumentRef
from vn_skt.regulations import Version, register_version, unregister
from vn_skt.regulations.task_rules import RegimeRule
from vn_skt.tasks import Task

LATER = Version(
    "task_regimes", date(2025, 10, 1), None, "Quyết định 5/2025/QĐ-UBND", "V",
    {"REGIME": RegimeRule(regime="sti_2025", law="Luật 93/2025/QH15", source="QĐ 5/2025",
                          date_basis="filing")},
)  # fmt: skip


def council() -> Council:
    task = Task(
        code="NV.01", title="Nhiệm vụ thử", type="Đề tài", level="Cấp tỉnh",
        field="Khoa học nông nghiệp", principal_investigator="TS. A", host_organization="Viện B",
        start=date(2026, 3, 1), end=date(2027, 12, 31), filed_on=date(2026, 1, 5),
        approved_by=DocumentRef(
            kind="Quyết định", number=5, code="QĐ-UBND", issued_on=date(2026, 2, 1)
        ),
    )  # fmt: skip
    members = (Member(name="Trần Văn Bình", role="Chủ tịch"),)
    return Council(kind=CouncilKind.FUNDING_REVIEW, members=members, task=task)


def test_a_council_reads_its_rules_on_the_filing_date_where_the_regime_keys_on_it() -> None:
    try:
        register_version(LATER)
        when = governing_date(council())
        assert (when.on, when.basis) == (date(2026, 1, 5), DateBasis.FILING)
    finally:
        unregister("task_regimes")
    when = governing_date(council())
    assert (when.on, when.basis) == (date(2026, 2, 1), DateBasis.APPROVAL)
