"""CSV for spreadsheets: the delimiter and decimal sign follow the document's locale."""

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.numbers import get_decimal_symbol
from hypothesis import example, given
from hypothesis import strategies as st

import okrkit
from okrkit.csv_dialect import RFC4180, CsvDialect, format_cell, spreadsheet_dialect
from okrkit.i18n import SUPPORTED, resolve_locale
from okrkit.rendering import csv_row

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"
ON = dt.date(2026, 11, 27)


@pytest.mark.parametrize("locale", SUPPORTED)
def test_default_dialect_follows_the_decimal_sign(locale: str) -> None:
    comma = get_decimal_symbol(resolve_locale(locale).babel) == ","
    assert comma == (locale in ("sv", "ru", "vi"))
    assert spreadsheet_dialect(locale) == (CsvDialect(";", ",") if comma else RFC4180)
    assert spreadsheet_dialect(locale, "\t").decimal == ("," if comma else ".")
    assert spreadsheet_dialect(locale, ",") == RFC4180


@pytest.mark.parametrize("bad", ['"', "", ";;", "\n", "5", "."])
def test_bad_delimiters_are_errors(bad: str) -> None:
    with pytest.raises(okrkit.OKRError, match="CSV delimiter"):
        spreadsheet_dialect("sv", bad)


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers())
@example(10696049115005175)  # beyond a float's precision: written as the integer it is
def test_numbers_read_back_in_the_dialect(value: float) -> None:
    dialect = CsvDialect(";", ",")
    text = csv_row([value, "x"], dialect=dialect)
    cell = next(csv.reader(io.StringIO(text), delimiter=";"))[0]
    assert "." not in cell
    if isinstance(value, int):  # exact: a float cannot hold every int above 2**53
        assert cell == str(value)
    else:
        assert float(cell.replace(",", ".")) == value
    assert format_cell(True, dialect) is True and format_cell("1.5", dialect) == "1.5"


def test_swedish_dashboard_opens_in_a_swedish_spreadsheet() -> None:
    plan = okrkit.load(EXAMPLE)
    text = okrkit.render(plan, "csv", locale="sv", on=ON, delimiter=None)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len({len(r) for r in rows}) == 1 and len(rows[0]) > 10
    score = okrkit.score(plan, on=ON).children[0].children[0]
    progress = rows[1][6]
    assert "," in progress and float(progress.replace(",", ".")) == pytest.approx(
        score.value, abs=1e-4
    )
    plain = list(csv.reader(io.StringIO(okrkit.render(plan, "csv", locale="sv", on=ON))))
    assert float(plain[1][6]) == pytest.approx(score.value, abs=1e-4)  # the library default: ","


def test_formulas_stay_neutralised_with_semicolons() -> None:
    text = csv_row(["=1+2", -1.5, "-3"], dialect=CsvDialect(";", ","))
    assert next(csv.reader(io.StringIO(text), delimiter=";")) == ["'=1+2", "-1,5", "-3"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_", "OKRKIT_"))}
    return subprocess.run(
        [sys.executable, "-m", "okrkit", "render", str(EXAMPLE), "--format", "csv", "--on",
         "2026-11-27", *args],
        capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)}, timeout=120,
    )  # fmt: skip


def test_cli_delimiter_default_and_options() -> None:
    sv = run("--locale", "sv")
    header = sv.stdout.splitlines()[0]
    assert header.count(";") == 13 and "," not in header
    en = run("--locale", "en")
    assert en.stdout.splitlines()[0].count(",") == 13
    tab = run("--locale", "vi", "--delimiter", "tab", "--bom")
    assert tab.stdout.startswith("\ufeff") and tab.stdout.splitlines()[0].count("\t") == 13
    assert ",4833" in tab.stdout
    comma = run("--locale", "ru", "--delimiter", ",")
    assert "0.4833" in comma.stdout
    bad = run("--delimiter", "ab")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
