"""The closed set of composition violation codes."""

from __future__ import annotations

import pytest


def test_every_violation_code_is_produced_by_the_code() -> None:
    """The closed set is exactly what check_composition can emit (no dead member)."""
    import importlib
    import inspect
    import re

    from vn_skt.councils import ViolationCode

    module = importlib.import_module("vn_skt.councils._composition")
    source = inspect.getsource(module).split("class Violation:")[1]
    prefixes = set(re.findall(r'\(Role\.\w+, [^,]+, [^,]+, "([A-Z_]+)"\)', source))
    emitted = set(re.findall(r'"([A-Z_]+)"', source)) - prefixes
    for prefix in prefixes:
        emitted |= {f"{prefix}_MISSING", f"{prefix}_DUPLICATE"}
    assert emitted == {code.value for code in ViolationCode}


def test_a_violation_code_outside_the_set_is_refused() -> None:
    from vn_skt.councils import Violation

    with pytest.raises(ValueError, match="NO_SUCH_CODE"):
        Violation("NO_SUCH_CODE", "x")
