"""Phương tiện đo, kiểm định — instrument and verification records, status and due dates.

Every rule reads the verification's own date: the cycle of a verification is the one of
the group-2 list in force on the day it was done, whatever day the status is asked for.

>>> from datetime import date
>>> truck = Instrument(serial="CÔ-0007", type="cân ô tô", verifications=[
...     Verification(verified_on=date(2025, 5, 20), passed=True),
...     Verification(verified_on=date(2026, 5, 20), passed=True)])
>>> truck.type
'Cân ô tô'
>>> truck.valid_until(on=date(2026, 1, 1)), truck.valid_until(on=date(2026, 6, 1))
(datetime.date(2026, 5, 19), datetime.date(2028, 5, 19))
>>> truck.status_on(date(2026, 5, 1))
<InstrumentStatus.DUE_SOON: 'DUE_SOON'>
>>> truck.type_on(on=date(2026, 6, 1)).status.label
'chưa kiểm chứng'
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from datetime import date
from enum import auto

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from vn_skt.calendar import Period
from vn_skt.errors import InvalidValue
from vn_skt.l10n import LabeledEnum, format_date, html_capped, html_model, html_record
from vn_skt.regulations import require_date

from ._instrument_types import InstrumentType, canonical_name, governing_type, instrument_type
from ._validity import valid_until_months

__all__ = ["Instrument", "InstrumentStatus", "Verification", "due_in", "status_of"]


class InstrumentStatus(LabeledEnum):
    """Tình trạng kiểm định — an instrument's verification status on a day."""

    VALID = auto(), "Còn hiệu lực kiểm định"
    DUE_SOON = auto(), "Sắp đến hạn kiểm định"
    OVERDUE = auto(), "Quá hạn kiểm định"
    REJECTED = auto(), "Không đạt, bị loại bỏ"
    NEVER_VERIFIED = auto(), "Chưa kiểm định"
    INITIAL_ONLY = auto(), "Đã kiểm định ban đầu (không kiểm định định kỳ)"


def _canonical(name: str, listed_on: date | None = None) -> str:
    try:
        return canonical_name(name, listed_on=listed_on)
    except LookupError as exc:
        raise ValueError(str(exc)) from None


class Verification(BaseModel):
    """Kiểm định — one verification: date, result, certificate and stamp, who did it.

    ``serial`` names the instrument when the verification belongs to a registry;
    ``instrument_type`` (a name of the group-2 list, stored as the list in force on
    ``verified_on`` writes it when it has it) lets a campaign be summarised by field and
    type.
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
    def _known_type(cls, name: str | None, info: ValidationInfo) -> str | None:
        return None if name is None else _canonical(name, info.data.get("verified_on"))

    def _repr_html_(self) -> str:
        result = "đạt" if self.passed else "không đạt"
        return html_model(self, f"Kiểm định ngày {format_date(self.verified_on)}: {result}")


def _latest(verifications: Iterable[Verification], on: date) -> Verification | None:
    best: Verification | None = None
    for v in verifications:
        if v.verified_on <= on and (best is None or v.verified_on >= best.verified_on):
            best = v
    return best


def status_of(
    kind: InstrumentType | str,
    verifications: Iterable[Verification],
    on: date,
    *,
    due_soon_days: int = 30,
) -> InstrumentStatus:
    """Tình trạng — the status on ``on`` from the verifications done by then.

    The latest verification on or before ``on`` decides, under the list in force on its
    own date: failed → REJECTED; passed and the type has no periodic cycle there →
    INITIAL_ONLY; else VALID, DUE_SOON (fewer than ``due_soon_days`` days left after
    ``on``) or OVERDUE. A type not on the list on that verification's date raises
    RegulationNotFound saying why; with no verification, only the name is checked.
    """
    on = require_date(on, what="status_of(..., on)")
    if type(due_soon_days) is not int or due_soon_days < 0:
        raise InvalidValue(f"due_soon_days {due_soon_days!r}; expected an int >= 0")
    latest = _latest(verifications, on)
    if latest is None:
        if isinstance(kind, str):
            canonical_name(kind)  # an unknown name is an error even with nothing verified
        return InstrumentStatus.NEVER_VERIFIED
    governing = governing_type(kind, latest.verified_on)
    if not latest.passed:
        return InstrumentStatus.REJECTED
    if governing.cycle_months is None:
        return InstrumentStatus.INITIAL_ONLY
    until = valid_until_months(latest.verified_on, governing.cycle_months)
    if on > until:
        return InstrumentStatus.OVERDUE
    if (until - on).days < due_soon_days:
        return InstrumentStatus.DUE_SOON
    return InstrumentStatus.VALID


class Instrument(BaseModel):
    """Phương tiện đo — a measuring instrument in a registry, with its verifications.

    ``type`` is a name of the group-2 list (stored in its full form: the name, and the
    range where the list splits the instrument). The record does not judge its history:
    a verification of a type that was not on the list that day is kept, and the
    calculations (:meth:`valid_until`, :meth:`status_on`) say so with a
    RegulationNotFound.
    """

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
        fields = {
            "Số sản xuất / số hiệu": self.serial,
            "Loại (danh mục PTĐ nhóm 2)": self.type,
            "Chủ sở hữu / đơn vị sử dụng": self.owner,
            "Nơi sử dụng": self.location,
            "Nhà sản xuất": self.manufacturer,
            "Số quyết định phê duyệt mẫu": self.pattern_approval,
            "Số lần kiểm định": len(self.verifications),
        }
        head = html_record(
            f"Phương tiện đo {self.serial}", {k: v for k, v in fields.items() if v is not None}
        )
        latest_first = sorted(self.verifications, key=lambda v: v.verified_on, reverse=True)
        rows = [
            [
                v.verified_on,
                "Đạt" if v.passed else "Không đạt",
                v.certificate_number,
                v.stamp_number,
                v.organization,
            ]
            for v in latest_first
        ]
        if not rows:
            return head
        return head + html_capped(
            ["Ngày kiểm định", "Kết quả", "Số giấy chứng nhận", "Số tem", "Tổ chức kiểm định"],
            rows,
            caption="Các lần kiểm định (mới nhất trước)",
            noun="lần kiểm định",
        )

    def type_on(self, *, on: date) -> InstrumentType:
        """Loại vào ngày — this instrument's type in the list in force on ``on`` (with its
        source and status: say "chưa kiểm chứng" when it is U)."""
        return instrument_type(self.type, on=on)

    def instrument_type(self, *, on: date) -> InstrumentType:
        """Deprecated: :meth:`type_on` (``instrument_type`` is the look-up function and
        the name a verification records; the method had a third meaning)."""
        warnings.warn(
            "Instrument.instrument_type(on=...) is deprecated; use Instrument.type_on(on=...)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.type_on(on=on)

    def last_verification(self, *, on: date) -> Verification | None:
        """Lần kiểm định gần nhất — the latest verification on or before ``on``."""
        return _latest(self.verifications, require_date(on, what="last_verification(on=...)"))

    def valid_until(self, *, on: date) -> date | None:
        """Hiệu lực đến — of the latest verification by ``on``, under the list in force on
        that verification's date (None if there is none, it failed, or only initial
        verification applies)."""
        latest = self.last_verification(on=on)
        if latest is None or not latest.passed:
            return None
        cycle = governing_type(self.type, latest.verified_on).cycle_months
        return None if cycle is None else valid_until_months(latest.verified_on, cycle)

    def next_due(self, *, on: date) -> date | None:
        """Hạn kiểm định tiếp theo — the last day before which the next verification must
        be done: the validity's last day (None as for :meth:`valid_until`)."""
        return self.valid_until(on=on)

    def status_on(self, d: date, *, due_soon_days: int = 30) -> InstrumentStatus:
        """Tình trạng — see :func:`status_of`."""
        return status_of(self.type, self.verifications, d, due_soon_days=due_soon_days)


def due_in(instruments: Sequence[Instrument], period: Period) -> list[Instrument]:
    """Đến hạn trong kỳ — instruments whose current validity ends inside ``period``
    (judged from the verifications done by the period's end, each under the list in
    force on its own date)."""
    dated = []
    for instrument in instruments:
        until = instrument.valid_until(on=period.end)
        if until is not None and period.contains(until):
            dated.append((until, instrument.serial, instrument))
    return [instrument for _, _, instrument in sorted(dated, key=lambda t: (t[0], t[1]))]
