"""Compiled templates kept between processes: right, atomic, and never an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from okrkit.i18n import resolve_locale
from okrkit.rendering.bytecode import CACHE_VAR, cache_dir
from okrkit.rendering.environments import _make

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "marketing-plan.yaml"


def _render(name: str = "document.html") -> str:
    """A fresh environment (no in-process template cache) rendering ``name``."""
    import datetime as dt

    import okrkit
    from okrkit.rendering.context import _plan_context

    match = resolve_locale("sv")
    env = _make(match, None, False, None)
    context = _plan_context(okrkit.load(PLAN), dt.date(2026, 11, 23), None, match)
    return env.get_template(name).render(title=None, csv_formulas=False, **context)


def test_second_environment_loads_what_the_first_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VAR, str(tmp_path))
    first = _render()
    files = sorted((tmp_path / "templates").glob("*.jinja"))
    assert len(files) == 2  # document.html and the base.html it extends
    stamps = [f.stat().st_mtime_ns for f in files]
    assert _render() == first
    assert [f.stat().st_mtime_ns for f in files] == stamps  # loaded, not written again
    monkeypatch.setenv(CACHE_VAR, "")
    assert _render() == first  # and the same as without a cache


def test_corrupt_or_foreign_files_are_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VAR, "")
    expected = _render()
    monkeypatch.setenv(CACHE_VAR, str(tmp_path))
    _render()
    for n, path in enumerate(sorted((tmp_path / "templates").glob("*.jinja"))):
        path.write_bytes(path.read_bytes()[: 40 + n] if n else b"not bytecode")
    assert _render() == expected


def test_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would be", encoding="utf-8")
    monkeypatch.setenv(CACHE_VAR, str(blocker / "below"))  # its parent is a file
    assert _render()
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_cache_directory_follows_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    if sys.platform not in ("win32", "darwin"):
        assert cache_dir() == Path("/somewhere/okrkit")
    monkeypatch.setenv(CACHE_VAR, "  ")
    assert cache_dir() is None


def test_processes_filling_one_cache_at_once(tmp_path: Path) -> None:
    env = {**os.environ, CACHE_VAR: str(tmp_path), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "okrkit", "--locale", "ru", "render", str(PLAN)]
    command += ["--format", "html", "--on", "2026-11-23"]
    running = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in running]
    assert all(p.returncode == 0 for p in running), [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1
    again = subprocess.run(command, env={**env, CACHE_VAR: ""}, capture_output=True, check=True)
    assert again.stdout == outputs[0][0]
    names = [p.name for p in (tmp_path / "templates").iterdir()]
    assert names and not [n for n in names if n.endswith(".tmp")]


def test_a_filter_that_starts_taking_the_context_is_not_served_stale_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Jinja compiles the call of a pass_context filter differently: code cached while
    # the filter was plain would call it without the context (a TypeError).
    import jinja2

    from okrkit.rendering import bytecode

    monkeypatch.setenv(CACHE_VAR, str(tmp_path))
    loader = jinja2.DictLoader({"t.txt": "{{ 2|twice(3) }}"})

    def env_with(twice: object) -> jinja2.Environment:
        env = jinja2.Environment(loader=loader)
        env.filters["twice"] = twice
        env.bytecode_cache = bytecode.template_cache(env)
        return env

    plain = env_with(lambda v, n: v * n)
    assert plain.get_template("t.txt").render() == "6"
    assert list((tmp_path / "templates").glob("*.jinja"))
    context = env_with(jinja2.pass_context(lambda ctx, v, n: v * n + len(ctx.get("x", ""))))
    assert bytecode.fingerprint(context) != bytecode.fingerprint(plain)
    assert context.get_template("t.txt").render(x="ab") == "8"
