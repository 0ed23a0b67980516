"""Notebook views: Vietnamese labels, formatted figures and dates, no raw reprs, capped."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest

from vn_skt.calendar import Period
from vn_skt.data import sample_province
from vn_skt.ip_titles import TitlePortfolio
from vn_skt.metrology import CampaignSummary
from vn_skt.reporting import Indicator, IndicatorGroup
from vn_skt.tasks import Portfolio, Task, read_tasks_csv

DATA = sample_province()
_SELECTION = next(m for m in DATA.meetings if m.ballots)
_ACCEPTANCE = next(m for m in DATA.meetings if m.votes)


def _views() -> dict[str, Any]:
    year = Period.year(2025)
    verifications = [v for i in DATA.instruments for v in i.verifications]
    return {
        "Task": DATA.tasks[0],
        "Portfolio": Portfolio(DATA.tasks),
        "YearSummary": Portfolio(DATA.tasks, grouping=DATA.field_groups).year(2025),
        "LoadResult": read_tasks_csv(io.StringIO("Mã số;Tên nhiệm vụ\nX;Y\n")),
        "Council": _ACCEPTANCE.council,
        "Member": _ACCEPTANCE.council.members[0],
        "Meeting": _ACCEPTANCE,
        "Meeting (selection)": _SELECTION,
        "SelectionScore": _SELECTION.score(),
        "Verdict": _ACCEPTANCE.judgement(),
        "QuorumResult": _ACCEPTANCE.quorum(),
        "ProtectionTitle": DATA.titles[1],
        "TitlePortfolio": TitlePortfolio(DATA.titles),
        "Instrument": DATA.instruments[0],
        "Verification": DATA.instruments[0].verifications[0],
        "CampaignSummary": CampaignSummary.from_verifications(
            [v for v in verifications if year.contains(v.verified_on)]
        ),
        "AnnualData": DATA,
        "Plan": DATA.plans[2025],
        "Indicator": Indicator("Kiểm định", 600, 250, unit="PTĐ"),
        "IndicatorGroup": IndicatorGroup("Chỉ tiêu", [Indicator("A", 10, 12)]),
    }


VIEWS = _views()
RAW = [
    r"datetime\.date\(",
    r"\b[a-z_]+=",  # attrs/pydantic reprs: state_budget=..., verified_on=...
    r"\bNone\b",
    r"\bTrue\b|\bFalse\b",
    r"&#x27;",  # a quoted repr of a string
    r"\d{4}-\d{2}-\d{2}",  # ISO dates
    r"<(?:Rating|Role|TaskStatus)\.",
]


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_record_and_result_has_a_vietnamese_view(name: str) -> None:
    html = VIEWS[name]._repr_html_()
    assert "<table>" in html
    text = re.sub(r"<[^>]+>", " ", html)
    for pattern in RAW:
        assert not re.search(pattern, text), (name, pattern, text[:400])
    model = type(VIEWS[name])
    for field in getattr(model, "model_fields", {}):
        if "_" in field:  # English field names are not shown
            assert f" {field} " not in text, (name, field)


def test_dates_and_figures_are_written_the_vietnamese_way() -> None:
    html = VIEWS["Task"]._repr_html_()
    assert "01/01/2025" in html and "320.000.000" in html
    assert "Kinh phí NSNN theo năm: 2025: 320.000.000" in html  # a year is not "2.025"


def _tasks(n: int) -> list[Task]:
    common: dict[str, Any] = {
        "title": "Nghiên cứu ứng dụng công nghệ sinh học trong sản xuất giống cây trồng",
        "type": "Đề tài",
        "level": "Cấp tỉnh",
        "field": "Khoa học nông nghiệp",
        "principal_investigator": "TS. Nguyễn Văn A",
        "host_organization": "Viện Khoa học Nông nghiệp",
        "start": date(2025, 1, 1),
        "end": date(2026, 12, 31),
        "funding": {"state_budget": {2025: 500_000_000, 2026: 300_000_000}},
    }
    return [Task(code=f"NN.{i:05d}/25", **common) for i in range(n)]


def test_a_summary_of_10000_tasks_is_light() -> None:
    tasks = _tasks(10_000)
    html = Portfolio(tasks).year(2025)._repr_html_()
    assert len(html.encode()) < 50_000
    assert "… và 9.980 nhiệm vụ khác" in html
    assert len(Portfolio(tasks)._repr_html_().encode()) < 50_000


def test_small_lists_have_no_more_line() -> None:
    assert "khác" not in Portfolio(DATA.tasks[:3])._repr_html_()
