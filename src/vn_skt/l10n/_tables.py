"""Bảng — records and summaries as HTML tables (Jupyter) and pandas frames.

Used by records and summaries for ``_repr_html_`` and ``to_frame()``. Cells are written
the Vietnamese way (labels, dates, numbers). pandas is an optional extra
(``pip install "vn-skt[notebook]"``), imported on first use.

>>> cell(18_460_000_000), cell(date(2025, 2, 9)), cell(True)
('18.460.000.000', '09/02/2025', 'có')
>>> html_table(["Kinh phí"], [[5_000]])[-46:]
'<tbody><tr><td>5.000</td></tr></tbody></table>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

from vn_skt._extras import import_extra

from ._dates import format_date
from ._formatting import format_number

__all__ = ["cell", "frame", "html_model", "html_record", "html_table"]


def cell(value: object) -> str:
    """Ô — a value as report text: labels for enums, Vietnamese dates and numbers."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int | Decimal):
        return format_number(value)
    if isinstance(value, Fraction):
        return format_number(value, 2)
    if isinstance(value, Mapping):
        return "; ".join(f"{cell(k)}: {cell(v)}" for k, v in value.items())
    if isinstance(value, tuple | list):
        return "; ".join(cell(v) for v in value)
    return str(value)


def html_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str = ""
) -> str:
    """Bảng HTML — an escaped table; cells go through :func:`cell`."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_record(title: str, fields: Mapping[str, object]) -> str:
    """Bảng một bản ghi — field / value rows."""
    return html_table(["Trường", "Giá trị"], fields.items(), caption=title)


def html_model(model: Any, title: str) -> str:
    """Bảng một bản ghi pydantic — each field under its description (the Vietnamese
    term) or its name."""
    fields = type(model).model_fields
    return html_record(
        title, {(info.description or name): getattr(model, name) for name, info in fields.items()}
    )


def frame(rows: Iterable[Mapping[str, Any]]) -> Any:
    """Bảng pandas — a DataFrame of plain rows (pandas is the ``notebook`` extra)."""
    pandas: Any = import_extra("pandas", extra="notebook", purpose="to_frame()")
    return pandas.DataFrame(list(rows))
