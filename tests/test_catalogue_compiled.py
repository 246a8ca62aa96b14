"""The compiled catalogue (what wheels carry) gives exactly what the YAML sources give."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from okrkit import catalogue
from okrkit.catalogue import _compiled
from okrkit.catalogue._localize import build_from_sources
from okrkit.i18n import SUPPORTED, resolve_locale

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compiled() -> dict[str, dict[str, Any]]:
    """Every locale's compiled data, through JSON as a wheel stores it."""
    return {loc: json.loads(json.dumps(_compiled.compile_locale(loc))) for loc in SUPPORTED}


@pytest.mark.parametrize("locale", SUPPORTED)
def test_every_template_is_the_same_on_both_paths(
    compiled: dict[str, dict[str, Any]], locale: str
) -> None:
    match = resolve_locale(locale)
    ours = _compiled.build(compiled[locale], match)
    sources = build_from_sources(match)
    assert [t.id for t in ours] == [t.id for t in sources]
    for a, b in zip(ours, sources, strict=True):
        assert a == b, a.id
        assert repr(a) == repr(b)
        assert a.search_text() == b.search_text()
        assert a._match == b._match and a.locale == locale


@pytest.fixture
def from_compiled(compiled: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The catalogue as a wheel serves it: from the compiled data."""
    monkeypatch.setattr(_compiled, "read", lambda locale: compiled[locale])
    catalogue.clear_cache()
    yield catalogue
    monkeypatch.undo()
    catalogue.clear_cache()


def test_the_public_functions_serve_the_compiled_data(from_compiled: Any) -> None:
    served = {loc: from_compiled.templates(loc) for loc in SUPPORTED}
    labels = {loc: (from_compiled.roles(loc), from_compiled.areas(loc), from_compiled.goals(loc))
              for loc in SUPPORTED}  # fmt: skip
    filtered = from_compiled.templates("ru", role="brand-comms", query="NPS")
    sv_fi = from_compiled.templates("sv_FI")  # a regional variant formats its own numbers
    catalogue.clear_cache()
    from okrkit.catalogue import _localize

    for loc in SUPPORTED:
        assert served[loc] == sorted(_localize.build_from_sources(resolve_locale(loc)),
                                     key=lambda t: t.id)  # fmt: skip
    assert filtered == catalogue.templates("ru", role="brand-comms", query="NPS") != []
    assert sv_fi == catalogue.templates("sv_FI")
    for loc in SUPPORTED:
        assert labels[loc] == (catalogue.roles(loc), catalogue.areas(loc), catalogue.goals(loc))


def test_a_compiled_template_instantiates_like_a_source_one(from_compiled: Any) -> None:
    ours = from_compiled.get("nps-reviews/most-recommended", "ru")
    made = ours.instantiate(period="2027-Q1", nps_target=65)
    catalogue.clear_cache()
    theirs = catalogue.get("nps-reviews/most-recommended", "ru")
    assert made == theirs.instantiate(period="2027-Q1", nps_target=65)


def test_compiled_data_of_another_babel_or_format_is_not_used(
    compiled: dict[str, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_compiled, "_FOLDER", str(tmp_path))
    assert _compiled.read("sv") is None  # no file: read the sources
    (tmp_path / "sv.json").write_text(json.dumps(compiled["sv"]), encoding="utf-8")
    assert _compiled.read("sv") == compiled["sv"]
    for key, value in (("babel", "0.1"), ("format", _compiled.FORMAT + 1)):
        (tmp_path / "sv.json").write_text(json.dumps({**compiled["sv"], key: value}))
        assert _compiled.read("sv") is None


def test_the_babel_version_is_found_without_importing_babel() -> None:
    import babel

    code = (
        "import sys; from okrkit.catalogue._compiled import _babel_version; "
        "print(_babel_version(), 'babel' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [babel.__version__, "False"]


HEAVY = ("pydantic", "jinja2", "babel", "yaml", "dataclasses", "typing")

_PROBE = """
import io, json, sys
from okrkit.cli import main
out = io.StringIO()
status = main(sys.argv[1:], out=out, err=io.StringIO())
print(json.dumps({"status": status, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def test_templates_list_from_an_installed_package_is_light(tmp_path: Path) -> None:
    """As a wheel installs okrkit (compiled .mo files and catalogue): `templates list`
    in any locale reads no YAML and imports neither pydantic, Jinja nor Babel, and
    prints what the source checkout prints."""
    from hatch_build import compile_catalogues, compile_templates

    package = tmp_path / "okrkit"
    shutil.copytree(ROOT / "okrkit", package, ignore=shutil.ignore_patterns("*.pyc", "*.po"))
    compile_catalogues(ROOT / "okrkit" / "locale", package / "locale")
    written = compile_templates(ROOT, package / "catalogue" / "data" / "compiled")
    assert sorted(written) == sorted(
        f"okrkit/catalogue/data/compiled/{loc}.json" for loc in SUPPORTED
    )
    cases = [
        ["--locale", "ru", "templates", "list"],
        ["--locale", "zh_Hant", "templates", "list", "--role", "brand-comms", "--query", "NPS"],
    ]
    for argv in cases:
        runs = []
        for env, cwd in (({**os.environ, "PYTHONPATH": str(tmp_path)}, tmp_path), (None, ROOT)):
            done = subprocess.run(
                [sys.executable, "-c", _PROBE, *argv],
                capture_output=True, text=True, env=env, cwd=cwd, check=True,
            )  # fmt: skip
            runs.append(json.loads(done.stdout))
        installed, checkout = runs
        heavy = [m for m in installed["modules"] if m.split(".")[0] in HEAVY]
        assert heavy == [], heavy
        assert "yaml" in {m.split(".")[0] for m in checkout["modules"]}  # really the sources
        assert installed["status"] == checkout["status"] == 0
        assert installed["out"] == checkout["out"] and installed["out"].count("\n") > 3


def test_catalogue_records_behave_like_frozen_dataclasses() -> None:
    import dataclasses
    import pickle

    t = catalogue.get("seo/on-page", "sv")
    assert repr(t.area) == f"Label(id='seo', label={t.area.label!r})"
    assert repr(t).startswith("Template(id='seo/on-page', locale='sv', area=Label(")
    assert "_match" not in repr(t) and repr(t).endswith(")")
    assert t.area == catalogue.Label("seo", t.area.label) != catalogue.Label("seo", "x")
    assert hash(t.area) == hash(catalogue.Label("seo", t.area.label))
    assert t.key_results[0] != ("domain-rating",)
    assert catalogue.Param("n", 1.0, "count") == catalogue.Param("n", 1.0, "count", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.title = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del t.area.label
    with pytest.raises(TypeError):
        hash(t)  # its params are a dict, as with the dataclass it was
    assert pickle.loads(pickle.dumps(t)) == t
    ru = catalogue.get("seo/on-page", "ru")
    assert ru != t and ru.id == t.id
    match t.area:
        case catalogue.Label(area_id, label):
            assert (area_id, label) == ("seo", t.area.label)
