"""The company view: several teams' plan files as one alignment tree."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest

import okrkit
from okrkit import Objective, Plan
from okrkit.cli import main
from okrkit.company import load_company, merge_plans, plan_files
from okrkit.errors import OKRError
from okrkit.i18n import SUPPORTED, translations

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "examples" / "company"
ON = dt.date(2026, 11, 23)


def _plan(*objectives: Objective) -> Plan:
    return Plan(period="2026-Q4", objectives=list(objectives))


def test_the_example_folder_merges_into_one_tree() -> None:
    company = load_company([FOLDER])
    plan = company.plan
    assert {t.name for t in company.teams} == {
        "company", "content", "customer-marketing", "demand-gen"
    }  # fmt: skip
    assert plan.objective("pipeline").parent == "company-growth"
    assert plan.objective("seo").parent == "pipeline"
    assert [o.id for o in plan.orphans()] == ["community"]
    assert company.team_of("seo").label == "Content and SEO"
    alone = okrkit.load(FOLDER / "content.yaml")  # a team's file stands on its own
    assert alone.roots() == alone.objectives
    assert not [f for f in okrkit.lint(alone, on=ON) if f.rule.startswith("alignment")]


def test_ids_that_clash_are_qualified_by_file() -> None:
    company = merge_plans(
        [
            ("brand", _plan(Objective(id="awareness", title="A"), Objective(id="x", title="x"))),
            ("field", _plan(Objective(id="awareness", title="B", parent="brand:x"))),
        ]
    )
    ids = [(o.id, o.parent) for o in company.plan.objectives]
    assert ids == [("brand.awareness", None), ("x", None), ("field.awareness", "x")]
    assert company.team_of("field.awareness").name == "field"


@pytest.mark.parametrize(
    ("parent", "message"),
    [
        ("nope:growth", "'nope:growth' names no objective"),
        ("company:nope", "'company:nope' names no objective"),
    ],
)
def test_a_parent_in_another_file_must_exist(parent: str, message: str) -> None:
    with pytest.raises(OKRError, match=message):
        merge_plans(
            [
                ("company", _plan(Objective(id="growth", title="G"))),
                ("team", _plan(Objective(id="t", title="T", parent=parent))),
            ]
        )


def test_an_alignment_cycle_across_files_is_an_error() -> None:
    with pytest.raises(OKRError, match="alignment cycle"):
        merge_plans(
            [
                ("a", _plan(Objective(id="one", title="1", parent="b:two"))),
                ("b", _plan(Objective(id="two", title="2", parent="a:one"))),
            ]
        )


def test_folders_expand_to_plan_files_without_history(tmp_path: Path) -> None:
    for name in ("company.yaml", "team.json", "okrs.history.yaml", "notes.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in plan_files([tmp_path])] == ["company.yaml", "team.json"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(OKRError, match="no plan files"):
        plan_files([empty])
    with pytest.raises(OKRError, match="both named 'company'"):
        merge_plans([("company", _plan()), ("company", _plan())])


@pytest.mark.parametrize("locale", SUPPORTED)
@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_company_view_in_every_locale(locale: str, fmt: str) -> None:
    company = load_company([FOLDER])
    out = okrkit.render(company, fmt, locale=locale, on=ON)
    t = translations(locale)
    for label in ("Alignment tree", "Not aligned to anything", "Average progress"):
        assert t.gettext(label) in out, label
    for team in company.teams:
        assert team.label in out
    if fmt == "html":
        assert out.count('<g class="node ') == len(company.plan.objectives) - 1  # no orphan
        assert out.count('class="edge"') == 3
    plain = re.sub(r"<style>.*?</style>", "", out, flags=re.S)
    assert "{" not in plain


def test_render_company_from_the_command_line(tmp_path: Path) -> None:
    target = tmp_path / "company"
    shutil.copytree(FOLDER, target)
    out, err = io.StringIO(), io.StringIO()
    args = ["render", str(target / "company.yaml"), str(target / "demand-gen.yaml")]
    status = main(
        [*args, "--template", "company", "--format", "text", "--on", "2026-11-23"], out=out, err=err
    )
    assert status == 0, err.getvalue()
    assert "Build a pipeline sales can count on (Demand generation)" in out.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert main([*args, "--format", "text"], out=out, err=err) == 2
    assert "only --template company takes several plan files" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    (target / "content.yaml").write_text(
        (target / "content.yaml")
        .read_text(encoding="utf-8")
        .replace("demand-gen:pipeline", "sales:pipeline"),
        encoding="utf-8",
    )
    assert main(["render", str(target), "--template", "company"], out=out, err=err) == 1
    assert (
        "content.yaml: objectives[0].parent: 'sales:pipeline' names no objective" in err.getvalue()
    )


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_labels_take_the_locales_separator(locale: str, fmt: str) -> None:
    out = okrkit.render(load_company([FOLDER]), fmt, locale=locale, on=ON)
    label = translations(locale).gettext("Average progress")
    assert f"{label}：" in out
    assert f"{label}:" not in out and "： " not in out
