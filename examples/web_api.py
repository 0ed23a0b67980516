"""Một API web nhỏ — a FastAPI app over the sample province's records.

It serves the tasks, a council meeting's verdict, a protection title's next deadline and
an instrument's verification due date; every response is a vn-skt record or a small
pydantic model, so ``/openapi.json`` describes them all (the records' JSON Schemas in
serialization mode) and a client reads the JSON back into the same records.

Run it with ``uvicorn web_api:app`` from this directory (``pip install fastapi uvicorn``);
run as a script it calls itself through FastAPI's test client and prints what it got.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, TypeVar

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

from vn_skt.councils import Meeting
from vn_skt.data import sample_province
from vn_skt.ip_titles import ProtectionTitle
from vn_skt.metrology import Instrument
from vn_skt.reporting import AnnualData, report_figures
from vn_skt.tasks import Task

DATA = sample_province()
T = TypeVar("T")

OnDay = Annotated[date, Query(description="Ngày xem xét (ISO 8601) — the day things are seen on")]


class VerdictOut(BaseModel):
    """Kết luận hội đồng — a meeting's verdict with its reasons and the rules followed."""

    council: str = Field(description="Tên hội đồng")
    kind: str = Field(description="Loại hội đồng")
    meeting_date: date | None = Field(description="Ngày biên bản họp")
    quorum_met: bool = Field(description="Đủ điều kiện họp")
    verdict: str | None = Field(description="Kết luận (nhãn tiếng Việt)")
    reasons: list[str] = Field(description="Lý do")
    rules: str = Field(description="Quy định áp dụng")


class DeadlineOut(BaseModel):
    """Hạn tiếp theo — what a title's owner must do next, seen on a day."""

    title: ProtectionTitle
    on: date = Field(description="Ngày xem xét")
    status: str = Field(description="Tình trạng")
    next_action: str = Field(description="Việc cần làm")
    expiry_date: date | None = Field(description="Ngày hết hiệu lực")


class DueOut(BaseModel):
    """Hạn kiểm định — an instrument's next verification date, seen on a day."""

    serial: str = Field(description="Số sản xuất")
    on: date = Field(description="Ngày xem xét")
    status: str = Field(description="Tình trạng kiểm định")
    next_due: date | None = Field(description="Hạn kiểm định tiếp theo")


def create_app(data: AnnualData = DATA) -> FastAPI:
    """Ứng dụng — the app over ``data``."""
    app = FastAPI(title=f"vn-skt: {data.province}", version="1")

    @app.get("/tasks")
    def tasks() -> list[Task]:
        return list(data.tasks)

    @app.get("/tasks/{code:path}")
    def task(code: str) -> Task:
        for t in data.tasks:
            if t.code == code:
                return t
        raise HTTPException(404, f"không có nhiệm vụ mã {code!r}")

    @app.get("/meetings")
    def meetings() -> list[Meeting]:
        return list(data.meetings)

    @app.get("/meetings/{index}/verdict")
    def verdict(index: int) -> VerdictOut:
        meeting = _item(data.meetings, index, "phiên họp")
        quorum = meeting.quorum()
        council = meeting.council
        name = council.subject or (council.task.title if council.task else "")
        judged = meeting.judgement() if quorum.met and meeting.votes else None
        return VerdictOut(
            council=name,
            kind=council.kind.label,
            meeting_date=meeting.minutes_date,
            quorum_met=quorum.met,
            verdict=judged.label if judged else None,
            reasons=list(judged.reasons if judged else quorum.reasons),
            rules=str(meeting.applied_rules()),
        )

    @app.get("/titles")
    def titles() -> list[ProtectionTitle]:
        return list(data.titles)

    @app.get("/titles/{index}/next-deadline")
    def deadline(index: int, on: OnDay) -> DeadlineOut:
        title = _item(data.titles, index, "văn bằng")
        return DeadlineOut(
            title=title,
            on=on,
            status=title.status_on(on).label,
            next_action=title.next_action(on=on),
            expiry_date=title.expiry_date(),
        )

    @app.get("/instruments/{serial}")
    def instrument(serial: str) -> Instrument:
        return _instrument(data, serial)

    @app.get("/instruments/{serial}/due")
    def due(serial: str, on: OnDay) -> DueOut:
        found = _instrument(data, serial)
        return DueOut(
            serial=serial,
            on=on,
            status=found.status_on(on).label,
            next_due=found.next_due(on=on),
        )

    @app.post("/figures")
    def figures(posted: AnnualData, year: int) -> dict[str, object]:
        return report_figures(posted, year)

    return app


def _item(items: tuple[T, ...], index: int, what: str) -> T:
    if not 0 <= index < len(items):
        raise HTTPException(404, f"không có {what} số {index} (có {len(items)})")
    return items[index]


def _instrument(data: AnnualData, serial: str) -> Instrument:
    for i in data.instruments:
        if i.serial == serial:
            return i
    raise HTTPException(404, f"không có phương tiện đo số {serial!r}")


app = create_app()


if __name__ == "__main__":
    from fastapi.testclient import TestClient

    client = TestClient(app)
    schema = client.get("/openapi.json").json()
    print(f"{len(schema['paths'])} đường dẫn, {len(schema['components']['schemas'])} lược đồ")
    print(client.get("/meetings/0/verdict").json()["verdict"])
    print(client.get("/titles/1/next-deadline", params={"on": "2025-12-31"}).json()["next_action"])
    print(client.get("/instruments/MS-00000/due", params={"on": "2025-12-31"}).json()["next_due"])
