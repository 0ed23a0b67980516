"""A title's status on a day, per call: the first ask and the asks after it.

Run: python benchmarks/bench_titles.py [--titles N] [--quick]

The baseline is a plain Python function that answers the same question from scratch
with ``dateutil.relativedelta`` and the shipped terms and windows written in (Art. 93:
20/10/5/10 years; 6 months of window and grace; yearly maintenance walked only up to
the day asked), run in the same process on the same titles and days; the answers are
checked equal first. A title computes its expiry, renewal window and maintenance terms
once: "first ask" is each title's first question (that work included), "asked again"
the questions after it. Only public names are used, so the script also runs against an
older vn_skt (where every ask is a first ask).
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import timeit
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from vn_skt.ip_titles import ProtectionTitle, TitleStatus, TitleType

ONE_DAY = timedelta(days=1)
SIX_MONTHS = relativedelta(months=6)
# term years, renewal years, most renewals, yearly maintenance (the shipped ip_terms rows)
TERMS: dict[TitleType, tuple[int | None, int | None, int | None, bool]] = {
    TitleType.PATENT: (20, None, None, True),
    TitleType.UTILITY_SOLUTION: (10, None, None, True),
    TitleType.INDUSTRIAL_DESIGN: (5, 5, 2, False),
    TitleType.TRADEMARK: (10, 10, None, False),
    TitleType.GEOGRAPHICAL_INDICATION: (None, None, None, False),
}


def baseline_expiry(title: ProtectionTitle) -> date | None:
    """The last day in force, renewals included, with relativedelta."""
    term, renew, _, _ = TERMS[title.type]
    if term is None:
        return None
    expiry = title.filing_date + relativedelta(years=term)
    for _ in range(title.renewals):
        expiry += relativedelta(years=renew or 0)
    return expiry


def baseline(title: ProtectionTitle, on: date) -> TitleStatus:
    """The status on ``on``, from scratch, with relativedelta and the rules written in."""
    if title.grant_date is None or on < title.grant_date:
        return TitleStatus.PENDING
    _, renew, most, maintained = TERMS[title.type]
    expiry = baseline_expiry(title)
    if expiry is None:
        return TitleStatus.IN_FORCE
    if maintained:
        k = 2
        while True:  # the first unpaid yearly term that has started
            starts = title.grant_date + relativedelta(years=k - 1)
            if starts > on or starts > expiry:
                break
            if k not in title.maintenance_paid:
                late = on <= starts - ONE_DAY + SIX_MONTHS
                return TitleStatus.GRACE if late else TitleStatus.EXPIRED
            k += 1
    if on <= expiry:
        return TitleStatus.IN_FORCE
    renewable = renew is not None and (most is None or title.renewals < most)
    if renewable and on <= expiry + SIX_MONTHS:
        return TitleStatus.GRACE
    return TitleStatus.EXPIRED


def sample(
    n: int, days_per_title: int, *, shift: int = 0
) -> list[tuple[ProtectionTitle, list[date]]]:
    """``n`` titles, no two of one type filed on the same day (so no two share a
    schedule; samples of ``shift`` 0, 1 and 2 share none either), each with days spread
    over its life, grace and lapse included."""
    rng = random.Random(20 + shift)
    kinds = list(TERMS)
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        filed = date(2007, 1, 1) + timedelta(days=i * (5679 // n) + shift)
        granted = filed + timedelta(days=rng.randrange(200, 1500))
        term, renew, most, maintained = TERMS[kind]
        renewals = 0 if renew is None else rng.randrange(0, (2 if most is None else most) + 1)
        paid: dict[int, date] = {}
        if maintained:
            years = rng.randrange(1, term or 1)
            paid = {k: granted for k in range(2, years + 2) if rng.random() < 0.97}
        title = ProtectionTitle(
            type=kind,
            filing_date=filed,
            grant_date=granted,
            owner="Chủ văn bằng",
            renewals=renewals,
            maintenance_paid=paid,
        )
        expiry = baseline_expiry(title)  # not vn_skt's: its first ask is measured
        last = (expiry or filed + timedelta(days=9000)) + timedelta(days=400)
        span = (last - filed).days
        days = [filed + timedelta(days=rng.randrange(span)) for _ in range(days_per_title)]
        out.append((title, days))
    return out


def first_asks(n: int, repeat: int) -> float:
    """Best-of-``repeat`` seconds per call of each title's first question, each round on
    titles never asked before."""
    best = float("inf")
    for shift in range(1, repeat + 1):
        firsts = [(t, days[0]) for t, days in sample(n, 1, shift=shift)]
        gc.disable()
        started = time.perf_counter()
        answers = [t.status_on(d) for t, d in firsts]
        best = min(best, (time.perf_counter() - started) / len(firsts))
        gc.enable()
        assert answers == [baseline(t, d) for t, d in firsts]
    return best


def per_call(func: Callable[[], object], calls: int, repeat: int) -> float:
    """Best-of-``repeat`` seconds per call."""
    return min(timeit.repeat(func, number=1, repeat=repeat)) / calls


def bench_status_on(quick: bool, titles: int | None = None) -> None:
    """Print ``status_on`` per call against the relativedelta baseline."""
    n = min(titles or (300 if quick else 2_000), 5_000)
    data = sample(n, days_per_title=8)
    pairs: Sequence[tuple[ProtectionTitle, date]] = [(t, d) for t, days in data for d in days]
    warm = ProtectionTitle(  # loads the rule tables; filed before every sampled title
        type=TitleType.PATENT, filing_date=date(2006, 8, 1), grant_date=date(2008, 1, 2), owner="A"
    )
    warm.status_on(date(2010, 1, 1))
    assert all(t.status_on(d) is baseline(t, d) for t, d in pairs)

    repeat = 3 if quick else 5
    t_base = per_call(lambda: [baseline(t, d) for t, d in pairs], len(pairs), repeat)
    t_first = first_asks(n, repeat=min(repeat, 3))
    t_again = per_call(lambda: [t.status_on(d) for t, d in pairs], len(pairs), repeat)
    print(f"status_on per call, {n:,} titles x 8 days (patents, utility solutions, designs,")
    print("  marks, geographical indications; the same answers as the baseline)")
    print(f"  relativedelta baseline   {t_base * 1e6:7.2f} us/call")
    print(
        f"  vn_skt, first ask        {t_first * 1e6:7.2f} us/call   "
        f"{t_first / t_base:5.2f}x the baseline's time"
    )
    print(
        f"  vn_skt, asked again      {t_again * 1e6:7.2f} us/call   "
        f"{t_again / t_base:5.2f}x the baseline's time (target <= 0.5x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--titles", type=int, default=None, help="titles (default 2,000)")
    parser.add_argument("--quick", action="store_true", help="fewer titles and repetitions")
    args = parser.parse_args()
    bench_status_on(args.quick, args.titles)


if __name__ == "__main__":
    main()
