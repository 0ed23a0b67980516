"""Phương tiện đo, kiểm định — instrument and verification records, status and due dates.

>>> from datetime import date
>>> meter = Instrument(serial="CT-0012345", type="công tơ điện xoay chiều 1 pha kiểu điện tử",
...                    owner="Điện lực tỉnh", verifications=[
...                        Verification(verified_on=date(2020, 3, 10), passed=True)])
>>> meter.type, meter.valid_until()
('Công tơ điện xoay chiều 1 pha kiểu điện tử', datetime.date(2026, 3, 9))
>>> meter.status_on(date(2026, 2, 20)), meter.status_on(date(2026, 3, 10))
(<InstrumentStatus.DUE_SOON: 'DUE_SOON'>, <InstrumentStatus.OVERDUE: 'OVERDUE'>)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vn_skt.errors import InvalidValue
from vn_skt.l10n import Period, html_model
from vn_skt.l10n.labels import LabeledEnum, auto

from .instrument_types import InstrumentType, instrument_type
from .validity import valid_until

__all__ = ["Instrument", "InstrumentStatus", "Verification", "due_in", "status_of"]


class InstrumentStatus(LabeledEnum):
    """Tình trạng kiểm định — an instrument's verification status on a day."""

    VALID = auto(), "Còn hiệu lực kiểm định"
    DUE_SOON = auto(), "Sắp đến hạn kiểm định"
    OVERDUE = auto(), "Quá hạn kiểm định"
    REJECTED = auto(), "Không đạt, bị loại bỏ"
    NEVER_VERIFIED = auto(), "Chưa kiểm định"
    INITIAL_ONLY = auto(), "Đã kiểm định ban đầu (không kiểm định định kỳ)"


class Verification(BaseModel):
    """Kiểm định — one verification: date, result, certificate and stamp, who did it.

    ``serial`` names the instrument when the verification belongs to a registry;
    ``instrument_type`` (a name of the group-2 list) lets a campaign be summarised by
    field and type.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    verified_on: date = Field(description="Ngày kiểm định")
    passed: bool = Field(description="Đạt yêu cầu")
    certificate_number: str | None = Field(default=None, description="Số giấy chứng nhận")
    stamp_number: str | None = Field(default=None, description="Số tem kiểm định")
    organization: str | None = Field(default=None, description="Tổ chức kiểm định")
    serial: str | None = Field(default=None, description="Số sản xuất của phương tiện đo")
    instrument_type: str | None = Field(default=None, description="Tên loại phương tiện đo")

    @field_validator("instrument_type")
    @classmethod
    def _known_type(cls, name: str | None) -> str | None:
        return None if name is None else _canonical(name)


def _canonical(name: str) -> str:
    try:
        return instrument_type(name).name
    except LookupError as exc:
        raise ValueError(str(exc)) from None


def status_of(
    kind: InstrumentType,
    verifications: Iterable[Verification],
    on: date,
    *,
    due_soon_days: int = 30,
) -> InstrumentStatus:
    """Tình trạng — the status on ``on`` from the verifications done by then.

    The latest verification on or before ``on`` decides: failed → REJECTED; passed and
    the type has no periodic cycle → INITIAL_ONLY; else VALID, DUE_SOON (at most
    ``due_soon_days`` days left, its last valid day included) or OVERDUE.
    """
    if type(due_soon_days) is not int or due_soon_days < 0:
        raise InvalidValue(f"due_soon_days {due_soon_days!r}; expected an int >= 0")
    latest = _latest(verifications, on)
    if latest is None:
        return InstrumentStatus.NEVER_VERIFIED
    if not latest.passed:
        return InstrumentStatus.REJECTED
    until = valid_until(kind, latest.verified_on)
    if until is None:
        return InstrumentStatus.INITIAL_ONLY
    if on > until:
        return InstrumentStatus.OVERDUE
    if (until - on).days < due_soon_days:
        return InstrumentStatus.DUE_SOON
    return InstrumentStatus.VALID


def _latest(verifications: Iterable[Verification], on: date | None) -> Verification | None:
    best: Verification | None = None
    for v in verifications:
        if (on is None or v.verified_on <= on) and (
            best is None or v.verified_on >= best.verified_on
        ):
            best = v
    return best


class Instrument(BaseModel):
    """Phương tiện đo — a measuring instrument in a registry, with its verifications."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    serial: str = Field(min_length=1, description="Số sản xuất / số hiệu")
    type: str = Field(description="Tên loại trong danh mục PTĐ nhóm 2")
    owner: str | None = Field(default=None, description="Chủ sở hữu / đơn vị sử dụng")
    location: str | None = Field(default=None, description="Nơi sử dụng")
    manufacturer: str | None = Field(default=None, description="Nhà sản xuất")
    pattern_approval: str | None = Field(default=None, description="Số quyết định phê duyệt mẫu")
    verifications: tuple[Verification, ...] = ()

    @field_validator("type")
    @classmethod
    def _known_type(cls, name: str) -> str:
        return _canonical(name)

    @model_validator(mode="after")
    def _own_verifications(self) -> Instrument:
        for v in self.verifications:
            if v.serial is not None and v.serial != self.serial:
                raise ValueError(
                    f"verifications: a verification of serial {v.serial!r} is attached to "
                    f"instrument {self.serial!r}"
                )
        return self

    def _repr_html_(self) -> str:
        return html_model(self, f"Phương tiện đo {self.serial}")

    def instrument_type(self, on: date | None = None) -> InstrumentType:
        """Loại — this instrument's type in the list in force on ``on``."""
        return instrument_type(self.type, on)

    def last_verification(self, on: date | None = None) -> Verification | None:
        """Lần kiểm định gần nhất — on or before ``on`` (None: any)."""
        return _latest(self.verifications, on)

    def valid_until(self, on: date | None = None) -> date | None:
        """Hiệu lực đến — of the latest passing verification (None if there is none, the
        latest failed, or only initial verification applies)."""
        latest = self.last_verification(on)
        if latest is None or not latest.passed:
            return None
        return valid_until(self.instrument_type(), latest.verified_on)

    def next_due(self, on: date | None = None) -> date | None:
        """Hạn kiểm định tiếp theo — the last day before which the next verification must
        be done: the validity's last day (None as for :meth:`valid_until`)."""
        return self.valid_until(on)

    def status_on(self, d: date, *, due_soon_days: int = 30) -> InstrumentStatus:
        """Tình trạng — see :func:`status_of`."""
        return status_of(self.instrument_type(), self.verifications, d, due_soon_days=due_soon_days)


def due_in(instruments: Sequence[Instrument], period: Period) -> list[Instrument]:
    """Đến hạn trong kỳ — instruments whose current validity ends inside ``period``
    (judged from the verifications done by the period's end)."""
    out = []
    for instrument in instruments:
        until = instrument.valid_until(period.end)
        if until is not None and period.contains(until):
            out.append(instrument)
    return sorted(out, key=lambda i: (i.valid_until(period.end) or date.max, i.serial))
