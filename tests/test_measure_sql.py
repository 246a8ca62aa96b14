"""SQL sources against SQLite files the tests build, through SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import marketing_data as data
import pytest
import sqlalchemy as sa

import okrkit
from okrkit.errors import MeasureError, ValidationError
from okrkit.measure import Measurement, Reading, SqlSource, record

ON = dt.date(2026, 11, 15)


@pytest.fixture()
def crm(tmp_path: Path) -> Path:
    """A SQLite CRM in a plan folder, with the plan file next to it."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'crm.db'}")
    data.build(engine)
    engine.dispose()
    (tmp_path / "okrs.yaml").write_text(data.plan_yaml("sqlite:///crm.db"), encoding="utf-8")
    return tmp_path


def _measure(folder: Path, **kwargs: object) -> dict[str, okrkit.measure.Measurement]:
    plan = okrkit.load(folder / "okrs.yaml")
    results = okrkit.measure(plan, base_dir=folder, environ={}, **kwargs)
    return {m.ref: m for m in results}


def test_measures_every_key_result_from_sqlite(crm: Path) -> None:
    results = _measure(crm, on=ON)
    want = data.expected(ON)
    assert set(results) == set(want)
    for ref, value in want.items():
        assert results[ref].status == "measured", results[ref].error
        assert results[ref].value == pytest.approx(value)
        assert results[ref].date == ON
    cac = results["pipeline/cac"].readings[0]
    assert cac.inputs is not None and cac.inputs["new_customers"] > 0
    assert results["loyalty/nps"].source == "formula:nps(sql:crm)"


def test_a_past_date_reads_only_rows_up_to_it(crm: Path) -> None:
    early, late = dt.date(2026, 10, 20), dt.date(2026, 12, 31)
    first = _measure(crm, on=early)["pipeline/mqls"].value
    last = _measure(crm, on=late)["pipeline/mqls"].value
    assert first == data.expected(early)["pipeline/mqls"]
    assert last == data.expected(late)["pipeline/mqls"]
    assert first is not None and last is not None and first < last


def test_recording_twice_on_one_date_updates_never_duplicates(crm: Path) -> None:
    plan = okrkit.load(crm / "okrs.yaml")
    once = record(plan, okrkit.measure(plan, on=ON, base_dir=crm, environ={}))
    again_results = okrkit.measure(once, on=ON, base_dir=crm, environ={})
    assert {m.status for m in again_results} == {"unchanged"}
    twice = record(once, again_results)
    for objective in twice.objectives:
        for kr in objective.key_results:
            assert [c.date for c in kr.check_ins] == [ON]
    later = record(twice, okrkit.measure(twice, on=dt.date(2026, 11, 22), base_dir=crm))
    _, mqls = later.key_result("mqls")
    assert [c.date for c in mqls.check_ins] == [ON, dt.date(2026, 11, 22)]
    assert mqls.value == data.expected(dt.date(2026, 11, 22))["pipeline/mqls"]


def test_provenance_round_trips_through_the_plan_file(crm: Path) -> None:
    plan = okrkit.load(crm / "okrs.yaml")
    measured = record(plan, okrkit.measure(plan, on=ON, base_dir=crm, environ={}))
    for fmt in ("yaml", "json"):
        path = crm / f"saved.{fmt}"
        okrkit.dump(measured, path)
        back = okrkit.load(path)
        assert back == measured
        _, kr = back.key_result("nps")
        provenance = kr.check_ins[0].provenance
        assert provenance is not None and provenance.source == "formula:nps(sql:crm)"
        assert provenance.fetched_at.tzinfo is not None
        assert kr.check_ins[0].inputs is not None
        assert kr.value == pytest.approx(data.expected(ON)["loyalty/nps"])


def test_a_persons_note_on_the_same_date_is_kept(crm: Path) -> None:
    plan = okrkit.load(crm / "okrs.yaml")
    _, kr = plan.key_result("mqls")
    kr.check_ins.append(
        okrkit.CheckIn(date=ON, value=1, confidence=0.6, note="webinar slipped", author="Ana")
    )
    _, nps = plan.key_result("nps")
    nps.check_ins.append(okrkit.CheckIn(date=ON, value=31, note="by hand"))
    updated = record(plan, okrkit.measure(plan, on=ON, base_dir=crm, environ={}, only=["mqls"]))
    assert updated.key_result("nps")[1].check_ins == nps.check_ins  # not measured: kept as is
    _, kr = updated.key_result("mqls")
    (check_in,) = kr.check_ins
    assert check_in.value == data.expected(ON)["pipeline/mqls"]
    assert (check_in.note, check_in.author, check_in.confidence) == ("webinar slipped", "Ana", 0.6)


def test_history_rows_become_one_check_in_per_date(crm: Path) -> None:
    plan = okrkit.load(crm / "okrs.yaml")
    _, kr = plan.key_result("mqls")
    kr.measure = SqlSource(connection="crm", query=data.MQL_HISTORY, history=True)
    (result,) = okrkit.measure(plan, on=ON, only=["mqls"], base_dir=crm, environ={})
    days = [r.date for r in result.readings]
    assert days == sorted(days) and days[-1] <= ON and days[0] >= data.START
    mql_days = {x.mql_on for x in data.leads() if data.between(x.mql_on, data.START, ON)}
    assert set(days) == mql_days
    assert result.value == data.expected(ON)["pipeline/mqls"]
    _, recorded = record(plan, [result]).key_result("mqls")
    assert len(recorded.check_ins) == len(mql_days)


def _plan_with(folder: Path, query: str, url: str = "sqlite:///crm.db") -> okrkit.Plan:
    text = data.plan_yaml(url)
    plan = okrkit.loads(text)
    _, kr = plan.key_result("mqls")
    kr.measure = SqlSource(connection="crm", query=query)
    return plan


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT count(*) FROM leadz", "no such table: leadz"),
        ("SELECT sum(id) FROM leads WHERE id < 0", "NULL"),
        ("SELECT id FROM leads", "300 row(s) of 1 column(s)"),
        ("SELECT email FROM leads WHERE id = 1", "'lead1@example.com'"),
        ("SELECT count(*) FROM leads WHERE created_on <= :until", "until"),
    ],
)
def test_a_failing_query_is_reported_and_others_still_run(
    crm: Path, query: str, message: str
) -> None:
    plan = _plan_with(crm, query)
    results = {m.ref: m for m in okrkit.measure(plan, on=ON, base_dir=crm, environ={})}
    failed = results["pipeline/mqls"]
    assert failed.status == "failed" and failed.value is None
    assert failed.error is not None
    text = str(failed.error)
    assert text.startswith("pipeline/mqls: connection crm: ")
    assert message in text
    assert results["loyalty/nps"].status == "measured"
    assert record(plan, results.values()).key_result("mqls")[1].check_ins == []


def test_parameters_are_bound_never_formatted(crm: Path) -> None:
    # A query with % and braces would break string formatting; a bound value
    # that looks like SQL stays a value.
    query = (
        "SELECT count(*) FROM leads WHERE email LIKE '%@example.com' "
        "AND '{on}' = '{on}' AND created_on <= :on"
    )
    plan = _plan_with(crm, query)
    (result,) = okrkit.measure(plan, on=ON, only=["mqls"], base_dir=crm, environ={})
    assert result.value == sum(x.created_on <= ON for x in data.leads())


def test_connection_urls_read_secrets_from_the_environment(crm: Path) -> None:
    plan = _plan_with(crm, data.MQLS, url="sqlite:///${CRM_DIR}/crm.db")
    (ok,) = okrkit.measure(plan, on=ON, only=["mqls"], environ={"CRM_DIR": str(crm)})
    assert ok.value == data.expected(ON)["pipeline/mqls"]
    (missing,) = okrkit.measure(plan, on=ON, only=["mqls"], environ={})
    assert missing.status == "failed"
    assert str(missing.error) == (
        "pipeline/mqls: connection crm: environment variable CRM_DIR is not set"
    )


def test_an_undefined_connection_is_named(crm: Path) -> None:
    plan = _plan_with(crm, data.MQLS)
    _, kr = plan.key_result("mqls")
    kr.measure = SqlSource(connection="warehouse", query=data.MQLS)
    (result,) = okrkit.measure(plan, on=ON, only=["mqls"], base_dir=crm)
    assert "connection 'warehouse' is not defined" in str(result.error)
    assert "(defined: crm)" in str(result.error)


@pytest.mark.parametrize(
    "url",
    ["postgresql://okr:hunter2@db/crm", "postgresql://okr:${PW}x@db/crm", "sqlite:///$HOME/x.db"],
)
def test_a_secret_or_a_bare_dollar_in_a_url_is_refused(url: str) -> None:
    with pytest.raises(ValidationError) as info:
        okrkit.loads(data.plan_yaml(url), source="okrs.yaml")
    assert "okrs.yaml:5: connections.crm.url:" in str(info.value)
    assert "hunter2" not in str(info.value)


def test_a_measure_block_with_an_unknown_kind_names_the_line() -> None:
    text = data.plan_yaml("sqlite:///crm.db").replace("kind: sql\n", "kind: sqll\n", 1)
    with pytest.raises(ValidationError) as info:
        okrkit.loads(text, source="okrs.yaml")
    assert "okrs.yaml:15: objectives[0].key_results[0].measure:" in str(info.value)
    assert "'sql', 'csv', 'formula', 'plugin'" in str(info.value)


def test_only_names_key_results_and_refuses_unknown_ones(crm: Path) -> None:
    assert list(_measure(crm, on=ON, only=["pipeline/cac"])) == ["pipeline/cac"]
    plan = okrkit.load(crm / "okrs.yaml")
    with pytest.raises(okrkit.PlanError, match="no key result 'nope'"):
        okrkit.measure(plan, on=ON, only=["nope"])


def test_the_package_is_also_the_function() -> None:
    import okrkit.measure as package
    from okrkit.measure.run import measure

    assert okrkit.measure is package
    plan = okrkit.loads("objectives: []")
    assert okrkit.measure(plan) == package.measure(plan) == measure(plan) == []


def test_measure_error_names_kr_and_connection() -> None:
    error = MeasureError("boom", ref="o/k", connection="crm")
    assert str(error) == "o/k: connection crm: boom"
    assert isinstance(error, okrkit.OKRError)


def test_the_plan_schema_validates_measure_blocks() -> None:
    import jsonschema
    import yaml

    validator = jsonschema.Draft202012Validator(okrkit.schema())
    good = yaml.safe_load(data.plan_yaml("sqlite:///crm.db"))
    assert list(validator.iter_errors(good)) == []
    kr = good["objectives"][0]["key_results"][0]
    for broken in ({**kr["measure"], "kind": "sqll"}, {"connection": "crm", "query": "x"}):
        kr["measure"] = broken
        assert list(validator.iter_errors(good)), broken
    reading = Reading(ON, 12.0)
    fetched = dt.datetime(2026, 11, 15, 6, tzinfo=dt.UTC)
    measurement = Measurement("pipeline/mqls", "sql:crm", fetched, None, (reading,))
    measured = record(okrkit.loads(data.plan_yaml("sqlite:///crm.db")), [measurement])
    assert measured.key_result("mqls")[1].check_ins[0].provenance is not None
    assert list(validator.iter_errors(json.loads(okrkit.dumps(measured, "json")))) == []
