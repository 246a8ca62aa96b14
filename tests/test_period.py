import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrkit import Objective, Period, PeriodError
from okrkit.errors import OKRError


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2026-Q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31), "quarter"),
        ("2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30), "quarter"),
        ("2026q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31), "quarter"),
        ("2026-H1", dt.date(2026, 1, 1), dt.date(2026, 6, 30), "half"),
        ("2026-H2", dt.date(2026, 7, 1), dt.date(2026, 12, 31), "half"),
        ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), "year"),
        ("2028-02", dt.date(2028, 2, 1), dt.date(2028, 2, 29), "month"),
        ("2026-01-15..2026-04-14", dt.date(2026, 1, 15), dt.date(2026, 4, 14), "custom"),
    ],
)
def test_parse(text: str, start: dt.date, end: dt.date, kind: str) -> None:
    period = Period.parse(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize("bad", ["2026-Q5", "2026-H3", "Q3", "26-Q1", "2026-13", "next quarter"])
def test_parse_rejects(bad: str) -> None:
    with pytest.raises(PeriodError, match=r"expected a period|month|is not"):
        Period.parse(bad)


def test_model_field_accepts_strings_ints_and_mappings() -> None:
    assert Objective(id="o", title="T", period="2026-Q2").period == Period.parse("2026-Q2")
    assert Objective(id="o", title="T", period=2027).period == Period.parse("2027")
    custom = Objective(id="o", title="T", period={"start": "2026-02-01", "end": "2026-02-10"})
    assert custom.period is not None and custom.period.days == 10
    with pytest.raises(OKRError, match="period"):
        Objective(id="o", title="T", period={"start": "2026-02-10", "end": "2026-02-01"})
    with pytest.raises(OKRError, match="period"):
        Objective(id="o", title="T", period="soon")


def test_fraction_elapsed_end_of_day() -> None:
    q = Period.parse("2026-Q3")  # 92 days
    assert q.days == 92
    assert q.fraction_elapsed(dt.date(2026, 6, 30)) == 0.0
    assert q.fraction_elapsed(dt.date(2026, 7, 1)) == pytest.approx(1 / 92)
    assert q.fraction_elapsed(dt.date(2026, 8, 15)) == pytest.approx(0.5)
    assert q.fraction_elapsed(dt.date(2026, 9, 30)) == 1.0
    assert q.fraction_elapsed(dt.date(2027, 1, 1)) == 1.0


def test_containing_and_quarter() -> None:
    assert Period.containing(dt.date(2026, 11, 23)) == Period.parse("2026-Q4")
    assert Period.containing(dt.date(2026, 11, 23), "half") == Period.parse("2026-H2")
    assert Period.containing(dt.date(2026, 11, 23), "month") == Period.parse("2026-11")
    assert Period.quarter(2027, 1) == Period.parse("2027-Q1")
    with pytest.raises(PeriodError):
        Period.quarter(2027, 0)


@given(st.dates(), st.integers(min_value=0, max_value=400), st.dates())
def test_fraction_elapsed_is_monotone_and_bounded(start: dt.date, length: int, on: dt.date) -> None:
    try:
        end = start + dt.timedelta(days=length)
    except OverflowError:
        return
    period = Period(start=start, end=end)
    f = period.fraction_elapsed(on)
    assert 0.0 <= f <= 1.0
    try:
        later = on + dt.timedelta(days=1)
    except OverflowError:
        return
    assert period.fraction_elapsed(later) >= f
