"""Recording measurements in plan files: layout kept, one check-in per date, atomic."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import okrkit
from okrkit.errors import ValidationError
from okrkit.measure import Measurement, Reading, record
from okrkit.measure.writing import record_file

FETCHED = dt.datetime(2026, 11, 16, 6, 0, 5, tzinfo=dt.UTC)

PLAN = """\
# Marketing OKRs, Q4 -- edited by hand, measured by okrkit
period: 2026-Q4

objectives:
  - id: pipeline
    title: Build a pipeline sales can count on   # the one that matters
    key_results:
      - id: mqls
        title: Marketing-qualified leads
        baseline: 0
        target: 200
        measure: {kind: csv, path: mqls.csv, column: n, window: all}
        check_ins:
          - {date: 2026-11-01, value: 40, note: "first export"}  # by hand
          - date: 2026-11-08
            value: 55
            author: Ana

      # Sales-qualified: measured from the CRM too
      - id: sqls
        title: Sales-qualified leads
        baseline: 0
        target: 80
        measure: {kind: csv, path: sqls.csv, column: n, window: all}
"""


def _measurement(ref: str, *readings: tuple[dt.date, float]) -> Measurement:
    return Measurement(ref, "csv:x.csv", FETCHED, None, tuple(Reading(d, v) for d, v in readings))


def _file(tmp_path: Path, text: str = PLAN, name: str = "okrs.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_date_is_inserted_in_the_style_of_its_neighbours(tmp_path: Path) -> None:
    path = _file(tmp_path)
    written = record_file(
        path,
        [
            _measurement("pipeline/mqls", (dt.date(2026, 11, 15), 61)),
            _measurement("pipeline/sqls", (dt.date(2026, 11, 15), 12)),
        ],
    )
    assert written.kept_layout and written.refs == ("pipeline/mqls", "pipeline/sqls")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Marketing OKRs, Q4 -- edited by hand, measured by okrkit\n")
    assert "# the one that matters" in text and "# by hand" in text
    assert "      # Sales-qualified: measured from the CRM too\n      - id: sqls" in text
    lines = text.splitlines()
    new = lines.index("            value: 55") + 2  # block style after a block check-in
    assert lines[new] == "          - date: 2026-11-15"
    assert "          - {date: 2026-11-15, value: 12, provenance: {source: 'csv:x.csv', " in text
    plan = okrkit.load(path)
    assert plan.key_result("mqls")[1].value == 61
    assert plan == written.plan


def test_the_same_date_is_replaced_in_place_and_keeps_what_a_person_wrote(
    tmp_path: Path,
) -> None:
    path = _file(tmp_path)
    record_file(path, [_measurement("pipeline/mqls", (dt.date(2026, 11, 1), 42))])
    text = path.read_text(encoding="utf-8")
    assert "first export" in text and "# by hand" in text
    (first, second) = okrkit.load(path).key_result("mqls")[1].check_ins
    assert (first.value, first.note, second.value) == (42, "first export", 55)
    assert first.provenance is not None and first.provenance.fetched_at == FETCHED
    record_file(path, [_measurement("pipeline/mqls", (dt.date(2026, 11, 8), 56))])
    (_, second) = okrkit.load(path).key_result("mqls")[1].check_ins
    assert (second.value, second.author) == (56, "Ana")
    assert path.read_text(encoding="utf-8").count("2026-11-08") == 1


def test_a_backfilled_history_goes_in_date_order(tmp_path: Path) -> None:
    path = _file(tmp_path)
    days = [dt.date(2026, 10, 25), dt.date(2026, 11, 4), dt.date(2026, 11, 8)]
    record_file(path, [_measurement("pipeline/mqls", *((d, 10.0 * i) for i, d in enumerate(days)))])
    dates = [c.date for c in okrkit.load(path).key_result("mqls")[1].check_ins]
    assert dates == sorted(dates) == [days[0], dt.date(2026, 11, 1), days[1], days[2]]


def test_nothing_changed_means_nothing_written(tmp_path: Path) -> None:
    path = _file(tmp_path)
    record_file(path, [_measurement("pipeline/mqls", (dt.date(2026, 11, 15), 61))])
    before = path.stat().st_mtime_ns, path.read_bytes()
    plan = okrkit.load(path)
    again = okrkit.measure.Measurement(
        "pipeline/mqls", "csv:x.csv", FETCHED, 61, (Reading(dt.date(2026, 11, 15), 61),)
    )
    assert record(plan, [again]) == plan
    written = record_file(path, [again])
    assert written.refs == () and (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_json_files_and_byte_order_marks(tmp_path: Path) -> None:
    plan = okrkit.loads(PLAN)
    json_path = tmp_path / "okrs.json"
    okrkit.dump(plan, json_path)
    record_file(json_path, [_measurement("pipeline/sqls", (dt.date(2026, 11, 15), 12))])
    data = json.loads(json_path.read_text(encoding="utf-8"))
    check_in = data["objectives"][0]["key_results"][1]["check_ins"][0]
    assert check_in["provenance"] == {"source": "csv:x.csv", "fetched_at": "2026-11-16T06:00:05Z"}
    bom = _file(tmp_path, "\ufeff" + PLAN, "bom.yaml")
    record_file(bom, [_measurement("pipeline/sqls", (dt.date(2026, 11, 15), 12))])
    assert bom.read_text(encoding="utf-8").startswith("\ufeff# Marketing OKRs")


def test_a_milestone_cannot_measure_itself() -> None:
    with pytest.raises(ValidationError, match="only metric key results measure themselves"):
        okrkit.KeyResult(
            id="launch",
            title="Launch the partner portal",
            kind="milestone",
            measure={"kind": "csv", "path": "x.csv", "column": "n", "window": "all"},
        )


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.dates(min_value=dt.date(2026, 10, 1), max_value=dt.date(2026, 12, 31)),
                st.integers(min_value=0, max_value=10_000),
            ),
            min_size=1,
            max_size=4,
            unique_by=lambda r: r[0],
        ),
        min_size=1,
        max_size=5,
    )
)
def test_any_sequence_of_runs_keeps_one_check_in_per_date(
    runs: list[list[tuple[dt.date, int]]],
) -> None:
    plan = okrkit.loads(PLAN)
    latest: dict[dt.date, float] = {
        c.date: c.value for c in plan.key_result("mqls")[1].check_ins if c.value is not None
    }
    for run in runs:
        readings = sorted((d, float(v)) for d, v in run)
        plan = record(plan, [_measurement("pipeline/mqls", *readings)])
        latest.update(dict(readings))
        plan = okrkit.loads(okrkit.dumps(plan))  # through the file format each time
    check_ins = plan.key_result("mqls")[1].check_ins
    assert [c.date for c in check_ins] == sorted(latest)
    assert {c.date: c.value for c in check_ins} == latest
