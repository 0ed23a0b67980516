"""The reference finder reads a plain "d/m/yyyy" date after a reference itself (its hot
path); it must give exactly what ``parse_date`` gives, and refuse what it refuses."""

from __future__ import annotations

from datetime import date

from vn_skt.documents._references import _date_of
from vn_skt.errors import ParseError
from vn_skt.l10n import parse_date


def _parsed(written: str) -> date | None:
    try:
        return parse_date(written)
    except ParseError:
        return None


def test_plain_dates_read_as_parse_date_reads_them() -> None:
    years = ["0000", "1899", "1900", "2000", "2024", "2100", "2101", "9999"]
    months = [*map(str, range(14)), "00", "01", "09", "12"]
    days = [*map(str, range(33)), "00", "01", "09", "29", "31"]
    shapes = ("{d}/{m}/{y}", "{d} tháng {m} năm {y}", "{d} Tháng {m} Năm {y}")
    differ = [
        w
        for w in (
            s.format(d=d, m=m, y=y) for s in shapes for y in years for m in months for d in days
        )
        if _date_of(w) != _parsed(w)
    ]
    assert differ == []


def test_other_shapes_go_through_parse_date() -> None:
    for written in ("09 / 01 /2025", "9//1/2025", "09 tháng 01 năm 2025", "31 tháng 2 năm 2025"):
        assert _date_of(written) == _parsed(written)
