"""``period_start``: the first day and the precision of a TIMEX3 value."""

import datetime as dt

import pytest

from extraction.temporal.periods import PRECISIONS, period_start


@pytest.mark.parametrize(("value", "day", "precision"), [
    ("2021-07-09", dt.date(2021, 7, 9), "day"),
    ("2021-07-09T14:30", dt.date(2021, 7, 9), "day"),
    ("2021-07-09TEV", dt.date(2021, 7, 9), "day"),
    ("2021-W01", dt.date(2021, 1, 4), "week"),
    ("2020-W53", dt.date(2020, 12, 28), "week"),
    ("2021-W27-WE", dt.date(2021, 7, 5), "week"),
    ("2021-07", dt.date(2021, 7, 1), "month"),
    ("2021-Q1", dt.date(2021, 1, 1), "quarter"),
    ("2021-Q3", dt.date(2021, 7, 1), "quarter"),
    ("2021-SP", dt.date(2021, 3, 1), "season"),
    ("2021-SU", dt.date(2021, 6, 1), "season"),
    ("2021-FA", dt.date(2021, 9, 1), "season"),
    ("2021-AU", dt.date(2021, 9, 1), "season"),
    ("2021-WI", dt.date(2021, 12, 1), "season"),
    ("1987", dt.date(1987, 1, 1), "year"),
    ("198", dt.date(1980, 1, 1), "decade"),
    ("18", dt.date(1800, 1, 1), "century"),
])
def test_period_start_places_calendar_values(value, day, precision):
    assert period_start(value) == (day, precision)
    assert precision in PRECISIONS


@pytest.mark.parametrize("value", [
    None, "", "PAST_REF", "PRESENT_REF", "FUTURE_REF", "P2W", "PT6H", "XXXX-WXX-2", "XXXX-11",
    "198X", "2021-13", "2021-00", "2021-02-29", "2021-W54", "2021-W00", "2021-Q5", "0000", "000",
    "2021-7", "7",
])
def test_period_start_gives_nothing_for_values_without_a_place(value):
    assert period_start(value) == (None, None)


def test_period_start_does_not_need_pandas():
    import subprocess
    import sys

    code = ("import sys, extraction.temporal.periods\n"
            "print('pandas' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == "False"
