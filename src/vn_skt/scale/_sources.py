"""Nguồn dữ liệu — a dataset larger than memory as a polars LazyFrame (a scan, never a read)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vn_skt._columns import polars
from vn_skt.errors import InvalidValue

__all__ = ["Source", "lazy_source"]

Source = Any
"""A path (a Parquet or CSV file, a directory of Parquet files, a glob), or a LazyFrame."""

_SCANS = {".parquet": "scan_parquet", ".csv": "scan_csv", ".ipc": "scan_ipc", ".arrow": "scan_ipc"}


def lazy_source(source: Source, *, what: str) -> Any:
    """Quét — ``source`` as a LazyFrame: ``scan_parquet`` / ``scan_csv`` / ``scan_ipc`` by
    the file's suffix (a directory: every ``*.parquet`` in it), or the LazyFrame itself.

    Nothing is read here; a file that does not exist is an InvalidValue naming it.
    """
    pl = polars(what)
    if isinstance(source, pl.LazyFrame):
        return source
    if not isinstance(source, str | Path):
        raise InvalidValue(
            f"{what}: got {type(source).__name__}; expected a path (Parquet, CSV, IPC; a "
            "directory of Parquet files; a glob) or a polars LazyFrame"
        )
    path = Path(source)
    if path.is_dir():
        if not any(path.glob("*.parquet")):
            raise InvalidValue(f"{what}: the directory {str(path)!r} holds no *.parquet file")
        return pl.scan_parquet(path / "*.parquet")
    is_glob = any(c in path.name for c in "*?[")
    if not is_glob and not path.is_file():
        raise InvalidValue(f"{what}: no file {str(path)!r}")
    suffix = path.suffix.lower()
    if suffix not in _SCANS:
        raise InvalidValue(
            f"{what}: {str(path)!r} has the suffix {suffix!r}; expected one of "
            f"{', '.join(sorted(_SCANS))} (or pass a LazyFrame)"
        )
    if suffix == ".csv":
        return pl.scan_csv(path, try_parse_dates=True)
    return getattr(pl, _SCANS[suffix])(path)
