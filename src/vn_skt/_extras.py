"""Gói tùy chọn — import an optional dependency, or say which extra brings it."""

from __future__ import annotations

import importlib
from types import ModuleType

from vn_skt.errors import MissingExtra

__all__ = ["import_extra"]


def import_extra(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Nhập gói tùy chọn — ``module`` imported, or :class:`MissingExtra` naming ``extra``.

    >>> import_extra("json", extra="none", purpose="this example").__name__
    'json'
    >>> import_extra("no_such_package_xyz", extra="notebook", purpose="plot()")
    Traceback (most recent call last):
    ...
    vn_skt.errors.MissingExtra: plot() needs no_such_package_xyz, which is not installed: ...
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(module.partition(".")[0], extra=extra, purpose=purpose) from None
