"""CSV sources: exports with the quirks of real tools."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import okrkit
from okrkit.errors import MeasureError, ValidationError
from okrkit.measure import Context, CsvSource
from okrkit.measure.csvfiles import parse_number, read_csv

ON = dt.date(2026, 11, 15)
Q4 = dt.date(2026, 10, 1)


def _context(folder: Path, on: dt.date = ON) -> Context:
    return Context(on=on, period_start=Q4, period_end=dt.date(2026, 12, 31), base_dir=folder)


def _read(folder: Path, **spec: object) -> float:
    (reading,) = read_csv(CsvSource(**spec), _context(folder))  # type: ignore[arg-type]
    return reading.value


GA4 = """\
# ----------------------------------------
# Sessions by date
# Account: Example Shop
# Property: example.com
# ----------------------------------------

Date,Session default channel group,Sessions,Engaged sessions,Engagement rate
20260930,Organic Search,"1,204",800,66.4%
20261001,Organic Search,"1,310",865,66.0%
20261001,Paid Search,420,210,50.0%
20261114,Organic Search,"1,522",1001,65.8%
20261115,Organic Search,"1,611",1100,68.3%
20261116,Organic Search,"1,999",1300,65.0%
,Grand total,"8,066",5276,65.4%
"""


def test_ga4_export_with_comments_thousands_and_a_totals_row(tmp_path: Path) -> None:
    (tmp_path / "ga4.csv").write_text(GA4, encoding="utf-8")
    spec = {"path": "ga4.csv", "column": "Sessions", "date_column": "Date"}
    organic = {"Session default channel group": "Organic Search"}
    # period to date: Oct 1 .. Nov 15; the Sep 30 row, the Nov 16 row and the totals row stay out
    assert _read(tmp_path, **spec, aggregate="sum") == 1310 + 420 + 1522 + 1611
    assert _read(tmp_path, **spec, aggregate="sum", filters=organic) == 1310 + 1522 + 1611
    assert _read(tmp_path, **spec, aggregate="last", filters=organic) == 1611
    assert _read(tmp_path, **spec, aggregate="count") == 4
    assert _read(tmp_path, **spec, aggregate="sum", window="7d") == 1522 + 1611
    assert _read(tmp_path, **spec, aggregate="sum", window="month") == 1522 + 1611
    assert _read(tmp_path, **spec, aggregate="sum", window="all") == 1204 + 1310 + 420 + 1522 + 1611
    rate = {"path": "ga4.csv", "column": "Engagement rate", "date_column": "Date"}
    assert _read(tmp_path, **rate, aggregate="mean", filters=organic) == pytest.approx(
        (66.0 + 65.8 + 68.3) / 3
    )


HUBSPOT_SV = """\
"Skapad";"Kontakt-ID";"Livscykelfas";"Affärsvärde (SEK)"
"2026-10-03 09:12";"101";"Marketing Qualified Lead";"12 500,00"
"2026-10-17 14:40";"102";"Sales Qualified Lead";"1.250,50"
"2026-11-02 08:05";"103";"Marketing Qualified Lead";"980,25"
"2026-11-02 08:05";"103";"Marketing Qualified Lead";"980,25"
"2026-11-20 11:00";"104";"Marketing Qualified Lead";"3 000,00"
"Summe";"";"";"17 711,00"
"""


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_semicolons_decimal_commas_and_encodings(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "hubspot.csv").write_bytes(HUBSPOT_SV.encode(encoding))
    spec = {"path": "hubspot.csv", "date_column": "Skapad"}
    value = {**spec, "column": "Affärsvärde (SEK)"}
    assert _read(tmp_path, **value, aggregate="sum") == pytest.approx(12500 + 1250.5 + 980.25 * 2)
    mql = {"Livscykelfas": "Marketing Qualified Lead"}
    assert (
        _read(tmp_path, **spec, column="Kontakt-ID", aggregate="count_distinct", filters=mql) == 2
    )
    either = {"Livscykelfas": ["Marketing Qualified Lead", "Sales Qualified Lead"]}
    assert _read(tmp_path, **spec, aggregate="count", filters=either) == 4


def test_google_ads_utf16_tab_export(tmp_path: Path) -> None:
    rows = (
        "Day\tCampaign\tCost\tConversions\n"
        "Nov 13, 2026\tBrand\t1,234.56\t12.00\n"
        "Nov 14, 2026\tBrand\t987.10\t9.00\n"
        "Total: Account\t--\t2,221.66\t21.00\n"
    )
    (tmp_path / "ads.csv").write_bytes(codecs.BOM_UTF16_LE + rows.encode("utf-16-le"))
    spec = {"path": "ads.csv", "date_column": "Day", "column": "Cost"}
    assert _read(tmp_path, **spec, aggregate="sum") == pytest.approx(1234.56 + 987.10)
    assert _read(tmp_path, **spec, aggregate="last") == pytest.approx(987.10)


def test_a_glob_reads_every_monthly_export(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "survey-2026-10.csv").write_text("answered,score\n2026-10-05,9\n2026-10-06,4\n")
    (exports / "survey-2026-11.csv").write_text("answered,score\n2026-11-01,10\n2026-11-30,0\n")
    spec = {"path": "exports/survey-*.csv", "date_column": "answered", "column": "score"}
    assert _read(tmp_path, **spec, aggregate="count") == 3
    assert _read(tmp_path, **spec, aggregate="mean") == pytest.approx((9 + 4 + 10) / 3)


def test_errors_name_the_file_the_row_and_the_columns(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("date,value\n2026-10-02,1\nyesterday,2\n")
    with pytest.raises(MeasureError, match=r"a\.csv, row 3: 'yesterday' is not a date"):
        _read(tmp_path, path="a.csv", column="value", date_column="date", aggregate="sum")
    with pytest.raises(MeasureError, match=r"no column 'Value!'; the columns are: date, value"):
        _read(tmp_path, path="a.csv", column="Value!", date_column="date", aggregate="sum")
    with pytest.raises(MeasureError, match=r"no file matches missing-\*\.csv"):
        _read(tmp_path, path="missing-*.csv", column="value", window="all")
    (tmp_path / "b.csv").write_text("date,value\n2026-12-20,1\n")
    with pytest.raises(MeasureError, match="no rows with a value in the window from 2026-10-01"):
        _read(tmp_path, path="b.csv", column="value", date_column="date", aggregate="sum")
    assert _read(tmp_path, path="b.csv", date_column="date", aggregate="count") == 0


def test_a_measure_block_needs_what_its_aggregate_reads() -> None:
    with pytest.raises(ValidationError, match="column: aggregate sum needs the column"):
        CsvSource(path="x.csv", aggregate="sum", date_column="d")
    with pytest.raises(ValidationError, match="date_column: window 7d needs the date column"):
        CsvSource(path="x.csv", column="v", window="7d")


def test_a_csv_key_result_measures_from_the_plan_folder(tmp_path: Path) -> None:
    (tmp_path / "ga4.csv").write_text(GA4, encoding="utf-8")
    plan = okrkit.loads(
        """
period: 2026-Q4
objectives:
  - id: web
    title: Be found by the buyers who search
    key_results:
      - id: organic
        title: Organic sessions this quarter
        baseline: 0
        target: 20000
        measure: {kind: csv, path: ga4.csv, column: Sessions, date_column: Date,
                  aggregate: sum, filters: {Session default channel group: Organic Search}}
"""
    )
    (result,) = okrkit.measure(plan, on=ON, base_dir=tmp_path)
    assert result.value == 1310 + 1522 + 1611 and result.source == "csv:ga4.csv"


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_numbers_read_back_in_both_conventions(value: object) -> None:
    number = float(value)  # type: ignore[arg-type]
    english = f"{number:,.2f}"
    swedish = english.replace(",", " ").replace(".", ",")
    german = english.replace(",", "X").replace(".", ",").replace("X", ".")
    assert parse_number(english, ".") == pytest.approx(number)
    assert parse_number(swedish, ",") == pytest.approx(number)
    assert parse_number(german, ",") == pytest.approx(number)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("d;v\n2026-11-01;1,250\n2026-11-02;2,500\n", 3.75),  # ';' export: comma is decimal
        ('d,v\n2026-11-01,"1,250"\n2026-11-02,"2,500"\n', 3750),  # ',' export: thousands
        ("d\tv\n2026-11-01\t1.250\n2026-11-02\t2,5\n", 1252.5),  # "2,5" tells the mark
        ("d;v\n2026-11-01;1.250,5\nTotalt;1.250,5\n", 1250.5),
    ],
)
def test_an_ambiguous_separator_follows_the_export_convention(
    tmp_path: Path, text: str, expected: float
) -> None:
    (tmp_path / "x.csv").write_text(text, encoding="utf-8")
    assert _read(tmp_path, path="x.csv", column="v", date_column="d", aggregate="sum") == (
        pytest.approx(expected)
    )
