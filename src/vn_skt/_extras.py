"""Gói tùy chọn — import an optional dependency, or say which extra brings it."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from vn_skt.errors import MissingExtra

__all__ = ["import_extra", "lazy_attributes"]


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


def lazy_attributes(package: str, names: Mapping[str, str]) -> Callable[[str], Any]:
    """Nạp khi dùng — a module ``__getattr__`` for ``package`` that imports
    ``package.<module>`` on first use of each name of ``names`` (name → private module):
    for the names whose module needs an optional extra, so importing the package stays
    light. Any other name is an AttributeError, as for a plain module.

    >>> getattr_ = lazy_attributes("json", {"JSONEncoder": "encoder"})
    >>> getattr_("JSONEncoder").__name__
    'JSONEncoder'
    >>> getattr_("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'json' has no attribute 'nothing'
    """
    table = dict(names)

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
