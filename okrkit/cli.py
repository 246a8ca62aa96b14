"""The ``okrkit`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from okrkit._version import __version__

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okrkit",
        description="OKRs for marketing teams: browse, scaffold, check in, score, render.",
    )
    parser.add_argument("--version", action="version", version=f"okrkit {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    parser.parse_args(argv)
    parser.print_help(sys.stdout)
    return 0
