"""What a user installs: the wheel and the sdist carry working catalogues and metadata.

The ``.mo`` files are build products (``hatch_build.py``): these tests build the
sdist and the wheel from this tree, then a second wheel from the unpacked sdist,
and read the compiled catalogues back by content. They also keep the lowest-versions
constraints file honest against ``pyproject.toml``.
"""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

try:
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from okrkit.i18n import SUPPORTED

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = [loc for loc in SUPPORTED if loc != "en"]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _hatchling(source: Path, out: Path, *targets: str) -> list[Path]:
    args = [sys.executable, "-m", "hatchling", "build", "-d", str(out)]
    for target in targets:
        args += ["-t", target]
    subprocess.run(args, cwd=source, check=True, capture_output=True, text=True)
    return sorted(out.iterdir())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    _hatchling(ROOT, out, "sdist", "wheel")
    sdist = next(out.glob("*.tar.gz"))
    wheel = next(out.glob("*.whl"))
    unpacked = tmp_path_factory.mktemp("sdist")
    with tarfile.open(sdist) as archive:
        archive.extractall(unpacked, filter="data")
    (source,) = unpacked.iterdir()
    again = tmp_path_factory.mktemp("from-sdist")
    _hatchling(source, again, "wheel")
    return {"sdist": sdist, "wheel": wheel, "wheel_from_sdist": next(again.glob("*.whl"))}


def _po(locale: str) -> dict[tuple[str | None, object], object]:
    path = ROOT / "okrkit" / "locale" / locale / "LC_MESSAGES" / "okrkit.po"
    with path.open("rb") as handle:
        return {(m.context, m.id): m.string for m in read_po(handle, locale=locale) if m.id}


@pytest.mark.parametrize("which", ["wheel", "wheel_from_sdist"])
@pytest.mark.parametrize("locale", TRANSLATED)
def test_wheel_carries_compiled_catalogues(built: dict[str, Path], which: str, locale: str) -> None:
    with zipfile.ZipFile(built[which]) as wheel:
        data = wheel.read(f"okrkit/locale/{locale}/LC_MESSAGES/okrkit.mo")
    import io

    served = gettext.GNUTranslations(io.BytesIO(data))
    expected = _po(locale)
    assert len(served._catalog) >= len(expected)  # type: ignore[attr-defined]
    for (context, msgid), string in expected.items():
        if isinstance(msgid, str):
            got = served.pgettext(context, msgid) if context else served.gettext(msgid)
            assert got == string
        elif context:
            assert served.npgettext(context, msgid[0], msgid[1], 1) in string  # type: ignore[index, operator]
        else:
            assert served.ngettext(msgid[0], msgid[1], 1) in string  # type: ignore[index, operator]


@pytest.mark.parametrize("which", ["wheel", "wheel_from_sdist"])
def test_wheel_carries_the_compiled_catalogue_of_the_sources(
    built: dict[str, Path], which: str
) -> None:
    """The compiled catalogue is a build product, equal to what the YAML sources give."""
    import json

    from okrkit.catalogue._compiled import compile_locale

    with zipfile.ZipFile(built[which]) as wheel:
        for locale in SUPPORTED:
            data = json.loads(wheel.read(f"okrkit/catalogue/data/compiled/{locale}.json"))
            assert data == json.loads(json.dumps(compile_locale(locale))), locale


def test_installed_wheel_translates_without_po_files(
    built: dict[str, Path], tmp_path: Path
) -> None:
    """Unpack the wheel, delete its .po files: okrkit must still speak Swedish from the .mo."""
    with zipfile.ZipFile(built["wheel"]) as wheel:
        wheel.extractall(tmp_path)
    for po in tmp_path.glob("okrkit/locale/*/LC_MESSAGES/*.po"):
        po.unlink()
    code = "from okrkit.i18n import translations; print(translations('sv').gettext('Confidence'))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == _po("sv")[(None, "Confidence")]
    assert result.stdout.strip() != "Confidence"


def test_wheel_and_sdist_metadata(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = wheel.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        text = wheel.read(metadata).decode()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in text
    assert "Project-URL: Source," in text
    assert not any(n.endswith(".mo") and "/locale/" not in n for n in names)
    with tarfile.open(built["sdist"]) as archive:
        members = {Path(m).relative_to(Path(m).parts[0]).as_posix() for m in archive.getnames()}
    assert {"LICENSE", "hatch_build.py", "okrkit/locale/sv/LC_MESSAGES/okrkit.po"} <= members
    assert not any(m.endswith(".mo") for m in members)


def test_classifiers_name_the_python_ci_runs() -> None:
    versions = [
        c.rsplit(":: ", 1)[1]
        for c in PYPROJECT["project"]["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert versions == [f"{sys.version_info.major}.{sys.version_info.minor}"]
    assert "python3 -m venv" in ci
    assert PYPROJECT["project"]["requires-python"] == f">={versions[0]}"


def _lower_bounds() -> dict[str, str]:
    requirements = list(PYPROJECT["project"]["dependencies"])
    requirements += PYPROJECT["project"]["optional-dependencies"]["test"]
    bounds = {}
    for requirement in requirements:
        match = re.fullmatch(
            r"([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?>=([0-9.]+)(?:,<[0-9.]+)?", requirement
        )
        assert match, f"{requirement!r}: every runtime and test dependency needs a >= bound"
        bounds[match[1].lower()] = match[2]
    return bounds


def test_lowest_constraints_match_pyproject() -> None:
    pinned = {}
    for line in (ROOT / "constraints-lowest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pinned[name.lower()] = version
    for name, bound in _lower_bounds().items():
        assert name in pinned, f"constraints-lowest.txt lacks {name}=={bound}"
        assert _padded(pinned[name]) == _padded(bound), (name, pinned[name])


def _padded(version: str) -> tuple[int, ...]:
    parts = tuple(map(int, version.split(".")))
    return parts + (0,) * (3 - len(parts))
