"""``okrkit completion``: scripts that bash, zsh and fish really load and complete with."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from okrkit.cli import main

ROOT = Path(__file__).resolve().parent.parent


def script(shell: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_", "OKRKIT_"))}
    result = subprocess.run(
        [sys.executable, "-m", "okrkit", "completion", shell, *args],
        capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)}, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def bash_complete(path: Path, cwd: Path, *words: str) -> list[str]:
    """COMPREPLY for the command line ``okrkit WORDS...`` (the last word being completed)."""
    line = " ".join(("okrkit", *words))
    quoted = " ".join(f"'{w}'" for w in ("okrkit", *words))
    program = (
        f"source '{path}'\n"
        f"COMP_WORDS=({quoted}); COMP_CWORD={len(words)}; COMP_LINE='{line}'; "
        f"COMP_POINT=${{#COMP_LINE}}\n"
        f"_shtab_okrkit okrkit '{words[-1]}' '{words[-2] if len(words) > 1 else 'okrkit'}'\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    out = subprocess.run(["bash", "-c", program], cwd=cwd, capture_output=True, text=True,
                         timeout=60, check=True).stdout  # fmt: skip
    return sorted(filter(None, out.splitlines()))


def test_bash_completes_commands_options_choices_and_files(tmp_path: Path) -> None:
    path = tmp_path / "okrkit.bash"
    path.write_text(script("bash"), encoding="utf-8")
    (tmp_path / "plan.yaml").write_text("objectives: []\n", encoding="utf-8")
    assert bash_complete(path, tmp_path, "li") == ["lint"]
    assert bash_complete(path, tmp_path, "co") == ["completion"]
    assert bash_complete(path, tmp_path, "lint", "--format", "") == [
        "github", "json", "sarif", "text"]  # fmt: skip
    assert bash_complete(path, tmp_path, "lint", "--st") == ["--strict"]
    assert bash_complete(path, tmp_path, "score", "pl") == ["plan.yaml"]
    assert bash_complete(path, tmp_path, "completion", "") == ["bash", "fish", "zsh"]


def test_fish_completes_with_translated_descriptions(tmp_path: Path) -> None:
    from okrkit.i18n import translations

    path = tmp_path / "okrkit.fish"
    path.write_text(script("fish", "--locale", "sv"), encoding="utf-8")
    out = subprocess.run(
        ["fish", "--no-config", "-c", f"source '{path}'; complete -C 'okrkit li'"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert out.splitlines() == [
        "lint\t" + translations("sv").gettext("check plan files against OKR quality rules")
    ]


def test_zsh_registers_the_completion_function(tmp_path: Path) -> None:
    (tmp_path / "_okrkit").write_text(script("zsh"), encoding="utf-8")
    subprocess.run(["zsh", "-n", str(tmp_path / "_okrkit")], check=True, timeout=60)
    program = (
        f"fpath=({tmp_path} $fpath); autoload -U compinit; compinit -u -d {tmp_path}/zcompdump; "
        'print "comp=${_comps[okrkit]}"; autoload -U +X _okrkit; functions _okrkit'
    )
    out = subprocess.run(["zsh", "-f", "-c", program], capture_output=True, text=True,
                         timeout=60, check=True).stdout  # fmt: skip
    assert out.startswith("comp=_okrkit\n")
    for word in ("templates", "checkin", "lint", "--strict", "sarif"):
        assert word in out, word


def test_without_shtab_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "shtab", None)  # import shtab -> ImportError
    out, err = io.StringIO(), io.StringIO()
    assert main(["completion", "bash", "--locale", "en"], out=out, err=err) == 1
    assert err.getvalue() == (
        "okrkit: error: shell completion needs shtab: pip install 'okrkit[completion]'\n"
    )


def test_unknown_shell_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "okrkit", "completion", "tcsh"], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
