"""Chiến lược kiểm thử — Hypothesis strategies for vn_skt's values.

>>> from hypothesis import given
>>> from vn_skt.l10n import format_money, parse_money
>>> @given(amounts())
... def test_money_round_trip(amount: int) -> None:
...     assert parse_money(format_money(amount)) == amount
>>> test_money_round_trip()
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from vn_skt.calendar import Period
from vn_skt.councils import Council, CouncilKind, CouncilRules, Member, Role, rules_for
from vn_skt.documents import DocumentRef, document_kind
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.ip_titles import ApplicationNumber, ProtectionTitle, TitleType
from vn_skt.l10n import MAX_YEAR, MIN_YEAR, add_years
from vn_skt.metrology import Instrument, Verification, canonical_name, catalogue, instrument_type
from vn_skt.metrology import segments as metrology_segments
from vn_skt.regulations import Status, Version, default_registry, lookup
from vn_skt.regulations.rows import BaseSalary
from vn_skt.tasks import (
    Funding,
    Portfolio,
    Rating,
    Regime,
    ResearchField,
    SelectionMethod,
    Task,
    TaskLevel,
    TaskStatus,
    TaskType,
    regime_on,
)

__all__ = [
    "COUNCIL_DATES",
    "amounts",
    "councils",
    "decimals",
    "document_refs",
    "fundings",
    "instruments",
    "lived_tasks",
    "members",
    "periods",
    "portfolios",
    "protection_titles",
    "register_type_strategies",
    "report_dates",
    "tasks",
    "verification_rows",
    "verifications",
    "versions",
]


def amounts(*, min_value: int = -(10**15), max_value: int = 10**15) -> st.SearchStrategy[int]:
    """Số tiền — int đồng, by default within ±10^15 (a thousand trillion đồng)."""
    return st.integers(min_value=min_value, max_value=max_value)


def decimals(*, max_places: int = 6, max_abs: int = 10**12) -> st.SearchStrategy[Decimal]:
    """Số thập phân — finite Decimals with at most ``max_places`` fraction digits."""
    return st.builds(
        lambda n, places: Decimal(n).scaleb(-places),
        st.integers(min_value=-max_abs, max_value=max_abs),
        st.integers(min_value=0, max_value=max_places),
    )


def report_dates(
    *, min_value: date = date(MIN_YEAR, 1, 1), max_value: date = date(MAX_YEAR, 12, 31)
) -> st.SearchStrategy[date]:
    """Ngày báo cáo — dates in the range the parsers accept (1900–2100)."""
    return st.dates(min_value=min_value, max_value=max_value)


def versions(table: str = "demo") -> st.SearchStrategy[Version[BaseSalary]]:
    """Phiên bản quy định — a valid one-row version (row ``"row"``, a
    :class:`~vn_skt.regulations.rows.BaseSalary`)."""

    def build(start: date, days: int | None, status: Status, amount: int) -> Version[BaseSalary]:
        end = None if days is None else date.fromordinal(start.toordinal() + days)
        return Version(
            table,
            start,
            end,
            f"Quyết định số {amount % 100 + 1:02d}/QĐ-UBND",
            status,
            {"row": BaseSalary(amount)},
        )

    return st.builds(
        build,
        report_dates(max_value=date(2090, 1, 1)),
        st.none() | st.integers(min_value=0, max_value=3650),
        st.sampled_from(Status),
        st.integers(min_value=0, max_value=10**9),
    )


_YEARS = st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR)


@st.composite
def _terms(draw: st.DrawFn) -> Period:
    first = draw(st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR - 10))
    last = first + draw(st.integers(min_value=1, max_value=10))
    if not draw(st.booleans()):
        return Period.term(first, last)
    start = draw(st.dates(min_value=date(first, 1, 1), max_value=date(first, 12, 31)))
    end = draw(st.dates(min_value=date(last, 1, 1), max_value=date(last, 12, 31)))
    return Period.term(first, last, start=start, end=end)


def periods() -> st.SearchStrategy[Period]:
    """Kỳ báo cáo — periods of every kind, years 1900–2100."""
    months = st.integers(min_value=1, max_value=12)
    spans = st.tuples(_YEARS, st.integers(min_value=0, max_value=20)).filter(
        lambda t: t[0] + t[1] <= MAX_YEAR
    )
    return st.one_of(
        st.builds(Period.year, _YEARS),
        st.builds(Period.quarter, _YEARS, st.integers(min_value=1, max_value=4)),
        st.builds(Period.month, _YEARS, months),
        st.builds(Period.first_months, _YEARS, months),
        st.builds(Period.last_months, _YEARS, months),
        spans.map(lambda t: Period.span(t[0], t[0] + t[1])),
        _terms(),
    )


_STATE_CODES = [
    "QĐ-UBND",
    "NQ-HĐND",
    "KH-SKHCN",
    "BC-UBND",
    "TB-SKHCN",
    "CV-SKHCN",
    "TTr-SKHCN",
    "QĐ-BKHCN",
    "HD-SKHCN",
    "CTr-UBND",
    "ĐA-UBND",
]
_LEGAL_CODES = [
    "NĐ-CP",
    "NQ-CP",
    "TT-BKHCN",
    "TT-BTC",
    "TTLT-BTC-BKHCN",
    "NQ-HĐND",
    "QĐ-TTg",
    "QH15",
]
_PARTY_CODES = ["CT/TU", "NQ/TW", "KL/TW", "NQ/TU"]


@st.composite
def document_refs(draw: st.DrawFn) -> DocumentRef:
    """Số, ký hiệu văn bản — references of every form (state, legal, Công văn, Party)."""
    form = draw(st.sampled_from(["state", "legal", "party", "official_letter"]))
    number = draw(st.integers(min_value=1, max_value=9999))
    issued_on = draw(st.none() | report_dates())
    if form == "party":
        code = draw(st.sampled_from(_PARTY_CODES))
        return DocumentRef(document_kind(code, on=issued_on), number, None, code, issued_on)
    if form == "official_letter":
        return DocumentRef("Công văn", number, None, "BKHCN-CĐSQG", issued_on)
    code = draw(st.sampled_from(_LEGAL_CODES if form == "legal" else _STATE_CODES))
    year = draw(_YEARS) if form == "legal" else None
    kind = document_kind(code, on=issued_on, year=year)
    if code == "QH15":
        kind = draw(st.sampled_from(["Luật", "Nghị quyết"]))
    return DocumentRef(kind, number, year, code, issued_on)


def fundings(*, first_year: int = 2018, last_year: int = 2031) -> st.SearchStrategy[Funding]:
    """Kinh phí — funding with state budget allocated in years first_year..last_year."""
    money = st.integers(min_value=0, max_value=50_000_000_000)
    return st.builds(
        Funding,
        state_budget=st.dictionaries(
            st.integers(min_value=first_year, max_value=last_year), money, max_size=4
        ),
        counterpart=money | st.just(0),
        other=money | st.just(0),
    )


# Strategies built once: a composite that builds strategies on every draw spends most
# of its time validating them (the portfolio tests were the slowest of the suite).
_BOOLEANS = st.booleans()
_INDEX = st.integers(min_value=0, max_value=2**16)  # taken modulo a choice's size
_MONTHS = st.integers(min_value=1, max_value=48)
_ALLOCATIONS = st.integers(min_value=0, max_value=4)
_MONEY = st.integers(min_value=0, max_value=50_000_000_000)
_MAYBE_MONEY = _MONEY | st.just(0)
# terminated and accepted tasks, whose dates move them between years, twice as often
_STATUSES = st.sampled_from([*TaskStatus, TaskStatus.TERMINATED, TaskStatus.ACCEPTED])
_RATINGS = st.sampled_from(Rating)
_TYPES = st.sampled_from(TaskType)
_LEVELS = st.sampled_from(TaskLevel)
_FIELDS = st.sampled_from(ResearchField)
_SELECTIONS = st.none() | st.sampled_from(SelectionMethod)
_CODES = st.from_regex(r"[A-ZĐ]{2,4}\.[0-9]{2}/[0-9]{2}", fullmatch=True)
_TITLES = st.sampled_from(
    [
        "Nghiên cứu giống lúa chịu mặn",
        "Ứng dụng IoT trong thủy sản",
        "Bảo tồn nguồn gen cây dược liệu",
        "Xây dựng mô hình nông thôn mới",
    ]
)
_INVESTIGATORS = st.sampled_from(
    ["TS. Nguyễn Văn An", "ThS. Trần Thị Bình", "PGS.TS. Lê Hoàng Cường"]
)
_HOSTS = st.sampled_from(
    ["Viện Khoa học Nông nghiệp", "Trường Đại học Y", "Trung tâm Ứng dụng KH&CN"]
)


def _pick(draw: st.DrawFn, count: int) -> int:
    """An index below ``count`` (shrinks towards 0)."""
    return draw(_INDEX) % count


def _day_between(draw: st.DrawFn, first: date, last: date) -> date:
    """A day in [first, last], often a year's first or last day (where a task moves from
    one year's figures to the next), else any day."""
    edges = [
        day
        for year in range(first.year, last.year + 1)
        for day in (date(year, 1, 1), date(year, 12, 31))
        if first <= day <= last
    ]
    on_an_edge: bool = draw(_BOOLEANS)
    if edges and on_an_edge:
        return edges[_pick(draw, len(edges))]
    return first + timedelta(days=_pick(draw, (last - first).days + 1))


def _task(
    draw: st.DrawFn, *, min_year: int, max_year: int, code: str | None, sources: bool = False
) -> Task:
    first = _pick(draw, (max_year - min_year + 1) * 12)
    start = date(min_year + first // 12, first % 12 + 1, 1)
    if draw(_BOOLEANS):  # often a whole number of calendar years
        start = start.replace(month=1)
    months = draw(_MONTHS)
    if draw(_BOOLEANS):  # often ending on 31 December
        months += -(start.month - 1 + months) % 12
    end_month = start.month - 1 + months
    end = date(start.year + end_month // 12, end_month % 12 + 1, 1) - timedelta(days=1)
    extended_to = None
    if draw(_BOOLEANS) and draw(_BOOLEANS):
        extended_to = _day_between(draw, end + timedelta(days=1), end + timedelta(days=366))
    planned_end = extended_to or end
    terminated_on = None
    accepted_on = None
    rating = None
    status = draw(_STATUSES)
    if status is TaskStatus.TERMINATED:
        terminated_on = _day_between(draw, start, planned_end)
    elif status is TaskStatus.ACCEPTED:
        accepted_on = _day_between(draw, start, planned_end + timedelta(days=300))
        if regime_on(start).regime is Regime.LEGACY:  # a Rating is the 2013 law's only
            rating = draw(_RATINGS)
    years = planned_end.year + 2 - start.year  # budget years: start.year .. planned_end + 1
    budget = {start.year + _pick(draw, years): draw(_MONEY) for _ in range(draw(_ALLOCATIONS))}
    if sources:  # counterpart and other funding per year too, or as a total alone
        by_year = {
            name: {start.year + _pick(draw, years): draw(_MONEY) for _ in range(_pick(draw, 3))}
            for name in ("counterpart_by_year", "other_by_year")
        }
        funding = Funding(
            state_budget=budget,
            counterpart=0 if by_year["counterpart_by_year"] else draw(_MAYBE_MONEY),
            other=0 if by_year["other_by_year"] else draw(_MAYBE_MONEY),
            **by_year,
        )
    else:
        funding = Funding(
            state_budget=budget, counterpart=draw(_MAYBE_MONEY), other=draw(_MAYBE_MONEY)
        )
    return Task(
        code=code or draw(_CODES),
        title=draw(_TITLES),
        type=draw(_TYPES),
        level=draw(_LEVELS),
        field=draw(_FIELDS),
        principal_investigator=draw(_INVESTIGATORS),
        host_organization=draw(_HOSTS),
        start=start,
        end=end,
        extended_to=extended_to,
        selection=draw(_SELECTIONS),
        funding=funding,
        status=status,
        accepted_on=accepted_on,
        acceptance_rating=rating,
        terminated_on=terminated_on,
    )


@st.composite
def tasks(
    draw: st.DrawFn,
    *,
    min_year: int = 2018,
    max_year: int = 2030,
    code: str | None = None,
    sources: bool = False,
) -> Task:
    """Nhiệm vụ KH&CN — valid tasks starting in ``min_year``..``max_year``: periods of
    whole months, sometimes extended, terminated or accepted, with budget years inside
    what the rules allow. Extensions, terminations and acceptances often fall on a
    1 January or a 31 December, where a task moves from one year's figures to the next.
    ``sources=True`` gives counterpart and other funding per year too (else as totals
    only), for code that reads the budget by year and source."""
    return _task(draw, min_year=min_year, max_year=max_year, code=code, sources=sources)


@st.composite
def lived_tasks(
    draw: st.DrawFn, *, min_year: int = 2022, max_year: int = 2028, code: str | None = None
) -> Task:
    """Nhiệm vụ có diễn biến — tasks (as :func:`tasks` draws them) approved on a day around
    the 2025 law's cut-off, with periodic checks, funding released and spent in their
    budget years, and their extension or termination as dated events that agree with
    ``extended_to`` / ``terminated_on``."""
    task = _task(draw, min_year=min_year, max_year=max_year, code=code)
    end = task.effective_end if task.effective_end >= task.start else task.start
    approved = task.start - timedelta(days=_pick(draw, 120))
    checks = [
        {"on": _day_between(draw, task.start, end), "done": _pick(draw, 101),
         "on_schedule": draw(st.sampled_from([None, True, False]))}
        for _ in range(_pick(draw, 3))
    ]  # fmt: skip
    years = sorted(task.funding.state_budget)
    releases, spending = [], []
    for i, year in enumerate(years):
        allocation = task.funding.state_budget[year]
        if draw(_BOOLEANS):
            day = max(task.start, date(year, 1, 1) + timedelta(days=_pick(draw, 365)))
            releases.append({"on": day, "year": year, "instalment": i + 1,
                             "amount": allocation // (1 + _pick(draw, 3))})  # fmt: skip
            spending.append({"on": day + timedelta(days=_pick(draw, 200)), "year": year,
                             "amount": allocation // (2 + _pick(draw, 3))})  # fmt: skip
    events: list[dict[str, object]] = []
    if task.extended_to is not None:
        decided = _day_between(draw, task.start, task.end)
        events.append({"on": decided, "kind": "Gia hạn", "new_end": task.extended_to})
    if task.terminated_on is not None:
        events.append({"on": task.terminated_on, "kind": "Chấm dứt"})
    if draw(_BOOLEANS):
        events.append({"on": _day_between(draw, task.start, end), "kind": "Điều chỉnh"})
    data = task.model_dump()
    data.update(
        approved_by=f"Quyết định số 1/QĐ-UBND ngày {approved.strftime('%d/%m/%Y')}",
        checks=checks,
        releases=releases,
        spending=spending,
        events=events,
    )
    return Task.model_validate(data)


@st.composite
def portfolios(
    draw: st.DrawFn,
    *,
    min_size: int = 0,
    max_size: int = 10,
    min_year: int = 2018,
    max_year: int = 2030,
) -> Portfolio:
    """Danh mục — portfolios of ``min_size`` to ``max_size`` tasks with distinct codes,
    starting in ``min_year``..``max_year`` (ask for more tasks where a test needs them)."""
    if not 0 <= min_size <= max_size:
        raise InvalidArgument(
            f"portfolios: expected 0 <= min_size <= max_size, got {min_size}, {max_size}"
        )
    n = min_size + _pick(draw, max_size - min_size + 1)
    return Portfolio(
        [_task(draw, min_year=min_year, max_year=max_year, code=f"NV.{i:03d}") for i in range(n)]
    )


_IP_HORIZON = date(2030, 12, 31)  # the latest filing date drawn
_MAX_UNLIMITED_RENEWALS = 5  # how many renewals to draw where the law sets no limit
_IP_YEARS_BACK = 25  # how many whole years before a window boundary a grant or filing is aimed


def _ip_bounds(table: str) -> list[date]:
    """The days a version of ``table`` starts or stops (a user's versions included)."""
    days: set[date] = set()
    for version in default_registry.versions(table):
        days.add(version.effective_from)
        if version.effective_to is not None:
            days.add(version.effective_to + timedelta(days=1))
    return sorted(days)


def _ip_aimed(first_day: date) -> list[date]:
    """Days whose yearly anniversaries fall on, or the day before, an ``ip_renewal``
    boundary (so an expiry or the end of a yearly term lands there), and the ``ip_terms``
    boundaries themselves, each with the day before: from ``first_day`` to the horizon."""
    days = {d - timedelta(days=k) for d in _ip_bounds("ip_terms") for k in (0, 1)}
    for bound in _ip_bounds("ip_renewal"):
        for years in range(1, _IP_YEARS_BACK + 1):
            for k in (0, 1, 2):
                days.add(add_years(bound - timedelta(days=k), -years))
                days.add(add_years(bound, -years) - timedelta(days=k))
    return sorted(d for d in days if first_day <= d <= _IP_HORIZON)


def _ip_day(draw: st.DrawFn, low: date, high: date, aimed: list[date]) -> date:
    """A day from ``low`` to ``high``: often one of ``aimed`` in that range."""
    near = [d for d in aimed if low <= d <= high]
    aim: bool = bool(near) and draw(st.booleans())
    if aim:
        return draw(st.sampled_from(near))
    return draw(st.dates(min_value=low, max_value=high))


@st.composite
def protection_titles(draw: st.DrawFn) -> ProtectionTitle:
    """Văn bằng bảo hộ — valid titles of every type, pending or granted, filed from the
    first ``ip_terms`` version to 2030, often on the days that put a filing date on an
    ``ip_terms`` boundary, or an expiry or the end of a yearly term on an ``ip_renewal``
    boundary (and the day before): renewals within what the version of the filing date
    allows, the maintenance fees of a run of yearly terms paid (on time, or late within
    the grace months; sometimes one term left unpaid) for patents and utility solutions,
    consistent layout-design dates, and an application number whose digit the
    ``ip_application_types`` table gives the type, where it gives one."""
    kind = draw(st.sampled_from(TitleType))
    first_day = default_registry.table("ip_terms").versions[0].effective_from
    aimed = _ip_aimed(first_day)
    filed = _ip_day(draw, first_day, _IP_HORIZON, aimed)
    rule = lookup("ip_terms", on=filed).row(kind.name)
    granted = None
    if draw(st.integers(min_value=0, max_value=4)):
        granted = _ip_day(draw, filed, filed + timedelta(days=1500), aimed)
    most = 0
    if rule.renewal_years is not None and rule.term_years is not None:
        most = _MAX_UNLIMITED_RENEWALS if rule.max_renewals is None else rule.max_renewals
    renewals = draw(st.integers(min_value=0, max_value=most))
    paid: dict[int, date] = {}
    if rule.maintenance and rule.term_years and granted is not None and draw(st.booleans()):
        last = draw(st.integers(min_value=2, max_value=rule.term_years + 1))
        gap = draw(st.one_of(st.none(), st.integers(min_value=2, max_value=last)))
        for k in range(2, last + 1):
            closes = add_years(granted, k - 1) - timedelta(days=1)  # the term before ends
            late = draw(st.sampled_from([-30, -1, 0, 1, 45, 150]))  # > 0: in the grace
            paid[k] = closes + timedelta(days=late)
        paid.pop(gap or 0, None)
    created = exploited = None
    if kind is TitleType.LAYOUT_DESIGN:
        if draw(st.booleans()):
            created = filed - timedelta(days=draw(st.integers(min_value=0, max_value=4000)))
        if draw(st.booleans()):
            floor = created or filed - timedelta(days=4000)
            exploited = draw(st.dates(min_value=floor, max_value=filed + timedelta(days=900)))
    number = None
    digits = [
        int(digit)
        for digit, row in lookup("ip_application_types", on=filed).rows.items()
        if row.title_type == kind.name
    ]
    if draw(st.booleans()) and digits:
        serial = draw(st.integers(min_value=1, max_value=99_999))
        number = ApplicationNumber(draw(st.sampled_from(digits)), filed.year, serial)
    return ProtectionTitle(
        type=kind,
        filing_date=filed,
        grant_date=granted,
        renewals=renewals,
        maintenance_paid=paid,
        owner=draw(
            st.sampled_from(
                [
                    "HTX Bưởi Phúc Trạch",
                    "Công ty TNHH Chè Thái",
                    "Viện Khoa học Nông nghiệp",
                    "UBND tỉnh",
                ]
            )
        ),
        application_number=number,
        created=created,
        first_exploited=exploited,
    )


_HORIZON = date(2030, 12, 31)  # the latest verification date drawn


def _list_state() -> tuple[int, ...]:
    """Which group-2 lists are registered now (a user's override changes the answers)."""
    return tuple(id(segment.version) for segment in metrology_segments())


@lru_cache(maxsize=8)
def _type_spans(state: tuple[int, ...]) -> dict[str, tuple[tuple[date, date], ...]]:
    """Every full name of every list, with the spans of days on which it is listed."""
    spans: dict[str, list[tuple[date, date]]] = {}
    for segment in metrology_segments():
        end = min(segment.end or _HORIZON, _HORIZON)
        for kind in catalogue(on=segment.start):
            spans.setdefault(kind.full_name, []).append((segment.start, end))
    return {name: tuple(s) for name, s in sorted(spans.items())}


@lru_cache(maxsize=256)
def _spans_of(name: str, state: tuple[int, ...]) -> tuple[tuple[date, date], ...]:
    found = []
    for segment in metrology_segments():
        try:
            instrument_type(name, on=segment.start)
        except LookupError:
            continue
        found.append((segment.start, min(segment.end or _HORIZON, _HORIZON)))
    return tuple(found)


def _days_listed(spans: tuple[tuple[date, date], ...]) -> st.SearchStrategy[date]:
    """Days inside ``spans``, the first and last day of each drawn often (boundaries)."""
    return st.sampled_from(spans).flatmap(
        lambda span: st.sampled_from(span) | st.dates(min_value=span[0], max_value=span[1])
    )


def verifications(
    *, serial: str | None = None, instrument_type: str | None = None
) -> st.SearchStrategy[Verification]:
    """Kiểm định — verifications from 01/01/2020 (the earliest list we ship) to 2030, each
    of a type that is on the group-2 list in force on its date (``instrument_type``:
    that type, on the days it is listed)."""
    state = _list_state()
    if instrument_type is not None:
        names: st.SearchStrategy[str] = st.just(canonical_name(instrument_type))
    else:
        names = st.sampled_from(list(_type_spans(state)))

    def built(name: str) -> st.SearchStrategy[Verification]:
        return st.builds(
            Verification,
            verified_on=_days_listed(_spans_of(name, state)),
            passed=st.booleans() | st.just(True),
            serial=st.just(serial),
            instrument_type=st.just(name),
            organization=st.sampled_from(["Trung tâm Kỹ thuật TĐC", "Viện Đo lường Việt Nam"]),
        )

    return names.flatmap(built)


@st.composite
def instruments(draw: st.DrawFn, *, max_verifications: int = 3) -> Instrument:
    """Phương tiện đo — instruments of any group-2 type with a few verifications, each on a
    day its type is on the list in force (the lists' first and last days drawn often)."""
    kind = draw(st.sampled_from(list(_type_spans(_list_state()))))
    serial = draw(st.from_regex(r"[A-Z]{2}-[0-9]{6}", fullmatch=True))
    history = draw(
        st.lists(verifications(serial=serial, instrument_type=kind), max_size=max_verifications)
    )
    return Instrument(
        serial=serial,
        type=kind,
        owner=draw(st.sampled_from(["Điện lực tỉnh", "Công ty Cấp nước", "Chợ trung tâm", None])),
        verifications=tuple(history),
    )


_UNKNOWN_TYPES = ("Cân thần kỳ", "Đồng hồ đo khí dân dụng", "PTĐ điện tim")


def _near_boundaries() -> list[date]:
    """The first day of every list and the day before it (the boundaries to cross)."""
    starts = [segment.start for segment in metrology_segments()]
    return sorted({d + timedelta(days=k) for d in starts for k in (-1, 0)})


def verification_rows(
    *, bad: bool = True
) -> st.SearchStrategy[tuple[str | None, date | None, bool | None]]:
    """Dòng sổ kiểm định — one row of a registry as the bulk kernels read it: (type name,
    verification date, passed).

    Names are every full name of every list (so many rows fall on a day their type is
    not listed), dates cross each list's first day (the day before and the day itself
    drawn often) to 2031. With ``bad`` (the default) also the rows a kernel must
    report besides a type not listed on its date: an unknown name, no name, a date
    before the first list, a date with no result; without it, every name is a list's,
    every date from the first list on, and every date comes with a result.
    """
    names: st.SearchStrategy[str | None] = st.sampled_from(list(_type_spans(_list_state())))
    first = date(2019, 1, 1) if bad else metrology_segments()[0].start
    days: st.SearchStrategy[date | None] = st.sampled_from(
        [d for d in _near_boundaries() if d >= first]
    ) | st.dates(min_value=first, max_value=date(2031, 12, 31))
    results: st.SearchStrategy[bool | None] = st.booleans()
    days = days | st.none()
    if bad:
        names = names | st.sampled_from(_UNKNOWN_TYPES) | st.none()
        results = results | st.none()

    def fit(
        row: tuple[str | None, date | None, bool | None],
    ) -> tuple[str | None, date | None, bool | None]:
        name, day, passed = row
        if day is None:
            return name, None, None  # never verified: no result
        if not bad and passed is None:  # pragma: no cover - results are booleans then
            return name, day, True
        return name, day, passed

    return st.tuples(names, days, results).map(fit)


_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Thu", "Minh", "Quang"]
_GIVEN = ["An", "Anh", "Ánh", "Bình", "Cường", "Dũng", "Đông", "Hà", "Hương", "Lan", "Ơn"]


def vietnamese_names() -> st.SearchStrategy[str]:
    """Họ tên — plausible Vietnamese names (family, middle, given)."""
    return st.builds(
        lambda f, m, g: f"{f} {m} {g}",
        st.sampled_from(_FAMILY),
        st.sampled_from(_MIDDLE),
        st.sampled_from(_GIVEN),
    )


def members(*, role: Role | None = None) -> st.SearchStrategy[Member]:
    """Thành viên hội đồng — members with a name, role, organisation and title."""
    return st.builds(
        Member,
        name=vietnamese_names(),
        role=st.just(role) if role else st.sampled_from(Role),
        organization=st.sampled_from(
            ["Viện Khoa học Nông nghiệp", "Trường Đại học Y", "Sở Khoa học và Công nghệ", None]
        ),
        academic_title=st.sampled_from(["GS.TS", "PGS.TS", "TS", "ThS", None]),
    )


COUNCIL_DATES = (date(2020, 6, 1), date(2024, 6, 1), date(2026, 6, 1))
"""One day inside each version of the ``council_rules`` table."""


def _council_rules(kind: CouncilKind, on: date | None) -> list[tuple[date, CouncilRules]]:
    found = []
    for day in [on] if on is not None else COUNCIL_DATES:
        try:
            found.append((day, rules_for(kind, on=day)))
        except RegulationNotFound:
            if on is not None:
                raise
    if not found:
        msg = f"councils(kind={kind.name}): no shipped rules on {COUNCIL_DATES}; pass rules="
        raise InvalidValue(msg)
    return found


@st.composite
def councils(
    draw: st.DrawFn,
    *,
    kind: CouncilKind = CouncilKind.ACCEPTANCE,
    on: date | None = None,
    rules: CouncilRules | None = None,
) -> Council:
    """Hội đồng — well-formed councils of ``kind``, of every size its rules allow (an
    acceptance council has 9 members, a selection council 7 to 9, a non-state-budget
    council 5 or 7, a budget appraisal team 5 with a leader and ``serves`` set to a council
    it shares a member with), with the roles the rules require and ``meeting_date`` set: ``on``,
    else a day drawn from each version of the council rules that has the kind. ``rules``
    replaces the shipped rules (then ``on`` defaults to a drawn day too)."""
    kind = CouncilKind(kind)
    if rules is None:
        day, rules = draw(st.sampled_from(_council_rules(kind, on)))
    else:
        day = on if on is not None else draw(st.sampled_from(COUNCIL_DATES))
    vice_min = rules.vice_chairs_min or 0
    vice_max = rules.vice_chairs_max if rules.vice_chairs_max is not None else vice_min
    roles = [Role.CHAIR] * (rules.chairs or 0)
    roles += [Role.VICE_CHAIR] * draw(st.integers(vice_min, vice_max))
    roles += [Role.REVIEWER] * (rules.reviewers or 0)
    roles += [Role.SECRETARY] * (rules.secretaries or 0)
    roles += [Role.LEADER] * (rules.leaders or 0)
    sizes = [n for n in rules.legal_sizes() if n >= len(roles)]
    if not sizes:
        msg = f"councils: no legal size fits the roles {roles} under {rules.source}"
        raise InvalidValue(msg)
    size = draw(st.sampled_from(sizes))
    roles += [Role.MEMBER] * (size - len(roles))
    names = draw(
        st.lists(vietnamese_names(), min_size=size, max_size=size, unique_by=lambda n: n.casefold())
    )
    people = [
        draw(members(role=r)).model_copy(update={"name": n})
        for r, n in zip(roles, names, strict=True)
    ]
    serves = None
    if rules.council_members_min:
        # a team (the budget appraisal team) with members from the council it serves:
        # that council's chair and reviewers are the team's first non-leader members
        linked = [p for p in people if p.role is not Role.LEADER][: rules.council_members_min]
        served_roles = [Role.CHAIR, *[Role.REVIEWER] * (len(linked) - 1)]
        serves = Council(
            kind=CouncilKind.FUNDING_REVIEW,
            members=tuple(
                p.model_copy(update={"role": r}) for p, r in zip(linked, served_roles, strict=True)
            ),
            meeting_date=day,
        )
    return Council(
        kind=kind, members=tuple(draw(st.permutations(people))), meeting_date=day, serves=serves
    )


def register_type_strategies() -> None:
    """Đăng ký — make ``st.from_type`` find a strategy for every vn_skt value type."""
    st.register_type_strategy(Version, versions())
    st.register_type_strategy(Funding, fundings())
    st.register_type_strategy(Task, tasks())
    st.register_type_strategy(Portfolio, portfolios())
    st.register_type_strategy(ProtectionTitle, protection_titles())
    st.register_type_strategy(Verification, verifications())
    st.register_type_strategy(Instrument, instruments())
    st.register_type_strategy(Member, members())
    st.register_type_strategy(Council, councils())
    st.register_type_strategy(Period, periods())
    st.register_type_strategy(DocumentRef, document_refs())
