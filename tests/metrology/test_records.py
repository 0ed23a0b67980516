"""Instruments and verifications: statuses and due dates, each verification under the
list in force on its own date."""

from __future__ import annotations

from datetime import date

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.calendar import Period
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.metrology import (
    Instrument,
    InstrumentStatus,
    Verification,
    due_in,
    instrument_type,
    status_of,
    valid_until,
)

S = InstrumentStatus
SCALE = instrument_type("Cân bàn", on=date(2025, 3, 15))


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (date(2025, 3, 14), S.NEVER_VERIFIED),
        (date(2025, 3, 15), S.VALID),
        (date(2026, 2, 12), S.VALID),
        (date(2026, 2, 13), S.DUE_SOON),  # 29 days left after 13/2: fewer than 30
        (date(2026, 3, 14), S.DUE_SOON),
        (date(2026, 3, 15), S.OVERDUE),
    ],
)
def test_status_edges(on: date, status: InstrumentStatus) -> None:
    history = [Verification(verified_on=date(2025, 3, 15), passed=True)]
    assert status_of(SCALE, history, on) is status
    assert status_of("Cân bàn", history, on) is status


def test_rejected_and_reverified() -> None:
    history = [
        Verification(verified_on=date(2025, 3, 15), passed=False),
        Verification(verified_on=date(2025, 4, 1), passed=True),
    ]
    assert status_of(SCALE, history, date(2025, 3, 20)) is S.REJECTED
    assert status_of(SCALE, history, date(2025, 4, 1)) is S.VALID
    assert status_of(SCALE, history, date(2026, 3, 1), due_soon_days=0) is S.VALID


def test_initial_only_status() -> None:
    tape = [Verification(verified_on=date(2025, 1, 1), passed=True)]
    assert status_of("Thước cuộn", tape, date(2040, 1, 1)) is S.INITIAL_ONLY


def test_status_reads_the_verification_date_not_the_day_asked() -> None:
    # verified in 2025 under the 2024 list (12 months); asked in 2026 under the 2026 list
    history = [Verification(verified_on=date(2025, 5, 20), passed=True)]
    truck_2026 = instrument_type("Cân ô tô", on=date(2026, 5, 1))
    assert status_of(truck_2026, history, date(2026, 5, 20)) is S.OVERDUE
    history.append(Verification(verified_on=date(2026, 5, 20), passed=True))
    assert status_of("Cân ô tô", history, date(2027, 6, 1)) is S.VALID  # 24 months now


def test_status_of_a_type_not_on_the_list_that_day() -> None:
    meter = "Công tơ điện xoay chiều 1 pha kiểu cảm ứng"
    history = [Verification(verified_on=date(2025, 1, 10), passed=True)]
    with pytest.raises(RegulationNotFound, match="removed from 15/10/2024"):
        status_of(meter, history, date(2025, 6, 1))
    assert status_of(meter, [], date(2025, 6, 1)) is S.NEVER_VERIFIED
    with pytest.raises(RegulationNotFound, match="no instrument named"):
        status_of("Cân thần kỳ", [], date(2025, 6, 1))


@pytest.mark.parametrize("bad", [None, "2026-01-01"])
def test_status_needs_a_date(bad: object) -> None:
    with pytest.raises(InvalidValue):
        status_of(SCALE, [], bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="due_soon_days"):
        status_of(SCALE, [], date(2026, 1, 1), due_soon_days=-1)


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
    assert meter.next_due(on=date(2025, 6, 1)) == date(2028, 1, 9)
    assert meter.last_verification(on=date(2025, 1, 9)) is None
    assert Instrument.model_validate_json(meter.model_dump_json()) == meter
    assert meter.type_on(on=date(2026, 5, 1)).status.value == "U"
    with pytest.raises(pydantic.ValidationError, match="did you mean"):
        Instrument(serial="X", type="Công tơ điện xoay chiều 3 pha kiểu điện tu")
    with pytest.raises(pydantic.ValidationError, match="serial 'CT-2'"):
        Instrument(
            serial="CT-1",
            type="Cân bàn",
            verifications=[Verification(verified_on=date(2025, 1, 1), passed=True, serial="CT-2")],
        )


def test_records_store_the_full_official_name() -> None:
    assert (
        Instrument(serial="A", type="cân bàn").type == "Cân bàn; cân đĩa; cân treo dọc thép-lá đề"
    )
    assert Instrument(serial="A", type="PTĐ điện tim").type == "Phương tiện đo điện tim"
    gas = Instrument(serial="G", type="Đồng hồ đo khí dân dụng, Qmax < 16 m³/h")
    assert gas.type == "Đồng hồ đo khí dân dụng (Qmax < 16 m3/h)"
    # a verification stores the name of the list in force on its date
    v = Verification(
        verified_on=date(2026, 5, 1),
        passed=True,
        instrument_type="Cân kiểm tra tải trọng xe cơ giới",
    )
    assert v.instrument_type == "Cân đo tải trọng xe cơ giới"
    v = Verification(
        verified_on=date(2025, 5, 1), passed=True, instrument_type="Cân đo tải trọng xe cơ giới"
    )
    assert v.instrument_type == "Cân kiểm tra tải trọng xe cơ giới"


def test_a_record_keeps_history_the_calculation_judges_it() -> None:
    meter = Instrument(
        serial="CT-9",
        type="Công tơ điện xoay chiều 1 pha kiểu cảm ứng",
        verifications=[Verification(verified_on=date(2025, 1, 10), passed=True)],
    )
    with pytest.raises(RegulationNotFound, match="removed from 15/10/2024"):
        meter.valid_until(on=date(2025, 6, 1))
    with pytest.raises(RegulationNotFound, match="removed"):
        meter.status_on(date(2025, 6, 1))


@pytest.mark.parametrize("bad", [None, "2026-01-01"])
def test_record_methods_need_a_date(bad: object) -> None:
    meter = Instrument(serial="A", type="Cân bàn")
    for method in (
        meter.valid_until,
        meter.next_due,
        meter.last_verification,
        meter.type_on,
    ):
        with pytest.raises(InvalidValue):
            method(on=bad)  # type: ignore[arg-type]


def test_due_in_a_period() -> None:
    def scale(serial: str, kind: str, verified: date) -> Instrument:
        return Instrument(
            serial=serial,
            type=kind,
            verifications=[Verification(verified_on=verified, passed=True)],
        )

    a = scale("A", "Cân bàn", date(2025, 3, 15))
    b = scale("B", "Cân bàn", date(2025, 9, 1))
    c = scale("C", "Thước cuộn", date(2025, 1, 1))
    d = scale("D", "Cân ô tô", date(2025, 2, 1))  # 2024 list: 12 months, due 31/01/2026
    e = scale("E", "Cân ô tô", date(2026, 5, 2))  # 2026 list: 24 months, not due in 2027 Q2
    assert [i.serial for i in due_in([a, b, c, d, e], Period.quarter(2026, 1))] == ["D", "A"]
    assert due_in([e], Period.quarter(2027, 2)) == []
    assert due_in([e], Period.quarter(2028, 2)) == [e]


@given(st.from_type(Instrument), st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 1, 1)))
def test_status_agrees_with_validity(item: Instrument, on: date) -> None:
    status = item.status_on(on)
    until = item.valid_until(on=on)
    last = item.last_verification(on=on)
    if last is not None and last.passed:
        assert until == valid_until(item.type, last.verified_on)
    if status in (S.VALID, S.DUE_SOON):
        assert until is not None and on <= until
    elif status is S.OVERDUE:
        assert until is not None and on > until
    else:
        assert until is None


def test_the_old_instrument_type_method_warns_and_answers_as_type_on() -> None:
    meter = Instrument(serial="X1", type="Cân ô tô")
    with pytest.warns(DeprecationWarning, match="type_on"):
        old = meter.instrument_type(on=date(2026, 5, 1))
    assert old == meter.type_on(on=date(2026, 5, 1))
