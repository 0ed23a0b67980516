"""Lỗi — the one error tree of vn_skt.

Every error the library raises on purpose is a :class:`VnSktError`. The subclasses
are also the standard exception a caller would expect (``ValueError`` for bad input,
``LookupError`` for a rule that does not exist), so ``except ValueError`` keeps
working for code that does not know vn_skt. An answer that vn_skt can give but that
rests on missing data (a year whose swapped working days are not known yet) comes with a
:class:`VnSktWarning` instead of an error.

>>> from vn_skt.errors import ParseError, ParseReason
>>> err = ParseError("1.5", reason=ParseReason.AMBIGUOUS_SEPARATOR, position=1,
...                  expected="12.418 or 1,5")
>>> err.reason == "ambiguous_separator", err.position
(True, 1)
>>> print(err)
cannot parse '1.5' at position 1 (ambiguous_separator): expected 12.418 or 1,5
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "InvalidValue",
    "MissingExtra",
    "ParseError",
    "ParseReason",
    "RegulationNotFound",
    "VnSktError",
    "VnSktWarning",
]


class VnSktError(Exception):
    """Lỗi vn_skt — the root of every error vn_skt raises on purpose."""


class ParseReason(StrEnum):
    """Lý do lỗi đọc — the closed set of :attr:`ParseError.reason` values.

    Members are strings, so ``err.reason == "empty"`` works; the set only grows (a new
    reason is a CHANGELOG entry), and an existing reason never changes meaning.
    """

    EMPTY = "empty"
    """Nothing to read: empty or blank text."""
    INVALID_CHARACTER = "invalid_character"
    """A character that has no place at ``position``."""
    BAD_GROUPING = "bad_grouping"
    """Thousands groups that are not of three digits (``"1.23.4"``, ``"12.34"``)."""
    AMBIGUOUS_SEPARATOR = "ambiguous_separator"
    """A lone ``.`` that may be an English decimal point (``"1.5"``)."""
    INCOMPLETE = "incomplete"
    """The text stops where more was expected (``"1,"``, ``"-"``, ``"quý"``)."""
    FRACTIONAL_DONG = "fractional_dong"
    """An amount of money that is not a whole number of đồng."""
    UNKNOWN_UNIT = "unknown_unit"
    """A unit or scale word that is not known, or in the wrong order."""
    MISSING_UNIT = "missing_unit"
    """A number in a compound amount that has no scale word (``"2 tỷ 500"``)."""
    OUT_OF_RANGE = "out_of_range"
    """A number outside the range allowed (a year before 1900, month 13, quý V)."""
    INVALID_DATE = "invalid_date"
    """A date that does not exist (31/02) or is not in a known form."""
    WEEKDAY_MISMATCH = "weekday_mismatch"
    """A weekday that contradicts the date written beside it."""
    NOT_STRICT = "not_strict"
    """A slip that lenient mode mends but ``strict=True`` refuses."""
    INVALID_PERIOD = "invalid_period"
    """Text that is not a reporting period, or a period that cannot exist."""
    INVALID_REFERENCE = "invalid_reference"
    """Text that is not a document reference in a Decree 30/2020 form."""
    UNKNOWN_LABEL = "unknown_label"
    """A name or label that is not one of an enumeration's members."""


class ParseError(VnSktError, ValueError):
    """Lỗi đọc — text that cannot be read as what was asked.

    Attributes:
        text: the input exactly as received.
        reason: a :class:`ParseReason` (a ``str``), stable and machine-readable.
        position: index into ``text`` where the trouble is, or ``None``.
        expected: what would have been accepted there, in words.
    """

    text: str
    reason: ParseReason
    position: int | None
    expected: str

    def __init__(
        self,
        text: str,
        *,
        reason: ParseReason | str,
        position: int | None = None,
        expected: str = "",
    ) -> None:
        self.text = text
        self.reason = ParseReason(reason)
        self.position = position
        self.expected = expected
        where = f" at position {position}" if position is not None else ""
        message = f"cannot parse {_excerpt(text, position)}{where} ({self.reason.value})"
        if expected:
            message += f": expected {expected}"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only __init__: teach pickle (multiprocessing, caches) how to rebuild us.
        return (_rebuild_parse_error, (self.text, self.reason.value, self.position, self.expected))


_SHOWN = 120  # characters of a long input a message quotes (around the position)


def _excerpt(text: str, position: int | None) -> str:
    """``repr(text)``, or for a long text a window around ``position`` with its length."""
    if not isinstance(text, str) or len(text) <= _SHOWN:
        return repr(text)
    start = max(0, min(len(text) - _SHOWN, (position or 0) - _SHOWN // 2))
    head = "…" if start else ""
    tail = "…" if start + _SHOWN < len(text) else ""
    return f"{head}{text[start : start + _SHOWN]!r}{tail} ({len(text)} characters)"


def _rebuild_parse_error(text: str, reason: str, position: int | None, expected: str) -> ParseError:
    return ParseError(text, reason=reason, position=position, expected=expected)


class InvalidValue(VnSktError, ValueError):
    """Giá trị không hợp lệ — a value a function cannot take.

    For instance a zero whole in a percentage, NaN, a float where int đồng is required,
    or a ``bool`` where a number is expected. The message says what was received and
    what to pass instead.
    """


class RegulationNotFound(VnSktError, LookupError):
    """Không tìm thấy quy định — no rule table, version or row answers the lookup.

    Raised for an unknown table name, a date outside every version of a table, or a
    key (an instrument name, a document type) the table in force does not have.
    """


class MissingExtra(VnSktError, ImportError):
    """Thiếu gói tùy chọn — an optional dependency (an *extra*) is not installed.

    An ``ImportError``, as for any missing package; the message names the package, the
    extra that brings it and the command that installs it.

    >>> err = MissingExtra("pandas", extra="notebook", purpose="to_frame()")
    >>> isinstance(err, ImportError), err.extra
    (True, 'notebook')
    >>> print(err)  # doctest: +NORMALIZE_WHITESPACE
    to_frame() needs pandas, which is not installed:
    pip install "vn-skt[notebook]" (from a checkout: pip install -e ".[notebook]")
    """

    def __init__(self, package: str, *, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{purpose} needs {package}, which is not installed: "
            f'pip install "vn-skt[{extra}]" (from a checkout: pip install -e ".[{extra}]")',
            name=package,
        )


class VnSktWarning(UserWarning):
    """Cảnh báo vn_skt — an answer given on incomplete rules, said out loud.

    Emitted (never raised) when vn_skt can answer but the answer rests on data it lacks,
    e.g. working days in a year whose swaps the Government has not announced yet (the
    statutory days off are used). The message names what is missing and how to add it.
    Python's warning filters decide what happens: shown once per message by default,
    ``warnings.simplefilter("error", VnSktWarning)`` makes it an exception,
    ``"ignore"`` silences it. Functions that emit it take ``strict=True`` to raise
    :class:`RegulationNotFound` instead.
    """
