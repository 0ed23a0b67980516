"""A campaign in report style, each verification typed by the list in force on its date."""

from __future__ import annotations

from datetime import date

import pytest

from vn_skt.errors import RegulationNotFound
from vn_skt.metrology import CampaignSummary, Verification
from vn_skt.regulations import Status


def test_campaign_report_style() -> None:
    vs = (
        [Verification(verified_on=date(2025, 5, 2), passed=True, instrument_type="Cân bàn")] * 250
        + [
            Verification(
                verified_on=date(2025, 5, 2),
                passed=True,
                instrument_type="Công tơ điện xoay chiều 1 pha kiểu điện tử",
            )
        ]
        * 1195
        + [
            Verification(
                verified_on=date(2025, 5, 2),
                passed=False,
                instrument_type="Công tơ điện xoay chiều 1 pha kiểu điện tử",
            )
        ]
        * 5
    )
    summary = CampaignSummary.from_verifications(
        vs, plan={"Khối lượng": 600, "điện – điện từ": 5000, "quang": 0}
    )
    assert (summary.total, summary.passed, summary.rejected) == (1450, 1445, 5)
    assert summary.by_field == {"khối lượng": 250, "điện – điện từ": 1200}
    assert summary.rule_status is Status.U and summary.unverified == 1450
    assert str(summary) == (
        "kiểm định 1.450 PTĐ, trong đó đạt yêu cầu 1.445 PTĐ, loại bỏ 05 PTĐ; lĩnh vực khối "
        "lượng 250/600 (đạt 42%); lĩnh vực điện – điện từ 1.200/5.000 (đạt 24%); lĩnh vực "
        "quang 00 (không giao kế hoạch)"
    )


def test_a_2020_campaign_rests_on_verified_rows() -> None:
    vs = [Verification(verified_on=date(2021, 5, 2), passed=True, instrument_type="Cân bàn")] * 3
    summary = CampaignSummary.from_verifications(vs)
    assert summary.rule_status is Status.V and summary.unverified == 0
    assert CampaignSummary.from_verifications([]).rule_status is Status.V


def test_the_2026_list_still_groups() -> None:
    vs = [
        Verification(verified_on=date(2026, 5, 2), passed=True, instrument_type=name)
        for name in (
            "Xi téc đường sắt",
            "Phương tiện đo độ liền (độ rắn) của bê tông",
            "Thước đo độ sâu",
            "Cân ô tô",
        )
    ]
    summary = CampaignSummary.from_verifications(vs)
    assert summary.by_field == {
        "dung tích – lưu lượng": 1,
        "lực – mô men": 1,
        "độ dài": 1,
        "khối lượng": 1,
    }


def test_a_verification_of_a_type_not_listed_that_day() -> None:
    v = Verification(
        verified_on=date(2025, 1, 10),
        passed=True,
        instrument_type="Công tơ điện xoay chiều 1 pha kiểu cảm ứng",
    )
    with pytest.raises(RegulationNotFound, match="removed from 15/10/2024"):
        CampaignSummary.from_verifications([v])


def test_campaign_sentence_passes_the_audit() -> None:
    from vn_skt.reporting import audit_text

    vs = [
        Verification(verified_on=date(2025, 5, 2), passed=i % 40 != 0, instrument_type="Cân bàn")
        for i in range(500)
    ]
    text = str(CampaignSummary.from_verifications(vs, plan={"khối lượng": 600})).capitalize()
    assert [f.ok for f in audit_text(text + ".")] == [True, True]


def test_a_campaign_summary_is_a_hashable_value() -> None:
    a = CampaignSummary(total=3, passed=2, rejected=1, by_field={"khối lượng": 3})
    b = CampaignSummary(total=3, passed=2, rejected=1, by_field={"khối lượng": 3})
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != CampaignSummary(total=3, passed=2, rejected=1, by_field={"áp suất": 3})
    with pytest.raises(TypeError):
        a.by_field["khối lượng"] = 4  # type: ignore[index]
