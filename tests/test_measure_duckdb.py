"""DuckDB through its SQLAlchemy driver: querying CSV and Parquet exports in place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import marketing_data as data
import pytest

import okrkit

ON = dt.date(2026, 11, 15)


@pytest.fixture()
def exports(tmp_path: Path) -> Path:
    """A plan folder with the leads as a CSV export and the spend as Parquet."""
    folder = tmp_path / "exports"
    folder.mkdir()
    lines = ["id,email,channel,created_on,mql_on,won_on"]
    for x in data.leads():
        cells = [x.id, x.email, x.channel, x.created_on, x.mql_on or "", x.won_on or ""]
        lines.append(",".join(map(str, cells)))
    (folder / "leads.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    spend_csv = tmp_path / "spend.csv"
    spend_csv.write_text(
        "campaign_id,day,amount\n"
        + "".join(f"{s.campaign_id},{s.day},{s.amount}\n" for s in data.spend()),
        encoding="utf-8",
    )
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * FROM read_csv('{spend_csv}')) TO '{folder / 'spend.parquet'}' "
        "(FORMAT parquet)"
    )
    con.close()
    spend_csv.unlink()
    return tmp_path


PLAN = """\
period: 2026-Q4
connections:
  lake: {url: "duckdb:///:memory:"}
objectives:
  - id: pipeline
    title: Build a pipeline sales can count on
    key_results:
      - id: mqls
        title: Marketing-qualified leads this quarter
        baseline: 0
        target: 200
        measure:
          kind: sql
          connection: lake
          query: >-
            SELECT count(*) FROM read_csv('exports/leads.csv')
            WHERE mql_on BETWEEN :period_start AND :on
      - id: cac
        title: Customer acquisition cost
        unit: currency
        currency: EUR
        metric: cac
        baseline: 900
        target: 600
        measure:
          kind: formula
          inputs:
            spend:
              kind: sql
              connection: lake
              query: >-
                SELECT COALESCE(sum(amount), 0) FROM 'exports/spend.parquet'
                WHERE day BETWEEN :period_start AND :on
            new_customers:
              kind: sql
              connection: lake
              query: >-
                SELECT count(*) FROM read_csv('exports/leads.csv')
                WHERE won_on BETWEEN :period_start AND :on
"""


def test_duckdb_reads_csv_and_parquet_next_to_the_plan(exports: Path) -> None:
    plan = okrkit.loads(PLAN)
    results = {m.ref: m for m in okrkit.measure(plan, on=ON, base_dir=exports, environ={})}
    want = data.expected(ON)
    for ref in ("pipeline/mqls", "pipeline/cac"):
        assert results[ref].status == "measured", results[ref].error
        assert results[ref].value == pytest.approx(want[ref])


def test_a_missing_export_is_duckdbs_own_message(exports: Path) -> None:
    (exports / "exports" / "spend.parquet").unlink()
    plan = okrkit.loads(PLAN)
    results = {m.ref: m for m in okrkit.measure(plan, on=ON, base_dir=exports, environ={})}
    assert results["pipeline/mqls"].status == "measured"
    failed = results["pipeline/cac"]
    assert failed.status == "failed"
    text = str(failed.error)
    assert text.startswith("pipeline/cac: connection lake: input spend: ")
    assert "spend.parquet" in text
