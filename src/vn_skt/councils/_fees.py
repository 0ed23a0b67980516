"""Chi họp hội đồng — the fee per member for one council session, from the ``council_fees``
table (Circular 03/2023/TT-BTC, from 26/02/2023: ceilings in đồng).

>>> from datetime import date
>>> from vn_skt.councils import Council, Member
>>> c = Council(kind="Đánh giá nghiệm thu", members=[
...     Member(name="A", role="Chủ tịch"), Member(name="B", role="Ủy viên phản biện"),
...     Member(name="C", role="Ủy viên")])
>>> session_fees(c, on=date(2024, 6, 5))
{'A': 1800000, 'B': 2500000, 'C': 1500000}
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from vn_skt.errors import InvalidValue
from vn_skt.l10n import fold_text
from vn_skt.regulations import lookup, require_date
from vn_skt.regulations.rows import CouncilFee

from ._enums import Role
from ._models import Council

__all__ = ["FEES_TABLE", "session_fees"]

FEES_TABLE = "council_fees"


def session_fees(
    council: Council, *, on: date, present: Iterable[str] | None = None
) -> dict[str, int]:
    """Chi họp hội đồng — the fee per member for one session held on ``on`` (required):
    the chair's rate for the chair, the member rate for everyone else, plus a written
    review for each reviewer. ``present`` limits it to those who attended."""
    on = require_date(on, what="session_fees(on=...)")
    version = lookup(FEES_TABLE, on=on)
    if council.kind.name not in version.rows:
        raise InvalidValue(
            f"session_fees: {version.source} has no rates for a '{council.kind.label}' "
            f"council (it covers {', '.join(version.rows)})"
        )
    rates: CouncilFee = version.row(council.kind.name)
    if isinstance(present, str):
        msg = f"session_fees: present={present!r} is one string; expected an iterable of names"
        raise InvalidValue(msg)
    keys = None if present is None else {fold_text(n) for n in present}
    fees = {}
    for member in council.members:
        if keys is not None and member.key not in keys:
            continue
        fee = rates.chair if member.role is Role.CHAIR else rates.member
        if member.role is Role.REVIEWER:
            fee += rates.written_review
        fees[member.name] = fee
    return fees
