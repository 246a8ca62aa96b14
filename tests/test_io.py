import datetime as dt
import json
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import okrkit
from okrkit import CheckIn, KeyResult, Objective, Plan, PlanFileError, ValidationError

EXAMPLE = Path(__file__).parent.parent / "examples" / "marketing-plan.yaml"

GOOD = """\
title: Växa på nya marknader — 増長
period: 2026-Q3
objectives:
  - id: pipeline
    title: Build a pipeline sales can count on
    team: Demand gen
    key_results:
      - id: sql
        title: Grow SQLs
        baseline: 120
        target: 200
        check_ins:
          - {date: 2026-07-14, value: 130, confidence: 0.8, note: "Första veckan 👍"}
      - id: ctr
        title: Home-page CTA CTR
        unit: percent
        baseline: 2%
        target: 5%
"""


def test_loads_and_percent_strings() -> None:
    plan = okrkit.loads(GOOD)
    krs = plan.objectives[0].key_results
    assert (krs[1].baseline, krs[1].target) == (2.0, 5.0)
    assert krs[0].check_ins[0].note == "Första veckan 👍"


def test_round_trip_yaml_and_json_keeps_everything() -> None:
    plan = okrkit.loads(GOOD)
    for fmt in ("yaml", "json"):
        text = okrkit.dumps(plan, format=fmt)
        assert okrkit.loads(text, format=fmt) == plan
    assert "Växa på nya marknader — 増長" in okrkit.dumps(plan)  # unicode kept as text


def test_dump_writes_only_what_was_set() -> None:
    text = okrkit.dumps(okrkit.loads(GOOD))
    data = yaml.safe_load(text)
    kr0 = data["objectives"][0]["key_results"][0]
    assert set(kr0) == {"id", "title", "baseline", "target", "check_ins"}
    assert kr0["baseline"] == 120 and isinstance(kr0["baseline"], int)
    assert kr0["check_ins"][0]["date"] == dt.date(2026, 7, 14)


def test_unknown_key_is_an_error_with_line() -> None:
    text = GOOD.replace("        unit: percent", "        unit: percent\n        colour: red")
    with pytest.raises(ValidationError) as info:
        okrkit.loads(text, source="plan.yaml")
    message = str(info.value)
    assert "plan.yaml:17: objectives[0].key_results[1].colour: unknown field" in message


def test_validation_error_names_file_line_field_and_expectation(tmp_path: Path) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text(GOOD.replace("target: 200", "target: 120"), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        okrkit.load(bad)
    assert str(info.value) == (
        f"{bad}:11: objectives[0].key_results[0].target: equals the baseline (120); a key "
        "result must move; for a level that must hold use direction at_least or at_most"
    )
    assert info.value.lines == {"objectives[0].key_results[0].target": 11}


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("objectives: [\n  {id: a", "yaml", r"<text>:\d+: not valid YAML"),
        ('{"objectives": [}', "json", r"<text>:1: not valid JSON"),
        ("- just a list", "yaml", "expected a mapping with 'objectives'"),
    ],
)
def test_unparseable_files(text: str, fmt: str, expected: str) -> None:
    with pytest.raises(PlanFileError, match=expected):
        okrkit.loads(text, format=fmt)  # type: ignore[arg-type]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="no such file"):
        okrkit.load(tmp_path / "nope.yaml")


def test_json_suffix_and_bom(tmp_path: Path) -> None:
    plan = okrkit.loads(GOOD)
    path = tmp_path / "plan.json"
    okrkit.dump(plan, path)
    assert json.loads(path.read_text(encoding="utf-8"))["period"] == "2026-Q3"
    assert okrkit.load(path) == plan
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert okrkit.load(bom) == plan


def test_failed_write_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(GOOD, encoding="utf-8")
    os.chmod(path, 0o600)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(PlanFileError, match=r"plan\.yaml: disk full"):  # names the file
        okrkit.dump(okrkit.loads(GOOD.replace("120", "100")), path)
    assert path.read_text(encoding="utf-8") == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]  # no temp file left
    monkeypatch.undo()
    okrkit.dump(okrkit.loads(GOOD), path)
    assert os.stat(path).st_mode & 0o777 == 0o600  # permissions kept


def test_schema_validates_example_shape() -> None:
    schema = okrkit.schema()
    assert schema["title"] == "okrkit plan"
    assert "objectives" in schema["properties"]
    assert schema["additionalProperties"] is False
    defs = schema["$defs"]
    assert "Period" in json.dumps(defs) and "KeyResult" in defs
    kr_props = defs["KeyResult"]["properties"]
    assert {"baseline", "target", "unit", "direction", "check_ins"} <= set(kr_props)


def test_example_plan_loads_and_scores() -> None:
    plan = okrkit.load(EXAMPLE)
    assert len(plan.objectives) >= 3
    assert any(kr.check_ins for o in plan.objectives for kr in o.key_results)
    result = okrkit.score(plan, on=dt.date(2026, 11, 15))
    assert 0.0 < result.value < 1.0


# --- hypothesis round trip -------------------------------------------------

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s.strip())
ids = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
numbers = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False) | st.integers(-(10**6), 10**6)


@st.composite
def key_results(draw: st.DrawFn, kr_id: str) -> KeyResult:
    baseline = draw(numbers)
    target = draw(numbers.filter(lambda t: t != baseline))
    check_ins = draw(
        st.lists(
            st.builds(
                CheckIn,
                date=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
                value=numbers,
                confidence=st.none() | st.floats(0, 1),
                note=st.none() | text,
            ),
            max_size=4,
        )
    )
    return KeyResult(
        id=kr_id,
        title=draw(text),
        baseline=baseline,
        target=target,
        unit=draw(st.sampled_from(["count", "percent", "score", "ratio"])),
        check_ins=check_ins,
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    objective_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    objectives = []
    for oid in objective_ids:
        kr_ids = draw(st.lists(ids, max_size=3, unique=True))
        objectives.append(
            Objective(
                id=oid,
                title=draw(text),
                description=draw(st.none() | text),
                key_results=[draw(key_results(k)) for k in kr_ids],
            )
        )
    return Plan(title=draw(st.none() | text), period="2026-Q3", objectives=objectives)


@settings(max_examples=60, deadline=None)
@given(plans(), st.sampled_from(["yaml", "json"]))
def test_round_trip_property(plan: Plan, fmt: str) -> None:
    again = okrkit.loads(okrkit.dumps(plan, format=fmt), format=fmt)  # type: ignore[arg-type]
    assert again == plan


def test_old_module_names_are_the_files_package() -> None:
    import okrkit.io
    from okrkit import _checkin, files
    from okrkit.files import checkin

    for name in okrkit.io.__all__:
        assert getattr(okrkit.io, name) is getattr(files, name)
    assert okrkit.load is files.load and okrkit.dumps is files.dumps
    assert _checkin.append_check_in is checkin.append_check_in
