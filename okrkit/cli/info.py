"""``okrkit schema`` and ``okrkit locales``: what plan files and languages okrkit knows."""

from __future__ import annotations

import argparse

from okrkit._choices import OUTPUT_SCHEMAS
from okrkit.cli._base import Context, Translate, data_format

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["register"]


def run_schema(ctx: Context) -> int:
    import json

    from okrkit import schemas
    from okrkit.files import schema

    name = ctx.args.name
    document = schema() if name == "plan" else schemas.schema(name)
    ctx.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return 0


def run_locales(ctx: Context) -> int:
    from okrkit.i18n import locales

    if ctx.args.format == "json":
        ctx.json({"locales": [{"id": code, "name": name} for code, name in locales()]})
        return 0
    for code, name in locales():
        ctx.out.write(f"{code:8} {name}\n")
    return 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``schema`` and ``locales``."""
    schema_p = sub.add_parser("schema", parents=[common])
    schema_p.add_argument(
        "name",
        nargs="?",
        default="plan",
        choices=["plan", *OUTPUT_SCHEMAS],
        help=_("plan (default), or the --format json output of score or lint"),
    )
    schema_p.set_defaults(func=run_schema)
    locales_p = sub.add_parser("locales", parents=[common])
    data_format(locales_p, _)
    locales_p.set_defaults(func=run_locales)
