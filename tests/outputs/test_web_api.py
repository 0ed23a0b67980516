"""The FastAPI example (examples/web_api.py): its schema, its answers, JSON round trips."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from vn_skt.councils import Meeting
from vn_skt.data import sample_province
from vn_skt.ip_titles import ProtectionTitle
from vn_skt.metrology import Instrument
from vn_skt.reporting import AnnualData, report_figures
from vn_skt.tasks import Task

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "web_api.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("web_api_example", EXAMPLE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pydantic resolves the annotations there
    spec.loader.exec_module(module)
    return module


WEB = _load()
CLIENT = TestClient(WEB.app)
DATA = sample_province()


def test_openapi_json_describes_every_record() -> None:
    response = CLIENT.get("/openapi.json")
    assert response.status_code == 200
    schemas = response.json()["components"]["schemas"]
    for name in ["Task", "Meeting", "Council", "ProtectionTitle", "Instrument", "AnnualData"]:
        assert any(key.startswith(name) for key in schemas), name


def test_tasks_round_trip() -> None:
    got = [Task.model_validate(t) for t in CLIENT.get("/tasks").json()]
    assert got == list(DATA.tasks)
    one = CLIENT.get(f"/tasks/{DATA.tasks[0].code}")
    assert Task.model_validate_json(one.text) == DATA.tasks[0]
    assert CLIENT.get("/tasks/KHÔNG/CÓ").status_code == 404


def test_meetings_titles_instruments_round_trip() -> None:
    meetings = [Meeting.model_validate(m) for m in CLIENT.get("/meetings").json()]
    assert meetings == list(DATA.meetings)
    titles = [ProtectionTitle.model_validate(t) for t in CLIENT.get("/titles").json()]
    assert titles == list(DATA.titles)
    serial = DATA.instruments[0].serial
    got = Instrument.model_validate_json(CLIENT.get(f"/instruments/{serial}").text)
    assert got == DATA.instruments[0]


def test_a_councils_verdict() -> None:
    body = CLIENT.get("/meetings/0/verdict").json()
    meeting = DATA.meetings[0]
    assert body["verdict"] == meeting.verdict().label
    assert body["quorum_met"] is True
    assert body["reasons"] == list(meeting.judgement().reasons)
    assert CLIENT.get("/meetings/99/verdict").status_code == 404


def test_a_titles_next_deadline() -> None:
    body = CLIENT.get("/titles/1/next-deadline", params={"on": "2025-12-31"}).json()
    title = DATA.titles[1]
    from datetime import date

    assert body["next_action"] == title.next_action(on=date(2025, 12, 31))
    assert ProtectionTitle.model_validate(body["title"]) == title
    # the day is required: a rule is never applied on "the latest" day
    assert CLIENT.get("/titles/1/next-deadline").status_code == 422


def test_an_instruments_due_date() -> None:
    from datetime import date

    instrument = DATA.instruments[0]
    body = CLIENT.get(f"/instruments/{instrument.serial}/due", params={"on": "2025-12-31"}).json()
    assert body["next_due"] == instrument.next_due(on=date(2025, 12, 31)).isoformat()
    assert CLIENT.get("/instruments/NO-SUCH/due", params={"on": "2025-12-31"}).status_code == 404


def test_annual_data_posted_as_json() -> None:
    small = AnnualData(
        province=DATA.province,
        tasks=DATA.tasks,
        meetings=DATA.meetings,
        titles=DATA.titles,
        instruments=DATA.instruments[:20],
        plans=DATA.plans,
    )
    response = CLIENT.post(
        "/figures",
        params={"year": 2025},
        content=small.model_dump_json(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["tasks"] == report_figures(small, 2025)["tasks"]
