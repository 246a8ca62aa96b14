"""The command line builds a command's parser only when it is named, and prints and
parses exactly as the fully built parser does."""

from __future__ import annotations

import argparse
import shutil

import pytest

from okrkit.cli import build_parser, main
from okrkit.cli._locale import HelpFormatter, argparse_in, terminal_columns
from okrkit.cli._parser import COMMAND_MODULES, COMMANDS, Commands
from okrkit.i18n import translations


def _commands(parser: argparse.ArgumentParser) -> Commands:
    action = parser._subparsers._group_actions[0]  # type: ignore[union-attr]
    assert isinstance(action, Commands)
    return action


def _full_helps(locale: str) -> dict[tuple[str, ...], str]:
    """Every help text of the fully built parser, as main prints them (argparse's own
    words in ``locale`` while it builds and formats)."""
    t = translations(locale)
    with argparse_in(t.gettext, t.ngettext):
        full = build_parser(locale)
        helps = {(): full.format_help()}
        commands = _commands(full).choices
        assert list(commands) == [name for name, _, _ in COMMANDS]
        for name, parser in commands.items():
            helps[(name,)] = parser.format_help()
        subs = commands["templates"]._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        for name, parser in subs.items():
            helps[("templates", name)] = parser.format_help()
    return helps


@pytest.mark.parametrize("locale", ["en", "sv"])
def test_lazy_help_is_the_fully_built_parsers_help(
    locale: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    helps = _full_helps(locale)
    assert len(helps) == 1 + len(COMMANDS) + 3
    for words, text in helps.items():
        assert main([*words, "--locale", locale, "--help"]) == 0
        assert capsys.readouterr().out == text, words
    assert "användning: okrkit render" in helps[("render",)] or locale == "en"


def test_a_lazy_parser_builds_only_the_command_it_parses() -> None:
    parser = build_parser("en", lazy=True)
    commands = _commands(parser).choices
    assert set(commands.values()) == {None}
    args = parser.parse_args(["score", "plan.yaml", "--format", "json"])
    assert (args.command, args.file, args.format) == ("score", "plan.yaml", "json")
    assert [name for name, p in commands.items() if p is not None] == ["score"]
    assert parser.parse_args(["locales"]).command == "locales"  # info adds schema too
    assert sorted(name for name, p in commands.items() if p is not None) == [
        "locales", "schema", "score"]  # fmt: skip


def test_the_full_parser_has_every_command_and_every_module_adds_one() -> None:
    commands = _commands(build_parser("en")).choices
    assert all(isinstance(p, argparse.ArgumentParser) for p in commands.values())
    assert tuple(dict.fromkeys(m for _, m, _ in COMMANDS)) == COMMAND_MODULES
    with pytest.raises(ValueError, match="not in COMMANDS"):
        _commands(build_parser("en")).add_parser("nonsense")


def test_an_unknown_command_lists_every_command_in_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--locale", "en", "nonsense"]) == 2
    names = ", ".join(repr(name) for name, _, _ in COMMANDS)
    assert f"invalid choice: 'nonsense' (choose from {names})" in capsys.readouterr().err


@pytest.mark.parametrize("columns", [None, "100", "37", "0", "-4", "wide", ""])
def test_help_is_as_wide_as_shutil_measures_the_terminal(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    assert HelpFormatter("okrkit")._width == argparse.HelpFormatter("okrkit")._width
