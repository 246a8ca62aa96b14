"""The okrkit command line, run for real in subprocesses on sample files."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import okrkit
from okrkit.cli import default_locale
from okrkit.i18n import translations

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OKRKIT_LOCALE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "OKRKIT_TODAY")
    }
    base.update(env or {})
    base["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "okrkit", *args],
        capture_output=True, text=True, env=base, input=stdin, cwd=cwd, timeout=120,
    )  # fmt: skip


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE, path)
    return path


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"okrkit {okrkit.__version__}"
    out = run("--help").stdout
    for command in ("templates", "new", "checkin", "score", "lint", "render", "schema", "locales"):
        assert command in out


def test_help_is_translated() -> None:
    out = run("--help", "--locale", "ru").stdout
    assert translations("ru").gettext("show this help message and exit") in out
    assert translations("ru").gettext("record progress on a key result") in out
    assert "show this help message and exit" not in out
    sv = run("score", "--help", env={"LANG": "sv_SE.UTF-8"}).stdout
    assert translations("sv").gettext("scoring policy") in sv


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"OKRKIT_LOCALE": "vi", "LANG": "sv_SE.UTF-8"}, "vi"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "sv_SE.UTF-8"}, "zh_Hant"),
        ({"LC_MESSAGES": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_default_locale_from_environment(env: dict[str, str], expected: str) -> None:
    assert default_locale(env) == expected


def test_templates_list_show_and_json() -> None:
    out = run("templates", "list", "--area", "seo", "--locale", "zh_Hans").stdout
    assert "seo/on-page" in out and okrkit.catalogue.get("seo/on-page", "zh_Hans").title in out
    data = json.loads(run("templates", "list", "--role", "events", "--format", "json").stdout)
    assert data["format"] == 1
    data = data["templates"]
    assert data and all("events" in t["roles"] for t in data)
    show = run("templates", "show", "seo/on-page", "--locale", "sv").stdout
    assert okrkit.catalogue.get("seo/on-page", "sv").why in show
    assert "dr_target = 36" in show


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_templates_show_reads_as_chinese(locale: str) -> None:
    t = okrkit.catalogue.get("nps-reviews/most-recommended", locale)
    show = run("templates", "show", t.id, "--locale", locale).stdout
    t_ = translations(locale).gettext
    assert f"{t_('Key results')}：" in show and f"{t_('Initiatives')}：" in show
    assert "、".join(r.label for r in t.roles) in show
    assert "）（" not in show and ", " not in show
    nps = next(kr for kr in t.key_results if kr.title.endswith("）"))
    assert f"[{nps.id}] {nps.title}：" in show


def test_east_asian_columns_line_up(tmp_path: Path) -> None:
    from okrkit._text import display_width

    path = tmp_path / "zh.yaml"
    made = run("new", "--template", "seo/on-page", "--period", "2027-Q1", "-o", str(path),
               "--locale", "zh_Hant")  # fmt: skip
    assert made.returncode == 0, made.stderr
    out = run("score", str(path), "--on", "2027-02-01", "--locale", "zh_Hant").stdout
    rows = [line for line in out.splitlines()[2:] if line.startswith("  ")]
    assert len(rows) == 4 and all(any(ord(c) > 0x3000 for c in r) for r in rows)
    # the right-aligned "Current" column ends at the same display column in every row
    ends = {display_width(re.match(r"^.*?\S\s{2,}\S+", row).group(0)) for row in rows}  # type: ignore[union-attr]
    assert len(ends) == 1, out


def test_new_scaffolds_a_plan_with_own_numbers(tmp_path: Path) -> None:
    out = tmp_path / "q1.yaml"
    result = run(
        "new", "--template", "seo/on-page", "--template", "nps-reviews/most-recommended",
        "--period", "2027-Q1", "--owner", "Ana", "--set", "dr_target=55",
        "--set", "nps-reviews/most-recommended:nps_target=65", "-o", str(out), "--locale", "ru",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    plan = okrkit.load(out)
    assert plan.period == okrkit.Period.parse("2027-Q1")
    assert plan.objective("on-page").key_result("domain-rating").target == 55
    assert plan.objective("most-recommended").key_result("nps").target == 65
    assert plan.objectives[0].title == okrkit.catalogue.get("seo/on-page", "ru").title
    again = run("new", "--template", "seo/on-page", "--period", "2027-Q1", "-o", str(out))
    assert again.returncode == 1 and "--force" in again.stderr


def test_checkin_keeps_comments_and_order(plan_file: Path) -> None:
    before = plan_file.read_text(encoding="utf-8")
    result = run("checkin", str(plan_file), "sqls", "415", "--confidence", "75%",
                 "--note", "Partner webinar", "--date", "2026-11-27")  # fmt: skip
    assert result.returncode == 0, result.stderr
    after = plan_file.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == [
        "          - {date: 2026-11-27, value: 415, confidence: 0.75, note: Partner webinar}"
    ]
    assert after.startswith("# A marketing team's quarter")  # comments kept
    kr = okrkit.load(plan_file).key_result("sqls")[1]
    assert kr.value == 415 and kr.check_ins[-1].confidence == 0.75
    milestone = run("checkin", str(plan_file), "review-replies", "--done", "--date", "2026-11-28")
    assert milestone.returncode == 0, milestone.stderr
    assert okrkit.load(plan_file).key_result("review-replies")[1].is_done


def test_checkin_adds_check_ins_block_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "# mine\nobjectives:\n  - id: o\n    title: O  # keep me\n    key_results:\n"
        "      - id: k\n        title: K\n        unit: percent\n        baseline: 2%\n"
        "        target: 5%\n    initiatives: []\n",
        encoding="utf-8",
    )
    result = run("checkin", str(path), "k", "3.5%", "--date", "2026-01-05")
    assert result.returncode == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert "# keep me" in text and text.startswith("# mine")
    assert okrkit.load(path).objectives[0].key_results[0].value == 3.5


def test_checkin_errors_leave_file_untouched(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    cases = [
        (("checkin", str(plan_file), "nope", "1"), "no key result 'nope'"),
        (("checkin", str(plan_file), "sqls", "many"), "expected a number"),
        (("checkin", str(plan_file), "sqls", "400", "--confidence", "7"), "confidence"),
        (("checkin", str(plan_file), "review-replies", "3"), "milestone"),
        (("checkin", str(plan_file), "sqls", "4%"), "percent"),
    ]
    for args, message in cases:
        result = run(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert plan_file.read_bytes() == before


def test_checkin_failed_write_keeps_old_file(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from okrkit.cli import main

    before = plan_file.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    out, err = io.StringIO(), io.StringIO()
    args = ["checkin", str(plan_file), "sqls", "500", "--date", "2026-11-27"]
    status = main(args, out=out, err=err)
    assert status == 1
    assert "No space left on device" in err.getvalue() and "Traceback" not in err.getvalue()
    assert plan_file.read_bytes() == before
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["plan.yaml"]


def test_score_table_and_json(plan_file: Path) -> None:
    table = run("score", str(plan_file), "--on", "2026-11-23").stdout
    assert "Build a pipeline sales can count on" in table and "Demand generation" in table
    data = json.loads(run("score", str(plan_file), "--on", "2026-11-23", "--format", "json").stdout)
    expected = okrkit.score(okrkit.load(plan_file), on=okrkit.Period.parse("2026-11").end)
    assert data["on"] == "2026-11-23" and len(data["children"]) == len(expected.children)
    google = json.loads(
        run(
            "score", str(plan_file), "--on", "2026-11-23", "--policy", "google", "--format", "json"
        ).stdout
    )
    assert google["policy"] == "google"


def test_score_from_stdin_in_swedish() -> None:
    result = run(
        "score", "-", "--on", "2026-11-23", stdin=EXAMPLE.read_text(), env={"LANG": "sv_SE.UTF-8"}
    )
    assert result.returncode == 0, result.stderr
    assert translations("sv").gettext("Average progress") in result.stdout
    assert "\033[" not in result.stdout  # no colour when not a terminal


def test_render_to_file_and_stdout(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run(
        "render", str(plan_file), "--format", "html", "-o", str(out), "--locale", "zh_Hant"
    )
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="zh-Hant"' in html
    csv_text = run("render", str(plan_file), "--format", "csv", "--bom").stdout
    assert csv_text.startswith("\ufeff")
    md = run("render", str(plan_file), "--format", "markdown", "--template", "checkin").stdout
    assert md.startswith("# ")


def test_templates_book(tmp_path: Path) -> None:
    out = tmp_path / "book.html"
    result = run(
        "templates",
        "book",
        "--area",
        "events",
        "--format",
        "html",
        "-o",
        str(out),
        "--locale",
        "vi",
    )
    assert result.returncode == 0, result.stderr
    assert okrkit.catalogue.templates("vi", area="events")[0].title in out.read_text(
        encoding="utf-8"
    )


def test_schema_and_locales() -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "okrkit plan"
    locales = json.loads(run("locales", "--format", "json").stdout)["locales"]
    assert [loc["id"] for loc in locales] == ["en", "sv", "ru", "vi", "zh_Hans", "zh_Hant"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("objectives: [\n  {id: a", "not valid YAML"),
        (
            "objectives:\n  - id: a\n    title: A\n    weight: heavy\n",
            "plan.yaml:4: objectives[0].weight",
        ),
        ("objectives:\n  - id: a\n    title: A\n    colour: red\n", "colour: unknown field"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(content, encoding="utf-8")
    for command in ("score", "render"):
        result = run(command, str(path))
        assert result.returncode == 1, (command, result.stderr)
        assert message in result.stderr
        assert "Traceback" not in result.stderr
    # lint reports a file it cannot read as a finding and goes on with the next file
    result = run("lint", str(path), str(EXAMPLE), "--on", "2026-11-27")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first, *rest = result.stdout.splitlines()
    assert first.startswith(str(path)) and first.endswith("[invalid-plan]")
    assert message.rsplit(": ", 1)[-1] in first
    if message.startswith("plan.yaml:4:"):
        assert first.startswith(f"{path}:4:5: ")
    assert rest and all(line.startswith(f"{EXAMPLE}:") for line in rest)


def test_usage_errors_exit_2() -> None:
    assert run("score").returncode == 2
    assert run("render", "x.yaml", "--format", "pdf").returncode == 2
    assert run("frobnicate").returncode == 2
    unknown = run("templates", "list", "--locale", "klingon")
    assert unknown.returncode == 2 and "unknown locale 'klingon'" in unknown.stderr


def test_unknown_template_and_missing_file(tmp_path: Path) -> None:
    result = run("new", "--template", "seo/nope", "--period", "2027-Q1")
    assert result.returncode == 1 and "unknown template 'seo/nope'" in result.stderr
    missing = run("score", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_lint_command(plan_file: Path) -> None:
    result = run("lint", str(plan_file), "--on", "2026-11-23", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == 1 and data["findings"]
    keys = {"file", "line", "column", "rule", "severity", "path", "message"}
    assert all(set(f) == keys and f["file"] == str(plan_file) for f in data["findings"])


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "okrkit-lint" and hooks[0]["entry"].startswith("okrkit lint")


def test_checkin_reads_numbers_the_users_way(plan_file: Path) -> None:
    sv = run("checkin", str(plan_file), "sqls", "5,5", "--confidence", "0,7", "--date",
             "2026-11-20", env={"LANG": "sv_SE.UTF-8"})  # fmt: skip
    assert sv.returncode == 0, sv.stderr
    plan = okrkit.load(plan_file)
    _, kr = plan.key_result("sqls")
    latest = kr.latest_check_in()
    assert latest is not None and latest.value == 5.5 and latest.confidence == 0.7
    en = run("checkin", str(plan_file), "sqls", "5,5", "--date", "2026-11-21")
    assert en.returncode == 1 and "5.6" in en.stderr and "\n" not in en.stderr.strip()
    vi = run("checkin", str(plan_file), "sqls", "1.000", "--locale", "vi")
    assert vi.returncode == 1 and "'1.000'" in vi.stderr
    help_sv = run("checkin", "--help", "--locale", "sv").stdout
    assert "5,6" in help_sv


def test_render_speaks_the_plans_language(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    made = run("new", "--template", "seo/on-page", "--period", "2027-Q1", "--locale", "sv",
               "-o", str(path))  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert okrkit.load(path).locale == "sv"
    out = run("render", str(path), "--on", "2027-02-01").stdout
    assert translations("sv").gettext("Overall progress") in out
    ru = run("render", str(path), "--on", "2027-02-01", "--locale", "ru").stdout
    assert translations("ru").gettext("Overall progress") in ru
    bad = tmp_path / "bad.yaml"
    bad.write_text("locale: klingon\nobjectives: []\n", encoding="utf-8")
    failed = run("render", str(bad))
    assert failed.returncode == 1 and "bad.yaml:1: locale: unknown locale" in failed.stderr
