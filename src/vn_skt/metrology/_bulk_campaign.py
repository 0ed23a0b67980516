"""Số liệu đợt kiểm định hàng loạt — a campaign's figures from a whole batch of
verifications, as a small table that adds up across batches.

:func:`campaign_figures` is the bulk of
:meth:`CampaignSummary.from_verifications <vn_skt.metrology.CampaignSummary.from_verifications>`:
one row per group (field, type, rule status), each verification typed under the group-2
list in force on its own date, with ``total`` (verifications counted), ``passed``,
``rejected``, ``unverified`` (counted on a U row) and ``errors`` (rows that could not be
counted: no date, no result, a type not on the list that day, an unknown name), in the
group with null field, type and status. Nothing is dropped: ``total + errors`` adds up
to the input rows. A verification with no type counts in the totals only (that same
group's ``total``), as per object.

The figures of several batches combine by summing per group
(:func:`combine_campaign_figures`), so a registry cut in batches anywhere — by a scan or
by Dask — gives the figures of the whole; :func:`campaign_summary` turns them into the
:class:`~vn_skt.metrology.CampaignSummary` of the report.

>>> import polars as pl
>>> from datetime import date
>>> batch = pl.DataFrame({
...     "type": ["Cân bàn", "Cân bàn", "Taximet", "Cân thần kỳ", None, "Cân bàn"],
...     "verified_on": [date(2025, 5, 2)] * 5 + [date(2025, 5, 3)],
...     "passed": [True, False, True, True, True, None],
... })
>>> figures = campaign_figures(batch)
>>> figures.select("field", "type", "rule_status", "total", "passed", "errors").rows()
[(None, None, None, 1, 1, 2),
 ('khối lượng', 'Cân bàn; cân đĩa; cân treo dọc thép-lá đề', 'U', 2, 1, 0),
 ('taximet – tốc độ', 'Taximet', 'V2', 1, 1, 0)]
>>> print(campaign_summary(figures, plan={"khối lượng": 6}, skip_errors=True))
kiểm định 04 PTĐ, trong đó đạt yêu cầu 03 PTĐ, loại bỏ 01 PTĐ; lĩnh vực khối lượng 02/06 (đạt 33%)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from vn_skt._columns import frame_in, polars, require_columns
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import Status

from ._bulk import _typed, missing_result
from ._bulk_rules import explain, key_column, keys_of
from ._campaign import CampaignSummary

__all__ = ["FIGURES", "campaign_figures", "campaign_summary", "combine_campaign_figures"]

GROUP = ("field", "type", "rule_status")
COUNTS = ("total", "passed", "rejected", "unverified", "errors")
FIGURES = (*GROUP, *COUNTS)
"""The columns of a figures table: the group, then the counts (Int64)."""


def _schema(plm: Any) -> dict[str, Any]:
    statuses = plm.Enum([s.value for s in Status])
    return {
        "field": plm.String,
        "type": plm.String,
        "rule_status": statuses,
        **dict.fromkeys(COUNTS, plm.Int64),
    }


def _grouped(plm: Any, frame: Any) -> Any:
    """Sum the counts per group, in one order (so equal figures are equal tables)."""
    return (
        frame.group_by(*GROUP)
        .agg(plm.col(c).sum().cast(plm.Int64) for c in COUNTS)
        .sort(*GROUP, nulls_last=False)
        .select(FIGURES)
    )


def campaign_figures(
    verifications: Any,
    *,
    type_column: str = "type",
    verified_column: str = "verified_on",
    passed_column: str = "passed",
    strict: bool = False,
) -> Any:
    """Số liệu đợt kiểm định — per group of (``field`` String, ``type`` String,
    ``rule_status`` Enum V/V2/U) the counts ``total``, ``passed``, ``rejected``,
    ``unverified`` and ``errors`` (Int64) of a batch of verifications.

    ``verifications`` is a polars DataFrame, a pyarrow RecordBatch or Table, a pandas
    DataFrame or a dict of columns, one row per verification: the type name (String,
    Categorical or Enum; null: totals only), the date (Date) and the result (Boolean);
    the figures come back as the same kind of table. ``type`` is the full name under
    the list in force on the verification's date, ``field`` its report field (null when
    the grouping has none). Rows that cannot be counted (no date, no result, a type not
    on the list that day, an unknown name) are counted in ``errors`` of the group with
    null field, type and status, never dropped: ``total + errors`` sums to the rows.
    ``strict=True`` raises the per-object error of the first such rows instead.
    """
    plm = polars("campaign_figures")
    frame, back = frame_in(verifications, what="campaign_figures")
    require_columns(frame, (type_column, verified_column, passed_column), what="campaign_figures")
    frame = _typed(plm, frame, verified_column, passed_column, what="campaign_figures")
    if strict:
        _raise_first(plm, frame, (type_column, verified_column, passed_column))
    column = key_column(
        plm,
        frame.get_column(type_column),
        frame.get_column(verified_column),
        what="campaign_figures",
    )
    verified = plm.col(verified_column)
    passed = plm.col(passed_column)
    # one pass: group by (name, span) key and whether the result is missing
    counted = (
        frame.lazy()
        .select(
            column.key,
            plm.col(type_column).alias("_name"),
            passed,
            _missing=(verified.is_not_null() & passed.is_null()).cast(plm.UInt32),
        )
        .group_by(_g=plm.col("_key") * 2 + plm.col("_missing"))
        .agg(_n=plm.len(), _p=passed.sum(), _name=plm.col("_name").first())
        .collect()
    )
    fields: list[str | None] = []
    types: list[str | None] = []
    statuses: list[str | None] = []
    unverified: list[bool] = []
    errors: list[bool] = []
    written = counted.get_column("_name").cast(plm.String).to_list()
    for g, spelling in zip(counted.get_column("_g").to_list(), written, strict=True):
        key, missing = divmod(g, 2)  # one pass per distinct (name, span): a few hundred
        name, found = column.resolve(key, spelling)
        no_date = key % column.width == 0
        error = bool(missing) or no_date or (name is not None and found.failed)
        kind = found.kind if name is not None and not error else None
        errors.append(error)
        fields.append(kind.field if kind is not None else None)
        types.append(kind.full_name if kind is not None else None)
        statuses.append(kind.status.value if kind is not None else None)
        unverified.append(kind is not None and not kind.verified)
    schema = _schema(plm)
    is_error = plm.col("_e")
    n = plm.col("_n").cast(plm.Int64)
    p = plm.col("_p").cast(plm.Int64)
    groups = counted.with_columns(
        field=plm.Series(fields, dtype=plm.String),
        type=plm.Series(types, dtype=plm.String),
        rule_status=plm.Series(statuses, dtype=schema["rule_status"]),
        _u=plm.Series(unverified, dtype=plm.Boolean),
        _e=plm.Series(errors, dtype=plm.Boolean),
    ).select(
        *GROUP,
        total=plm.when(is_error).then(0).otherwise(n),
        passed=plm.when(is_error).then(0).otherwise(p),
        rejected=plm.when(is_error).then(0).otherwise(n - p),
        unverified=plm.when(plm.col("_u")).then(n).otherwise(0),
        errors=plm.when(is_error).then(n).otherwise(0),
    )
    return back(_grouped(plm, groups))


def _raise_first(plm: Any, frame: Any, columns: tuple[str, str, str]) -> None:
    """Raise the per-object error of the first (up to five) rows that cannot be counted."""
    type_column, verified_column, passed_column = columns
    keys = keys_of(
        plm,
        frame.get_column(type_column),
        frame.get_column(verified_column),
        what="campaign_figures",
    )
    failed = [r is not None and r.failed for r in keys.table]
    named = [name is not None for name in keys.names]
    verified = plm.col(verified_column)
    error = (
        verified.is_null()
        | plm.col(passed_column).is_null()
        | (keys.column(plm, named, plm.Boolean) & keys.column(plm, failed, plm.Boolean))
    )
    work = frame.with_columns(keys.key)
    rows = work.select(error).to_series().arg_true()
    if rows.len() == 0:
        return
    sub = work.gather(rows.head(5)).with_columns(_day=verified)
    texts = []
    rule_failed = False
    for i, row in enumerate(sub.iter_rows(named=True)):
        if row["_day"] is None:
            texts.append("a verification has no date (verified_on is null)")
        elif row[passed_column] is None:
            texts.append(sub.slice(i, 1).select(missing_result(plm, type_column, "_day")).item())
        else:
            rule_failed = True
            texts.append(explain(plm, sub.slice(i, 1), keys, plm.Series([0], dtype=plm.UInt32))[0])
    message = f"campaign_figures: {rows.len()} rows cannot be counted: {'; '.join(texts)}"
    if rule_failed:
        raise RegulationNotFound(message)
    raise InvalidValue(message)


def combine_campaign_figures(figures: Iterable[Any]) -> Any:
    """Cộng số liệu — the figures of several batches as the figures of their union (a sum
    per group), as the kind of table the first one is.

    >>> import polars as pl
    >>> from datetime import date
    >>> whole = pl.DataFrame({"type": ["Cân bàn", "Taximet", "Cân bàn"],
    ...                       "verified_on": [date(2025, 5, 2)] * 3, "passed": [True] * 3})
    >>> halves = [campaign_figures(whole.head(1)), campaign_figures(whole.tail(2))]
    >>> combine_campaign_figures(halves).equals(campaign_figures(whole))
    True
    """
    plm = polars("combine_campaign_figures")
    frames = []
    back = None
    for item in figures:
        frame, own = frame_in(item, what="combine_campaign_figures")
        require_columns(frame, FIGURES, what="combine_campaign_figures")
        frames.append(frame.select(FIGURES).cast(_schema(plm)))
        back = back or own
    if back is None:
        raise InvalidValue("combine_campaign_figures: got no figures; expected one table or more")
    return back(_grouped(plm, plm.concat(frames)))


def campaign_summary(
    figures: Any, *, plan: Mapping[str, int] | None = None, skip_errors: bool = False
) -> CampaignSummary:
    """Tổng hợp từ số liệu — the :class:`~vn_skt.metrology.CampaignSummary` of a figures
    table (of :func:`campaign_figures` or :func:`combine_campaign_figures`), equal to
    ``CampaignSummary.from_verifications`` on the same verifications.

    Rows in error make it raise InvalidValue saying how many (the per-object summary
    raises on the first); ``skip_errors=True`` summarises the rows that could be counted.
    """
    plm = polars("campaign_summary")
    frame, _ = frame_in(figures, what="campaign_summary")
    require_columns(frame, FIGURES, what="campaign_summary")
    errors = int(frame.get_column("errors").sum())
    if errors and not skip_errors:
        raise InvalidValue(
            f"campaign_summary: {errors} verifications could not be counted (no date, no "
            f"result, or a type not on the list in force on their date); see their issue "
            f"with due_dates(...) and row_issues, or pass skip_errors=True"
        )
    typed = frame.filter(plm.col("type").is_not_null() & (plm.col("total") > 0))
    by_field = (
        typed.filter(plm.col("field").is_not_null()).group_by("field").agg(plm.col("total").sum())
    )
    by_type = typed.group_by("type").agg(plm.col("total").sum())
    statuses = [Status(s) for s in typed.get_column("rule_status").cast(plm.String).to_list()]
    return CampaignSummary.from_counts(
        total=int(frame.get_column("total").sum()),
        passed=int(frame.get_column("passed").sum()),
        by_field=dict(by_field.iter_rows()),
        by_type=dict(by_type.iter_rows()),
        plan=plan,
        rule_status=Status.weakest(statuses),
        unverified=int(frame.get_column("unverified").sum()),
    )
