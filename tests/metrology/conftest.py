"""Every metrology test starts from the shipped lists: a user's versions registered by a
test are dropped after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from vn_skt.regulations import unregister


@pytest.fixture(autouse=True)
def _shipped_lists_only() -> Iterator[None]:
    yield
    unregister("metrology_group2")
    unregister("metrology_fields")
