from __future__ import annotations

import pickle
import warnings

import pytest

import vn_skt.errors
from vn_skt.errors import (
    InvalidValue,
    ParseError,
    ParseReason,
    RegulationNotFound,
    VnSktError,
    VnSktWarning,
)


def test_tree() -> None:
    assert issubclass(ParseError, VnSktError) and issubclass(ParseError, ValueError)
    assert issubclass(InvalidValue, VnSktError) and issubclass(InvalidValue, ValueError)
    assert issubclass(RegulationNotFound, VnSktError)
    assert issubclass(RegulationNotFound, LookupError)


def test_parse_error_says_what_where_and_expected() -> None:
    err = ParseError("12.34", reason="ambiguous_separator", position=2, expected="12.418 or 1,5")
    assert err.text == "12.34"
    assert err.reason is ParseReason.AMBIGUOUS_SEPARATOR
    assert err.reason == "ambiguous_separator"
    assert err.position == 2
    assert str(err) == (
        "cannot parse '12.34' at position 2 (ambiguous_separator): expected 12.418 or 1,5"
    )


def test_unknown_reason_is_refused() -> None:
    with pytest.raises(ValueError, match="not_a_reason"):
        ParseError("x", reason="not_a_reason")


def test_parse_error_pickles() -> None:
    err = ParseError("x", reason=ParseReason.EMPTY, position=None, expected="a number")
    clone = pickle.loads(pickle.dumps(err))
    assert (clone.text, clone.reason, clone.position, str(clone)) == (
        err.text,
        err.reason,
        err.position,
        str(err),
    )


def test_reasons_are_a_closed_documented_set() -> None:
    values = [r.value for r in ParseReason]
    assert len(values) == len(set(values))
    assert all(v == v.lower() and " " not in v for v in values)
    for reason in ParseReason:
        assert reason.__doc__, reason


def test_the_warning_is_a_user_warning_not_an_error() -> None:
    assert issubclass(VnSktWarning, UserWarning)
    assert not issubclass(VnSktWarning, VnSktError)
    assert "VnSktWarning" in vn_skt.errors.__all__
    assert VnSktWarning.__doc__ and VnSktWarning.__doc__.startswith("Cảnh báo vn_skt")
    assert "strict=True" in VnSktWarning.__doc__


def test_the_warning_can_be_caught_and_made_an_error() -> None:
    with pytest.warns(VnSktWarning, match="2027"):
        warnings.warn("working days in 2027: ...", VnSktWarning, stacklevel=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error", VnSktWarning)
        with pytest.raises(VnSktWarning):
            warnings.warn("x", VnSktWarning, stacklevel=1)
