"""Danh mục của người dùng — a whole version of the group-2 list from a user's own CSV
file (their Sở has the signed circular), in the shared format.

Read it with :func:`load_group2_csv`, then register it with
:func:`vn_skt.regulations.register_version`: on the days it covers it replaces the
shipped list. (A TOML file with ``rows_csv = "my-list.csv"`` registered with
:func:`vn_skt.regulations.register_file` does the same; to replace one row only, register
a TOML ``patch = true`` version: see docs/verification-campaigns.md.)

>>> import tempfile
>>> from datetime import date
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "bad.csv").write_text(
...     "item_no,name_vi,measuring_range_or_condition,cycle_months,controls,source,status\\n"
...     "10,Cân ô tô,,12 tháng,,QĐ 01/QĐ-SKHCN,V\\n", encoding="utf-8")
>>> load_group2_csv(folder / "bad.csv", effective_from=date(2026, 4, 15))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
vn_skt.errors.InvalidValue: .../bad.csv, line 2, field 'cycle_months': '12 tháng' is not a whole
number (blank: initial verification only)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vn_skt.errors import InvalidValue
from vn_skt.regulations import Status, Version, require_date
from vn_skt.regulations.metrology_list import Group2Row

from ._instrument_types import TABLE

__all__ = ["load_group2_csv"]


def load_group2_csv(
    path: str | Path,
    *,
    effective_from: date,
    effective_to: date | None = None,
    source: str | None = None,
) -> Version[Group2Row]:
    """Đọc danh mục từ tệp CSV — a version of the ``metrology_group2`` table from a CSV
    file in the shared format (columns ``item_no``, ``name_vi``,
    ``measuring_range_or_condition``, ``cycle_months``, ``controls``, ``source``,
    ``status``), in force from ``effective_from`` through ``effective_to`` (None: open).

    ``source`` cites the document (default: the rows' own source when they share one,
    else the file's name); a row with a blank ``source`` cell cites it. The version's
    status is the weakest of its rows'. Raises InvalidValue naming the file, the line and
    the field of the first problem.
    """
    effective_from = require_date(effective_from, what="load_group2_csv(effective_from=...)")
    if effective_to is not None:
        effective_to = require_date(effective_to, what="load_group2_csv(effective_to=...)")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        raise InvalidValue(f"load_group2_csv: source {source!r}; expected the document cited")
    path = Path(path)
    rows = Group2Row.rows_from_csv(path)
    if source is None:
        cited = {row.source for row in rows.values()}
        source = cited.pop() if len(cited) == 1 and None not in cited else f"tệp {path.name}"
    assert source is not None
    try:
        return Version(
            TABLE,
            effective_from,
            effective_to,
            source,
            Status.weakest(row.status or Status.U for row in rows.values()),
            rows,
            origin=str(path),
        )
    except InvalidValue as exc:
        raise InvalidValue(f"{path}: {exc}") from None
