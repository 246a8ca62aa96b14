"""Every ``--format json`` output is versioned, and the score and lint outputs match the
JSON Schemas shipped in ``okrkit/schemas/``."""

import copy
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit.cli import main
from okrkit.cli._base import JSON_FORMAT
from okrkit.lint_report import FORMAT_VERSION
from okrkit.schemas import SCHEMAS, schema
from okrkit.scoring import POLICIES, Band, Status

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"


def cli(*args: str) -> Any:
    out, err = io.StringIO(), io.StringIO()
    code = main([*args, "--locale", "en"], out=out, err=err)
    assert code in (0, 1), err.getvalue()
    return json.loads(out.getvalue())


def validator(name: str) -> jsonschema.Draft202012Validator:
    s = schema(name)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(
        s, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_valid(name: str, data: Any) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]
    assert not errors, errors


def test_every_json_output_carries_format_1(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE, plan)
    outputs = {
        "templates list": cli("templates", "list", "--format", "json"),
        "templates show": cli("templates", "show", "seo/on-page", "--format", "json"),
        "locales": cli("locales", "--format", "json"),
        "score": cli("score", str(plan), "--on", "2026-11-27", "--format", "json"),
        "lint": cli("lint", str(plan), "--on", "2026-11-27", "--format", "json"),
    }
    assert main(["rollover", str(plan), "--to", "2027-Q1"], out=io.StringIO(),
                err=io.StringIO()) == 0  # fmt: skip
    outputs["score --history"] = cli("score", str(plan), "--history", "--format", "json")
    assert JSON_FORMAT == FORMAT_VERSION == 1
    for name, data in outputs.items():
        assert isinstance(data, dict) and next(iter(data)) == "format", name
        assert data["format"] == 1, name
    assert outputs["templates list"]["templates"][0]["id"]
    assert [loc["id"] for loc in outputs["locales"]["locales"]][:2] == ["en", "sv"]
    assert outputs["score --history"]["periods"]


def test_schema_enums_follow_the_model() -> None:
    defs = schema("score")["$defs"]
    assert defs["status"]["enum"] == [s.value for s in Status]
    assert defs["band"]["enum"] == [b.value for b in Band]


@settings(max_examples=15, deadline=None)
@given(
    day=st.dates(dt.date(2026, 9, 1), dt.date(2027, 3, 31)),
    policy=st.sampled_from([None, *POLICIES]),
)
def test_score_output_matches_its_schema(day: dt.date, policy: str | None) -> None:
    args = ["score", str(EXAMPLE), "--on", day.isoformat(), "--format", "json"]
    data = cli(*args, *(["--policy", policy] if policy else []))
    assert_valid("score", data)
    assert data["on"] == day.isoformat()


def test_score_schema_of_a_fresh_plan(tmp_path: Path) -> None:
    path = tmp_path / "q1.yaml"
    assert main(["new", "--template", "seo/on-page", "--template", "email/newsletter",
                 "--period", "2027-Q1", "-o", str(path)], out=io.StringIO(),
                err=io.StringIO()) == 0  # fmt: skip
    data = cli("score", str(path), "--on", "2026-12-01", "--format", "json")
    assert_valid("score", data)


def test_the_schema_rejects_what_it_should() -> None:
    good = cli("score", str(EXAMPLE), "--on", "2026-11-27", "--format", "json")
    for mutate in (
        lambda d: d.update(format=2),
        lambda d: d["children"][0].update(status="great"),
        lambda d: d["children"][0]["children"][0].pop("band"),
        lambda d: d["children"][0]["children"][0].update(extra=1),
        lambda d: d.update(on="27/11/2026"),
    ):
        bad = copy.deepcopy(good)
        mutate(bad)
        assert list(validator("score").iter_errors(bad)), mutate


def test_lint_output_matches_its_schema(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("objectives: [\n", encoding="utf-8")
    data = cli("lint", str(EXAMPLE), str(broken), "--on", "2026-11-27", "--format", "json")
    assert_valid("lint", data)
    assert any(f["line"] is None or f["column"] is None for f in data["findings"])


@pytest.mark.parametrize("name", ["plan", *SCHEMAS])
def test_okrkit_schema_prints_each_schema(name: str) -> None:
    out = io.StringIO()
    assert main(["schema", name], out=out, err=io.StringIO()) == 0
    printed = json.loads(out.getvalue())
    assert "format" not in printed  # a schema, not an output
    if name != "plan":
        assert printed == schema(name)
    else:
        assert printed["$id"] == "https://okrkit.dev/schema/plan.json"


def test_schemas_ship_in_the_wheel_tree() -> None:
    folder = ROOT / "okrkit" / "schemas"
    assert {p.name for p in folder.glob("*.json")} == set(SCHEMAS.values())


def test_new_writes_the_editor_schema_line_and_the_file_still_works(tmp_path: Path) -> None:
    import okrkit

    path = tmp_path / "okrs.yaml"
    args = ["new", "--template", "seo/on-page", "--period", "2027-Q1", "-o", str(path)]
    assert main(args, out=io.StringIO(), err=io.StringIO()) == 0
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=https://okrkit.dev/schema/plan.json"
    assert first.split("=", 1)[1] == okrkit.schema()["$id"]
    plan = okrkit.load(path)
    kr = plan.objectives[0].key_results[0]
    checkin = ["checkin", str(path), kr.id, "1" if kr.kind != "milestone" else "--done",
               "--date", "2027-01-10", "--on", "2027-01-15"]  # fmt: skip
    assert main(checkin, out=io.StringIO(), err=io.StringIO()) == 0
    assert path.read_text(encoding="utf-8").splitlines()[0] == first
    assert okrkit.load(path).objectives[0].key_results[0].check_ins
    lint = cli("lint", str(path), "--on", "2027-01-15", "--format", "json")
    assert all(f["line"] is None or f["line"] > 2 for f in lint["findings"])
    local = tmp_path / "local.yaml"
    args = [*args[:-1], str(local), "--schema", "./okrkit-plan.schema.json"]
    assert main(args, out=io.StringIO(), err=io.StringIO()) == 0
    assert local.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=./okrkit-plan.schema.json\n"
    )
