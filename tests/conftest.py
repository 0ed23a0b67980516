"""Shared test settings: a Hypothesis profile for CI (more examples, no deadline), and
the ``slow`` marker: large property runs are skipped by default and run in CI (``CI``
set) or when a ``-m`` expression is given (``pytest -m slow``)."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=50, deadline=None)  # CI: 300
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("CI") or config.getoption("markexpr"):
        return
    skip = pytest.mark.skip(reason="slow: runs in CI (CI=true) or with -m slow")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)
