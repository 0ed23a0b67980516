"""Bảng — records and summaries as HTML tables (Jupyter) and pandas frames, and the
labels of their columns.

Used by records and summaries for ``_repr_html_`` and ``to_frame()``. Cells are written
the Vietnamese way (labels, dates, numbers). pandas is an optional extra
(from a checkout: ``pip install -e ".[notebook]"``), imported on first use.

>>> cell(18_460_000_000), cell(date(2025, 2, 9)), cell(True)
('18.460.000.000', '09/02/2025', 'có')
>>> html_table(["Kinh phí"], [[5_000]])[-46:]
'<tbody><tr><td>5.000</td></tr></tbody></table>'

A record's column labels are data (a TOML file read by :func:`read_labels`): for each
field its Vietnamese title, its English meaning, the header a sheet or a frame writes
(with a unit), and the other headers a sheet may use. One table feeds the record's JSON
Schema, the loader, the frames and the HTML views, so they cannot disagree.

>>> label = ColumnLabel("counterpart", "Kinh phí đối ứng", "counterpart funds", unit="đồng",
...                     aliases=("Đối ứng",))
>>> label.column(), label.column(unit="triệu đồng"), label.description
('Kinh phí đối ứng (đồng)', 'Kinh phí đối ứng (triệu đồng)', 'Kinh phí đối ứng — counterpart funds')
>>> budget = ColumnLabel("state_budget", "Kinh phí NSNN theo năm", "state budget per year",
...                      header="Kinh phí NSNN năm {year}", unit="đồng",
...                      aliases=("[Kinh phí ]NSNN[ năm] {year}",))
>>> labels = ColumnLabels([label, budget], source="example")
>>> budget.column(year=2025)
'Kinh phí NSNN năm 2025 (đồng)'
>>> labels.match("ĐỐI ỨNG"), labels.match("nsnn 2026")
((ColumnLabel(name='counterpart', ...), None), (ColumnLabel(name='state_budget', ...), 2026))
>>> labels.match("Màu sắc") is None
True
"""

from __future__ import annotations

import html
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any, TypedDict

import attrs

from vn_skt._extras import import_extra
from vn_skt.errors import InvalidValue

from ._dates import format_date
from ._formatting import format_number
from ._text import fold_text

__all__ = [
    "HTML_ROWS",
    "ColumnLabel",
    "ColumnLabels",
    "SchemaText",
    "cell",
    "frame",
    "html_capped",
    "html_model",
    "html_record",
    "html_table",
    "read_labels",
]


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
        return "; ".join(f"{_key(k)}: {cell(v)}" for k, v in value.items())
    if hasattr(type(value), "model_fields"):  # a nested record: its filled fields, labelled
        return "; ".join(f"{label}: {cell(v)}" for label, v in _filled_fields(value).items())
    if isinstance(value, tuple | list):
        return "; ".join(cell(v) for v in value)
    return str(value)


HTML_ROWS = 20
"""Rows a notebook view shows before its "… và 9.980 nhiệm vụ khác" line."""


def _key(key: object) -> str:
    return str(key) if isinstance(key, int) and not isinstance(key, bool) else cell(key)


def _label_of(name: str, info: Any) -> str:
    """A field's Vietnamese label: its title, else its description's term (the text before
    " — " or ": ", which give the English meaning or examples), else its name."""
    return str(info.title or info.description or name).split(" — ")[0].split(": ")[0]


def _filled_fields(model: Any) -> dict[str, object]:
    return {
        _label_of(name, info): value
        for name, info in type(model).model_fields.items()
        if (value := getattr(model, name)) not in (None, "", (), {}, [])
    }


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    caption: str = "",
    total: int | None = None,
    noun: str = "dòng",
) -> str:
    """Bảng HTML — an escaped table; cells go through :func:`cell`.

    With ``total`` (how many rows there are in all, of which ``rows`` are the first
    ones), a last line says how many are not shown:

    >>> "… và 9.980 nhiệm vụ khác" in html_table(["Mã"], [["01"]] * 20, total=10_000,
    ...                                          noun="nhiệm vụ")
    True
    """
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    shown = [
        "<tr>" + "".join(f"<td>{html.escape(cell(v))}</td>" for v in row) + "</tr>" for row in rows
    ]
    if total is not None and total > len(shown):
        rest = f"… và {format_number(total - len(shown))} {noun} khác"
        shown.append(f'<tr><td colspan="{len(headers)}"><em>{html.escape(rest)}</em></td></tr>')
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(shown)}</tbody></table>"


def html_capped(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    caption: str = "",
    noun: str = "dòng",
    limit: int = HTML_ROWS,
) -> str:
    """Bảng HTML có giới hạn — the first ``limit`` rows of ``rows``, then the line saying
    how many more there are (a notebook stays light for 10.000 records)."""
    return html_table(headers, rows[:limit], caption=caption, total=len(rows), noun=noun)


def html_record(title: str, fields: Mapping[str, object]) -> str:
    """Bảng một bản ghi — field / value rows."""
    return html_table(["Trường", "Giá trị"], fields.items(), caption=title)


def html_model(model: Any, title: str) -> str:
    """Bảng một bản ghi pydantic — each field under its title (the Vietnamese label a
    record takes from its label table), else its description (the Vietnamese term), else
    its name."""
    fields = type(model).model_fields
    return html_record(
        title, {_label_of(name, info): getattr(model, name) for name, info in fields.items()}
    )


def frame(rows: Iterable[Mapping[str, Any]]) -> Any:
    """Bảng pandas — a DataFrame of plain rows (pandas is the ``notebook`` extra)."""
    pandas: Any = import_extra("pandas", extra="notebook", purpose="to_frame()")
    return pandas.DataFrame(list(rows))


# -- column labels -----------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_PATTERN_PART = re.compile(r"\[([^\[\]]*)\]|\{year\}|[^\[\]{}]+")


class SchemaText(TypedDict):
    """``title`` and ``description``: what a pydantic ``Field`` takes from a label."""

    title: str
    description: str


@attrs.frozen
class ColumnLabel:
    """Nhãn cột — one field's labels: Vietnamese title, English meaning, header, unit.

    ``header`` is what a sheet or a frame writes above the column (``vi`` when not given;
    ``{year}`` stands for a year); ``unit`` follows it in brackets; ``aliases`` are the
    other headers a sheet may use (``[...]`` an optional part, ``{year}`` a year).
    """

    name: str
    vi: str
    en: str
    header: str = attrs.field(
        default=attrs.Factory(lambda self: self.vi, takes_self=True), kw_only=True
    )
    unit: str | None = attrs.field(default=None, kw_only=True)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple, kw_only=True)

    @property
    def description(self) -> str:
        """Mô tả — ``"vi — en"``, the form of every docstring and JSON description."""
        return f"{self.vi} — {self.en}"

    @property
    def json_schema(self) -> SchemaText:
        """Tiêu đề và mô tả — ``title`` and ``description`` for a pydantic ``Field``."""
        return {"title": self.vi, "description": self.description}

    def column(self, *, unit: str | None = None, **fill: object) -> str:
        """Tiêu đề cột — the header with its placeholders filled and its unit
        (``unit=`` writes another unit, "triệu đồng" for a sheet in millions)."""
        missing = sorted(set(_PLACEHOLDER.findall(self.header)) - set(fill))
        if missing:
            msg = f"column {self.name!r}: {self.header!r} needs {', '.join(missing)}="
            raise InvalidValue(msg)
        text = self.header.format(**fill) if fill else self.header
        unit = unit or self.unit
        return f"{text} ({unit})" if unit else text


def _pattern(text: str) -> re.Pattern[str]:
    """A folded alias with ``[optional]`` parts and a ``{year}`` as a regex."""
    out = []
    for match in _PATTERN_PART.finditer(text):
        part = match.group(0)
        if part == "{year}":
            out.append(r"([0-9]{4})")
        elif match.group(1) is not None:
            out.append(f"(?:{re.escape(match.group(1))})?")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out).replace(r"\ ", "[ _]"))


class ColumnLabels(Mapping[str, ColumnLabel]):
    """Nhãn các cột — one record's column labels by field name, and the reverse: which
    field a header names."""

    def __init__(self, labels: Iterable[ColumnLabel], *, source: str) -> None:
        self.source = source
        self._labels: dict[str, ColumnLabel] = {}
        self._exact: dict[str, ColumnLabel] = {}
        self._patterns: list[tuple[re.Pattern[str], ColumnLabel]] = []
        for label in labels:
            if label.name in self._labels:
                raise InvalidValue(f"{source}: {label.name!r} is labelled twice")
            self._labels[label.name] = label
            for text in (label.name, label.vi, label.header, *label.aliases):
                folded = fold_text(text)
                if "{" in folded or "[" in folded:
                    self._patterns.append((_pattern(folded), label))
                    continue
                other = self._exact.setdefault(folded, label)
                if other is not label:
                    raise InvalidValue(
                        f"{source}: the header {text!r} names both {other.name!r} and "
                        f"{label.name!r}"
                    )

    def __getitem__(self, name: str) -> ColumnLabel:
        try:
            return self._labels[name]
        except KeyError:
            raise InvalidValue(
                f"{self.source}: no label for {name!r} (labelled: {', '.join(self._labels)})"
            ) from None

    def __contains__(self, name: object) -> bool:
        return name in self._labels

    def get(self, name: str, default: Any = None) -> Any:
        """The label of ``name``, or ``default`` (``[name]`` raises InvalidValue)."""
        return self._labels.get(name, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __repr__(self) -> str:
        return f"ColumnLabels({self.source!r}, {list(self._labels)})"

    def match(self, header: str) -> tuple[ColumnLabel, int | None] | None:
        """Đọc tiêu đề — the label a header names (folded: any case, Unicode form, tone
        placement), with the year a ``{year}`` header carries; None when it names none."""
        folded = fold_text(header)
        label = self._exact.get(folded)
        if label is not None:
            return label, None
        for pattern, candidate in self._patterns:
            found = pattern.fullmatch(folded)
            if found:
                return candidate, int(found.group(1)) if found.groups() else None
        return None


_LABEL_KEYS = {"vi": str, "en": str, "header": str, "unit": str, "aliases": list}


def _label(where: str, name: str, entry: object) -> ColumnLabel:
    if not isinstance(entry, dict):
        raise InvalidValue(f"{where}: expected a table of vi, en, header, unit, aliases")
    unknown = sorted(set(entry) - set(_LABEL_KEYS))
    missing = sorted({"vi", "en"} - set(entry))
    if unknown or missing:
        raise InvalidValue(f"{where}: unknown keys {unknown}, missing keys {missing}")
    for key, value in entry.items():
        kind = _LABEL_KEYS[key]
        if not isinstance(value, kind) or (
            kind is list and not all(isinstance(v, str) for v in value)
        ):
            expected = "a list of strings" if kind is list else "a string"
            raise InvalidValue(f"{where}.{key}: got {value!r}; expected {expected}")
    texts = [entry.get("header", ""), *entry.get("aliases", [])]
    for text in texts:
        unknown_marks = set(_PLACEHOLDER.findall(text)) - {"year"}
        if unknown_marks or text.count("[") != text.count("]"):
            raise InvalidValue(
                f"{where}: {text!r}; expected '{{year}}' as the only placeholder and "
                f"balanced [optional] parts"
            )
    return ColumnLabel(
        name,
        entry["vi"],
        entry["en"],
        header=str(entry.get("header") or entry["vi"]),
        unit=entry.get("unit"),
        aliases=tuple(entry.get("aliases", ())),
    )


def read_labels(text: str, *, source: str) -> dict[str, ColumnLabels]:
    """Đọc bảng nhãn — the label tables of a TOML text, one per top-level table
    (``[task.code]`` → ``result["task"]["code"]``), checked once: ``source`` (the file)
    and the entry are named in every error."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValue(f"{source}: not valid TOML: {exc}") from exc
    tables: dict[str, ColumnLabels] = {}
    for record, entries in data.items():
        if not isinstance(entries, dict):
            raise InvalidValue(f"{source}: [{record}] should be a table of labels")
        labels = [
            _label(f"{source}: [{record}.{name}]", name, entry) for name, entry in entries.items()
        ]
        tables[record] = ColumnLabels(labels, source=f"{source} [{record}]")
    return tables
