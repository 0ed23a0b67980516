from __future__ import annotations

import csv
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pydantic
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import RegulationNotFound
from vn_skt.l10n import Period
from vn_skt.metrology import (
    CampaignSummary,
    Instrument,
    InstrumentStatus,
    Verification,
    catalogue,
    due_dates,
    due_in,
    instrument_type,
    status_of,
    valid_until,
)
from vn_skt.testing.strategies import instruments

S = InstrumentStatus
CSV = (
    Path(__file__).resolve().parents[2] / "src/vn_skt/regulations/data/metrology-group2-cycles.csv"
)
with CSV.open(encoding="utf-8") as _handle:
    ROWS = list(csv.DictReader(_handle))


# -- the catalogue --------------------------------------------------------------------


def test_the_shipped_csv_is_the_shared_one() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared/data/metrology-group2-cycles.csv"
    if shared.exists():
        assert shared.read_bytes() == CSV.read_bytes()


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["instrument"])
def test_every_row(row: dict[str, str]) -> None:
    kind = instrument_type(row["instrument"])
    assert kind.name == row["instrument"] and kind.item == int(row["item"])
    assert kind.cycle_months == (int(row["cycle_months"]) if row["cycle_months"] else None)
    for control in ("pattern_approval", "initial", "periodic", "after_repair"):
        assert getattr(kind, control) is (row[control] == "True")
    assert kind.initial_only == (not row["cycle_months"])
    assert kind.field  # every row has a report field
    assert "23/2013/TT-BKHCN" in kind.source


def test_catalogue_has_every_row_once() -> None:
    assert sorted(t.name for t in catalogue()) == sorted(r["instrument"] for r in ROWS)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Huyết áp kế", "Huyết áp kế (thủy ngân, lò xo, điện tử)"),
        ("áp kế", "Áp kế (lò xo, điện tử, baromet)"),
        ("CÂN BÀN", "Cân bàn"),
        (
            unicodedata.normalize("NFD", "Đồng hồ đo nước lạnh cơ khí"),
            "Đồng hồ đo nước lạnh cơ khí",
        ),
        ("  taximet ", "Taximet"),
        (
            "Công tơ điện xoay chiều 1 pha kiểu điện tử",
            "Công tơ điện xoay chiều 1 pha kiểu điện tử",
        ),
        ("PTĐ nồng độ cồn trong hơi thở", "PTĐ nồng độ cồn trong hơi thở"),
    ],
)
def test_name_matching(name: str, expected: str) -> None:
    assert instrument_type(name).name == expected


def test_unknown_name_suggests() -> None:
    with pytest.raises(RegulationNotFound, match="did you mean 'Cân bàn'"):
        instrument_type("Cân bànn")
    with pytest.raises(RegulationNotFound, match="no instrument named"):
        instrument_type("Máy đo tốc độ tên lửa")


def test_short_names_are_unique_or_refused() -> None:
    # Every short name (qualifier dropped) either finds one type or is refused as ambiguous.
    for row in ROWS:
        short = row["instrument"].split(" (")[0]
        try:
            assert instrument_type(short).name.startswith(short)
        except RegulationNotFound as exc:
            assert "ambiguous" in str(exc)


def test_before_the_list_we_know() -> None:
    with pytest.raises(RegulationNotFound, match="15"):
        instrument_type("Cân bàn", date(2024, 10, 14))
    assert instrument_type("Cân bàn", date(2024, 10, 15)).cycle_months == 12


# -- validity -------------------------------------------------------------------------


def cycle_of(months: int) -> str:
    return next(r["instrument"] for r in ROWS if r["cycle_months"] == str(months))


@pytest.mark.parametrize(
    ("months", "verified", "until"),
    [
        (12, date(2025, 3, 15), date(2026, 3, 14)),
        (6, date(2025, 8, 31), date(2026, 2, 28)),  # 31 August + 6 months
        (18, date(2025, 10, 31), date(2027, 4, 30)),
        (12, date(2024, 2, 29), date(2025, 2, 28)),
        (24, date(2024, 2, 29), date(2026, 2, 28)),
        (6, date(2025, 1, 1), date(2025, 6, 30)),
        (12, date(2025, 12, 31), date(2026, 12, 30)),
        (60, date(2025, 1, 30), date(2030, 1, 29)),
        (36, date(2025, 5, 31), date(2028, 5, 30)),
        (72, date(2025, 3, 31), date(2031, 3, 30)),
        (12, date(2025, 1, 31), date(2026, 1, 30)),
        (6, date(2025, 3, 31), date(2025, 9, 30)),  # 30 September is the last day anyway
    ],
)
def test_valid_until(months: int, verified: date, until: date) -> None:
    assert valid_until(instrument_type(cycle_of(months)), verified) == until


def test_initial_only() -> None:
    thermometer = instrument_type("Nhiệt kế y học thủy tinh-thủy ngân có cơ cấu cực đại")
    assert valid_until(thermometer, date(2025, 1, 1)) is None
    tape = instrument_type("Thước cuộn")
    assert (
        status_of(tape, [Verification(verified_on=date(2025, 1, 1), passed=True)], date(2040, 1, 1))
        is S.INITIAL_ONLY
    )


@given(
    st.sampled_from([t for t in catalogue() if t.cycle_months]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
)
def test_validity_is_the_cycle_less_one_day(kind: object, verified: date) -> None:
    until = valid_until(kind, verified)  # type: ignore[arg-type]
    assert until is not None
    cycle = kind.cycle_months  # type: ignore[attr-defined]
    target = verified + relativedelta(months=cycle)  # clamps to the month's last day
    if target.day == verified.day:
        assert until == target - timedelta(days=1)
    else:  # the month has no such day: its last day
        assert until == target and (until + timedelta(days=1)).day == 1


# -- status ---------------------------------------------------------------------------

SCALE = instrument_type("Cân bàn")


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (date(2025, 3, 14), S.NEVER_VERIFIED),
        (date(2025, 3, 15), S.VALID),
        (date(2026, 2, 12), S.VALID),
        (date(2026, 2, 13), S.DUE_SOON),  # 30 days left: 13/2 .. 14/3 is 29 days after
        (date(2026, 3, 14), S.DUE_SOON),
        (date(2026, 3, 15), S.OVERDUE),
    ],
)
def test_status_edges(on: date, status: InstrumentStatus) -> None:
    history = [Verification(verified_on=date(2025, 3, 15), passed=True)]
    assert status_of(SCALE, history, on) is status


def test_rejected_and_reverified() -> None:
    history = [
        Verification(verified_on=date(2025, 3, 15), passed=False),
        Verification(verified_on=date(2025, 4, 1), passed=True),
    ]
    assert status_of(SCALE, history, date(2025, 3, 20)) is S.REJECTED
    assert status_of(SCALE, history, date(2025, 4, 1)) is S.VALID
    assert status_of(SCALE, history, date(2026, 3, 1), due_soon_days=0) is S.VALID


def test_instrument_record() -> None:
    meter = Instrument(
        serial="CT-1",
        type="công tơ điện xoay chiều 3 pha kiểu điện tử",
        verifications=[
            Verification(
                verified_on=date(2025, 1, 10),
                passed=True,
                certificate_number="GCN-1",
                serial="CT-1",
            )
        ],
    )
    assert meter.type == "Công tơ điện xoay chiều 3 pha kiểu điện tử"
    assert meter.next_due() == date(2028, 1, 9)
    assert Instrument.model_validate_json(meter.model_dump_json()) == meter
    with pytest.raises(pydantic.ValidationError, match="did you mean"):
        Instrument(serial="X", type="Công tơ điện xoay chiều 3 pha kiểu điện tu")
    with pytest.raises(pydantic.ValidationError, match="serial 'CT-2'"):
        Instrument(
            serial="CT-1",
            type="Cân bàn",
            verifications=[Verification(verified_on=date(2025, 1, 1), passed=True, serial="CT-2")],
        )


def test_due_in_a_period() -> None:
    a = Instrument(
        serial="A",
        type="Cân bàn",
        verifications=[Verification(verified_on=date(2025, 3, 15), passed=True)],
    )
    b = Instrument(
        serial="B",
        type="Cân bàn",
        verifications=[Verification(verified_on=date(2025, 9, 1), passed=True)],
    )
    c = Instrument(
        serial="C",
        type="Thước cuộn",
        verifications=[Verification(verified_on=date(2025, 1, 1), passed=True)],
    )
    assert [i.serial for i in due_in([a, b, c], Period.quarter(2026, 1))] == ["A"]


# -- campaign -------------------------------------------------------------------------


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
    assert str(summary) == (
        "kiểm định 1.450 PTĐ, trong đó đạt yêu cầu 1.445 PTĐ, loại bỏ 05 PTĐ; lĩnh vực khối "
        "lượng 250/600 (đạt 42%); lĩnh vực điện – điện từ 1.200/5.000 (đạt 24%); lĩnh vực "
        "quang 00 (không giao kế hoạch)"
    )


def test_campaign_sentence_passes_the_audit() -> None:
    from vn_skt.reporting import audit_text

    vs = [
        Verification(verified_on=date(2025, 5, 2), passed=i % 40 != 0, instrument_type="Cân bàn")
        for i in range(500)
    ]
    text = str(CampaignSummary.from_verifications(vs, plan={"khối lượng": 600})).capitalize()
    assert [f.ok for f in audit_text(text + ".")] == [True, True]


# -- bulk == per-object -----------------------------------------------------------------


@given(
    st.lists(instruments(max_verifications=2), max_size=30),
    st.dates(min_value=date(2024, 10, 15), max_value=date(2032, 12, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_bulk_equals_per_object(items: list[Instrument], on: date, soon: int) -> None:
    latest = [i.last_verification() for i in items]
    registry = pl.DataFrame(
        {
            "type": [i.type for i in items],
            "verified_on": [v.verified_on if v else None for v in latest],
            "passed": [v.passed if v else None for v in latest],
        },
        schema={"type": pl.String, "verified_on": pl.Date, "passed": pl.Boolean},
    )
    out = due_dates(registry, on=on, due_soon_days=soon)
    assert out.height == len(items)
    for row, item, last in zip(out.iter_rows(named=True), items, latest, strict=True):
        kind = item.instrument_type()
        expected_until = (
            valid_until(kind, last.verified_on) if last is not None and last.passed else None
        )
        assert row["valid_until"] == expected_until
        status = status_of(kind, [last] if last else [], on, due_soon_days=soon)
        assert row["status"] == status.name
        assert row["overdue"] == (status is S.OVERDUE)


def test_bulk_refuses_unknown_types_and_columns() -> None:
    frame = pl.DataFrame(
        {
            "type": ["Cân bàn", "Cân thần kỳ"],
            "verified_on": [date(2025, 1, 1)] * 2,
            "passed": [True, True],
        }
    )
    with pytest.raises(RegulationNotFound, match="Cân thần kỳ"):
        due_dates(frame, on=date(2025, 6, 1))
    from vn_skt.errors import InvalidValue

    with pytest.raises(InvalidValue, match="no column 'passed'"):
        due_dates(frame.drop("passed"), on=date(2025, 6, 1))


@given(st.from_type(Instrument), st.dates(min_value=date(2024, 10, 15), max_value=date(2032, 1, 1)))
def test_from_type_and_status_agree_with_validity(item: Instrument, on: date) -> None:
    status = item.status_on(on)
    until = item.valid_until(on)
    if status in (S.VALID, S.DUE_SOON):
        assert until is not None and on <= until
    elif status is S.OVERDUE:
        assert until is not None and on > until
    else:
        assert until is None
