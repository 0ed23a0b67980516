"""Hypothesis entry point: vn_skt's strategies are registered when vn_skt is imported.

Hypothesis runs this hook on ``import hypothesis`` wherever vn-skt is installed. Importing
our strategies there would make every Hypothesis user pay for vn_skt's records (about
0,1 s) even in projects that never touch them. So the hook registers at once only when a
vn_skt subpackage is already imported, and otherwise asks to be told: a one-shot finder
on ``sys.meta_path`` wraps the loader of the first ``vn_skt.*`` subpackage imported (the
outermost import, so every module it pulls in has finished) and registers right after it
has run.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType


def _register() -> None:
    from vn_skt.testing.strategies import register_type_strategies

    register_type_strategies()


class _RegisterAfterImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: on the first import of a vn_skt subpackage it removes itself
    and wraps the real loader so that the strategies register once that import is done."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if not _is_domain(fullname):
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            _register()

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _is_domain(name: str) -> bool:
    return name.startswith("vn_skt.") and not name.startswith(("vn_skt.testing", "vn_skt.errors"))


def _hypothesis_setup_hook() -> None:
    if any(_is_domain(name) for name in list(sys.modules)):
        _register()
    elif not any(isinstance(f, _RegisterAfterImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _RegisterAfterImport())
