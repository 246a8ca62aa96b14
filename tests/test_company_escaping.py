"""The company view escapes what it shows of each team: the file stem that labels a team
without a title, and the team plan's own title, in Markdown (and cleans them in text)."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import markdown
import pytest

import okrkit
from okrkit import CheckIn, KeyResult, Objective, Plan
from okrkit.company import load_company, merge_plans
from okrkit.safe_output import md_escape

ON = dt.date(2026, 11, 23)
STEM = "a*b_c|d[e<f"

COMPANY = """\
period: 2026-Q4
objectives:
  - id: growth
    title: Grow
    key_results:
      - {id: arr, title: ARR, baseline: 0, target: 10, current: 5}
"""

TEAM = """\
period: 2026-Q4
objectives:
  - id: leads
    title: More leads
    owner: Ana
    parent: company:growth
    key_results:
      - {id: mqls, title: MQLs, baseline: 0, target: 100, current: 40}
"""


def folder(tmp_path: Path, stem: str, team: str = TEAM) -> Path:
    (tmp_path / "company.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / f"{stem}.yaml").write_text(team, encoding="utf-8")
    return tmp_path


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables"])


def test_a_file_stem_with_markdown_characters_is_shown_literally(tmp_path: Path) -> None:
    out = okrkit.render(load_company([folder(tmp_path, STEM)]), "markdown", on=ON)
    assert STEM not in out
    assert f"## {md_escape(STEM)}\n" in out
    assert f"- More leads ({md_escape(STEM)})" in out
    page = to_html(out)
    assert f"<h2>{html.escape(STEM, quote=False)}</h2>" in page  # no <em>, link or tag
    assert "<em>" not in page and "<a " not in page
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    assert rows and all(row.count("<td") in (0, 6) for row in rows)  # the | split no cell


def test_a_team_title_with_markup_is_escaped(tmp_path: Path) -> None:
    title = "Growth *team* | [x](javascript:alert(1)) <b>"
    team = f"title: {title!r}\n" + TEAM
    out = okrkit.render(load_company([folder(tmp_path, "growth", team)]), "markdown", on=ON)
    assert title not in out and f"## {md_escape(title)}\n" in out
    page = to_html(out)
    assert "<a " not in page and "<b>" not in page and "<em>" not in page


def test_text_view_drops_control_characters_from_stems(tmp_path: Path) -> None:
    stem = "team\x1b[31mred"
    out = okrkit.render(load_company([folder(tmp_path, stem)]), "text", on=ON)
    assert "\x1b" not in out and "team[31mred" in out


@pytest.mark.parametrize("fmt", ["html", "markdown", "text"])
def test_the_company_itself_is_not_changed_by_rendering(tmp_path: Path, fmt: str) -> None:
    company = load_company([folder(tmp_path, STEM)])
    out = okrkit.render(company, fmt, on=ON)
    if fmt == "html":
        assert "a*b_c|d[e&lt;f" in out and STEM not in out
    assert sorted(t.name for t in company.teams) == sorted(["company", STEM])
    assert company.team_of("leads").label == STEM


def test_merged_objectives_keep_edits_made_in_code() -> None:
    """A key result's check-ins appended in code (which pydantic's fields-set tracking
    does not see) stay in the merged plan."""
    kr = KeyResult(id="mqls", title="MQLs", baseline=0, target=100)
    kr.check_ins.append(CheckIn(date=dt.date(2026, 11, 2), value=40))
    team = Plan(period="2026-Q4", objectives=[Objective(id="o", title="O", key_results=[kr])])
    merged = merge_plans([("team", team)])
    assert merged.plan.key_result("mqls")[1].check_ins == kr.check_ins
