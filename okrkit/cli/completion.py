"""``okrkit completion SHELL``: a completion script for bash, zsh or fish.

The script is generated from the argument parser itself by shtab (the
``okrkit[completion]`` extra), so it knows every command, option and choice
without a hand-kept copy per shell; file arguments complete file names.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from okrkit.cli._base import Context, Translate
from okrkit.errors import OKRError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["SHELLS", "register"]

#: The shells okrkit writes completion scripts for.
SHELLS = ("bash", "zsh", "fish")


def _actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _actions(sub)


def run(ctx: Context) -> int:
    try:
        import shtab
    except ImportError:
        raise OKRError(
            ctx._(
                "shell completion needs shtab: pip install 'okrkit[completion]'",
            )
        ) from None
    from okrkit.cli._parser import build_parser

    parser = build_parser(ctx.locale)
    for action in _actions(parser):
        if action.metavar in ("FILE", "PATH") or action.dest in ("file", "files", "output"):
            action.complete = shtab.FILE  # type: ignore[attr-defined]
    ctx.out.write(shtab.complete(parser, shell=ctx.args.shell))
    return 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``completion``."""
    p = sub.add_parser(
        "completion",
        description=_(
            "Print a completion script for your shell. bash: "
            "okrkit completion bash > ~/.local/share/bash-completion/completions/okrkit; "
            "zsh: okrkit completion zsh > ~/.zfunc/_okrkit (with ~/.zfunc in fpath); "
            "fish: okrkit completion fish > ~/.config/fish/completions/okrkit.fish"
        ),
        parents=[common],
    )
    p.add_argument("shell", metavar="SHELL", choices=SHELLS, help=_("bash, zsh or fish"))
    p.set_defaults(func=run)
