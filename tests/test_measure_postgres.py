"""SQL sources against a real PostgreSQL server (started by the tests, on a Unix socket)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import marketing_data as data
import pytest
import sqlalchemy as sa
from postgres import PASSWORD, Server, running_server

import okrkit
from okrkit.cli import main
from okrkit.measure import SqlSource, record

ON = dt.date(2026, 11, 15)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server() as pg:
        engine = sa.create_engine(pg.url(PASSWORD))
        data.build(engine)
        engine.dispose()
        yield pg


def _plan(server: Server) -> okrkit.Plan:
    return okrkit.loads(data.plan_yaml(server.url()), source="okrs.yaml")


def test_the_same_queries_measure_the_same_numbers(server: Server) -> None:
    results = {
        m.ref: m for m in okrkit.measure(_plan(server), on=ON, environ={"PGPASSWORD": PASSWORD})
    }
    for ref, value in data.expected(ON).items():
        assert results[ref].status == "measured", results[ref].error
        assert results[ref].value == pytest.approx(value)


def test_a_history_query_on_postgres(server: Server) -> None:
    plan = _plan(server)
    _, kr = plan.key_result("mqls")
    kr.measure = SqlSource(connection="crm", query=data.MQL_HISTORY, history=True)
    (result,) = okrkit.measure(plan, on=ON, only=["mqls"], environ={"PGPASSWORD": PASSWORD})
    assert result.value == data.expected(ON)["pipeline/mqls"]
    assert {r.date for r in result.readings} == {
        x.mql_on for x in data.leads() if data.between(x.mql_on, data.START, ON)
    }


def test_a_wrong_password_is_reported_with_the_servers_message(server: Server) -> None:
    plan = _plan(server)
    results = okrkit.measure(plan, on=ON, environ={"PGPASSWORD": "not-the-password"})
    assert {m.status for m in results} == {"failed"}
    for result in results:
        text = str(result.error)
        assert text.startswith(f"{result.ref}: connection crm: ")
        assert 'password authentication failed for user "okr"' in text
        assert "not-the-password" not in text
    assert record(plan, results) == plan  # nothing to write


def test_a_server_that_is_down_is_reported(server: Server) -> None:
    plan = _plan(server)
    server.stop()
    try:
        results = okrkit.measure(plan, on=ON, environ={"PGPASSWORD": PASSWORD})
    finally:
        server.start()
    assert {m.status for m in results} == {"failed"}
    text = str(results[0].error)
    assert text.startswith("pipeline/mqls: connection crm: ")
    assert "Is the server running" in text  # libpq's own words
    after = okrkit.measure(plan, on=ON, only=["mqls"], environ={"PGPASSWORD": PASSWORD})
    assert after[0].status == "measured"


def test_a_sql_error_carries_the_databases_message(server: Server) -> None:
    plan = _plan(server)
    _, kr = plan.key_result("mqls")
    kr.measure = SqlSource(connection="crm", query="SELECT count(*) FROM leads WHERE stage = 'MQL'")
    (result,) = okrkit.measure(plan, on=ON, only=["mqls"], environ={"PGPASSWORD": PASSWORD})
    assert 'column "stage" does not exist' in str(result.error)


def test_the_command_writes_nothing_when_the_password_is_wrong(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = tmp_path / "okrs.yaml"
    plan_file.write_text(data.plan_yaml(server.url()), encoding="utf-8")
    before = plan_file.read_bytes()
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["measure", str(plan_file), "--on", ON.isoformat(), "--locale", "en"], out=out, err=err
    )
    assert code == 1
    assert plan_file.read_bytes() == before
    assert "okrkit: error: pipeline/mqls: connection crm: " in err.getvalue()
    assert err.getvalue().count('password authentication failed for user "okr"') == 3
    assert "not-the-password" not in err.getvalue() + out.getvalue()
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    code = main(["measure", str(plan_file), "--on", ON.isoformat()], out=out, err=err)
    assert code == 0
    assert okrkit.load(plan_file).key_result("mqls")[1].value == data.expected(ON)["pipeline/mqls"]
