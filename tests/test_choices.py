"""The command line's light choice lists equal the real ones, and its start stays light."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from okrkit import _choices
from okrkit.i18n import SUPPORTED, LocaleMatch, _match_one, resolve_locale

ROOT = Path(__file__).resolve().parent.parent


def test_render_formats_and_templates_equal_the_renderer_s() -> None:
    from okrkit.rendering import FORMATS, TEMPLATES

    assert tuple(FORMATS) == _choices.RENDER_FORMATS
    assert tuple(TEMPLATES) == _choices.RENDER_TEMPLATES


def test_policy_names_equal_the_scoring_policies() -> None:
    from okrkit.scoring import POLICIES

    assert tuple(POLICIES) == _choices.POLICY_NAMES


def test_lint_report_formats_equal_the_lint_report_s() -> None:
    from okrkit.lint_report import REPORT_FORMATS

    assert tuple(REPORT_FORMATS) == _choices.LINT_REPORT_FORMATS


def test_output_schemas_equal_the_shipped_schemas() -> None:
    from okrkit.schemas import SCHEMAS

    assert tuple(SCHEMAS) == _choices.OUTPUT_SCHEMAS


def test_plan_formats_and_locales_equal_the_library_s() -> None:
    from okrkit.files.formats import FORMATS

    assert tuple(FORMATS) == _choices.PLAN_FORMATS
    assert _choices.LOCALES == SUPPORTED


def test_the_parser_offers_the_real_choices() -> None:
    from okrkit.cli import build_parser
    from okrkit.rendering import FORMATS
    from okrkit.scoring import POLICIES

    parser = build_parser("en")
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    by_dest = {a.dest: a for a in commands["render"]._actions}
    assert list(by_dest["format"].choices) == list(FORMATS)
    assert list(by_dest["policy"].choices) == list(POLICIES)
    for name in ("score", "rollover"):
        policy = next(a for a in commands[name]._actions if a.dest == "policy")
        assert list(policy.choices) == list(POLICIES)


HEAVY = ("pydantic", "jinja2", "babel", "yaml", "okrkit.rendering", "okrkit.scoring",
         "okrkit.model", "okrkit.catalogue", "okrkit.formatting", "dataclasses",
         "typing")  # fmt: skip  # typing: a sixth of the start-up, for annotations only


_PROBE = """
import io, json, sys
from okrkit.cli import main
main(sys.argv[1:], out=io.StringIO(), err=io.StringIO())
print()
print("MODULES", json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--locale", "en", "--help"],
        ["render", "--help"],
        ["templates", "list", "--help"],
        ["lint", "--help"],
        ["score", "--help"],
        ["info"],
    ],
)
def test_help_imports_no_heavy_module(
    argv: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> None:
    env = env or {**os.environ, "OKRKIT_LOCALE": "en"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv],
        capture_output=True, text=True, env=env, cwd=cwd, check=True,
    )  # fmt: skip
    loaded = json.loads(done.stdout.rpartition("\nMODULES ")[2])
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY]
    assert heavy == [], heavy


def test_help_in_swedish_from_an_installed_package_imports_no_heavy_module(
    tmp_path: Path,
) -> None:
    """As a wheel installs it (compiled .mo files): a source checkout compiles the .po
    files with Babel on first use instead."""
    from hatch_build import compile_catalogues

    package = tmp_path / "okrkit"
    shutil.copytree(ROOT / "okrkit", package, ignore=shutil.ignore_patterns("*.pyc", "*.po"))
    compile_catalogues(ROOT / "okrkit" / "locale", package / "locale")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    test_help_imports_no_heavy_module(["--locale", "sv", "--help"], env, tmp_path)


def test_the_fast_locale_path_gives_what_babel_gives() -> None:
    for code in SUPPORTED:
        assert resolve_locale(code) == _match_one(code)
        assert repr(resolve_locale(code)) == repr(_match_one(code))


def test_locale_match_is_an_immutable_value() -> None:
    a = LocaleMatch("zh-TW", "zh_Hant", "zh_Hant_TW", False)
    assert a == LocaleMatch("zh-TW", "zh_Hant", "zh_Hant_TW", False) == resolve_locale("zh-TW")
    assert a != LocaleMatch("zh-TW", "zh_Hant", "zh_Hant_TW", True)
    assert a != ("zh-TW", "zh_Hant", "zh_Hant_TW", False)
    assert len({a, resolve_locale("zh-TW")}) == 1
    assert repr(a) == (
        "LocaleMatch(requested='zh-TW', locale='zh_Hant', formatting='zh_Hant_TW', exact=False)"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.locale = "sv"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del a.exact
    assert pickle.loads(pickle.dumps(a)) == a
    match a:
        case LocaleMatch(requested, locale, formatting, exact):
            assert (requested, locale, formatting, exact) == (
                "zh-TW",
                "zh_Hant",
                "zh_Hant_TW",
                False,
            )
    assert str(a) == "zh_Hant" and a.chain == ("zh_Hant", "en")
