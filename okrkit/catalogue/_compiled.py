"""The catalogue compiled per locale: what ``catalogue.templates(locale)`` returns, as JSON.

Every wheel carries ``okrkit/catalogue/data/compiled/<locale>.json``, written by
``hatch_build.py`` from the YAML sources: validated with the pydantic models of
``_spec``, texts translated from the same ``.po`` files as the ``.mo`` catalogues,
numbers formatted with Babel. Reading one needs neither PyYAML, pydantic nor Babel,
so the first use of the catalogue costs about what reading one JSON file costs.

A source checkout has no compiled files: the catalogue then reads the YAML, as
gettext falls back to compiling the ``.po`` files. A compiled file formatted by
another Babel than the one installed is not used either (its numbers could differ).
``tests/test_catalogue_compiled.py`` checks that every template in every locale is
the same on both paths, and ``tests/test_packaging.py`` that the wheel's files are
what this module compiles.
"""

from __future__ import annotations

import json
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from okrkit.catalogue import Template, TemplateKeyResult
    from okrkit.i18n import LocaleMatch

__all__ = ["FORMAT", "build", "compile_locale", "read", "write_all"]

#: The version of the compiled files' shape; a file of another version is ignored.
FORMAT = 1

_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "compiled")


#: The fields of a compiled key result (those of ``TemplateKeyResult``; the tests
#: check that a template survives the round trip unchanged).
_KEY_RESULT_FIELDS = (
    "id", "title", "kind", "unit", "direction", "params", "indicator", "tags", "source",
    "cadence", "weight", "reporter", "proxy",
)  # fmt: skip


def _babel_version() -> str | None:
    """The installed Babel's version, without importing Babel (its dist-info folder)."""
    loaded = sys.modules.get("babel")
    if loaded is not None:
        return str(getattr(loaded, "__version__", None))
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        if "babel" not in names:
            continue
        for name in names:
            low = name.lower()
            if low.startswith("babel-") and low.endswith(".dist-info"):
                return name[len("babel-") : -len(".dist-info")]
        return None
    return None


def _template(t: Template) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": t.id,
        "area": t.area.id,
        "roles": [r.id for r in t.roles],
        "goal": t.goal.id,
        "title": t.title,
        "why": t.why,
        "notes": t.notes,
        "committed": t.committed,
        "params": [[p.name, p.default, p.unit, p.duration_unit] for p in t.params.values()],
        "key_results": [_key_result(kr) for kr in t.key_results],
        "initiatives": [[i.title, list(i.key_results)] for i in t.initiatives],
    }
    return out


def _key_result(kr: TemplateKeyResult) -> dict[str, Any]:
    out = {name: getattr(kr, name) for name in _KEY_RESULT_FIELDS}
    out["tags"] = list(kr.tags)
    out["reporter"] = kr.reporter.id
    return out


def compile_locale(locale: str) -> dict[str, Any]:
    """The compiled data of one of okrkit's locales, from the YAML sources."""
    from babel import __version__ as babel_version

    from okrkit.catalogue._localize import build_from_sources
    from okrkit.catalogue._spec import load_data
    from okrkit.i18n import resolve_locale, translations

    match = resolve_locale(locale)
    gettext = translations(match).gettext
    taxonomy = load_data().taxonomy

    def labels(specs: list[Any]) -> list[list[str]]:
        return [[s.id, gettext(s.label)] for s in specs]

    return {
        "format": FORMAT,
        "babel": babel_version,
        "locale": match.locale,
        "areas": labels(taxonomy.areas),
        "roles": labels(taxonomy.roles),
        "reporters": labels(taxonomy.reporters),
        "goals": labels(taxonomy.goals),
        "templates": [_template(t) for t in build_from_sources(match)],
    }


def write_all(out_dir: Path) -> dict[str, Path]:
    """Write ``<locale>.json`` for every locale into ``out_dir``; returns
    ``{path inside the package: written file}``."""
    from okrkit.i18n import SUPPORTED

    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for locale in SUPPORTED:
        target = out_dir / f"{locale}.json"
        text = json.dumps(compile_locale(locale), ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        written[f"okrkit/catalogue/data/compiled/{locale}.json"] = target
    return written


def read(locale: str) -> dict[str, Any] | None:
    """The compiled data of ``locale`` when the package carries it and it fits the
    installed Babel, else None (read the YAML sources instead)."""
    try:
        with open(os.path.join(_FOLDER, f"{locale}.json"), "rb") as handle:
            data: dict[str, Any] = json.load(handle)
    except OSError:
        found = _read_resource(locale)
        if found is None:
            return None
        data = found
    if data.get("format") != FORMAT or data.get("babel") != _babel_version():
        return None
    return data


def _read_resource(locale: str) -> dict[str, Any] | None:
    """The file through importlib.resources, for a package that is not a folder (a zip)."""
    from importlib import resources

    try:
        path = resources.files("okrkit.catalogue") / "data" / "compiled" / f"{locale}.json"
        loaded: dict[str, Any] = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return loaded


def build(data: dict[str, Any], match: LocaleMatch) -> tuple[Template, ...]:
    """The templates in ``match`` from its compiled ``data`` (what :func:`read` gave)."""
    from okrkit.catalogue import Label, Param, Template, TemplateInitiative, TemplateKeyResult

    area_labels = {i: Label(i, label) for i, label in data["areas"]}
    role_labels = {i: Label(i, label) for i, label in data["roles"]}
    reporters = {i: Label(i, label) for i, label in data["reporters"]}
    goal_labels = {i: Label(i, label) for i, label in data["goals"]}
    out = []
    for t in data["templates"]:
        key_results = tuple(
            TemplateKeyResult._of(
                {**kr, "tags": tuple(kr["tags"]), "reporter": reporters[kr["reporter"]]}
            )
            for kr in t["key_results"]
        )
        fields = {
            **t,
            "locale": match.locale,
            "area": area_labels[t["area"]],
            "roles": tuple(role_labels[r] for r in t["roles"]),
            "goal": goal_labels[t["goal"]],
            "params": {p[0]: Param(*p) for p in t["params"]},
            "key_results": key_results,
            "initiatives": tuple(TemplateInitiative(i[0], tuple(i[1])) for i in t["initiatives"]),
            "_match": match,
        }
        out.append(Template._of(fields))
    return tuple(out)
