"""Which language the command line speaks, and which a rendered document speaks."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from okrkit.cli._locale import default_locale, environment_locales
from okrkit.i18n import SUPPORTED, translations

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"
VARS = ("OKRKIT_LOCALE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "OKRKIT_TODAY")


def run(
    *args: str, env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in VARS}
    base.update(env, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "okrkit", *args],
        capture_output=True, text=True, env=base, cwd=cwd, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANGUAGE": "sv:en", "LANG": "ru_RU.UTF-8"}, "sv"),
        ({"LANGUAGE": "de:fr:zh_TW", "LANG": "ru_RU.UTF-8"}, "zh_Hant"),
        ({"LANGUAGE": "de", "LANG": "sv_SE.UTF-8"}, "en"),  # German asked for: untranslated
        ({"LC_ALL": "vi_VN.UTF-8", "LC_MESSAGES": "sv_SE", "LANG": "ru_RU"}, "vi"),
        ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "sv_SE.UTF-8"}, "ru"),
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),  # LC_ALL wins, as in gettext
        ({"LC_ALL": "C.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"OKRKIT_LOCALE": "zh_Hans", "LANGUAGE": "sv"}, "zh_Hans"),
        ({"LANGUAGE": "", "LANG": "sv_SE.UTF-8"}, "sv"),  # empty is unset
        ({}, "en"),
    ],
)
def test_environment_order_is_gettexts(env: dict[str, str], expected: str) -> None:
    assert default_locale(env) == expected


def test_environment_locales_lists_the_deciding_variable_only() -> None:
    assert environment_locales({"LANGUAGE": "vi:C:sv", "LANG": "ru"}) == ["vi", "sv"]
    assert environment_locales({"LC_MESSAGES": "sv_FI.UTF-8"}) == ["sv_FI.UTF-8"]


def test_help_follows_language() -> None:
    out = run("lint", "--help", env={"LANGUAGE": "sv:en", "LANG": "ru_RU.UTF-8"}).stdout
    assert translations("sv").gettext("fail on warnings too") in out


@pytest.mark.parametrize("locale", SUPPORTED)
def test_library_errors_speak_the_users_language(locale: str, tmp_path: Path) -> None:
    t = translations(locale).gettext
    missing = tmp_path / "nope.yaml"
    result = run("score", str(missing), env={"LANGUAGE": locale})
    assert result.returncode == 1
    line = f"okrkit: {t('error')}: " + t("{path}: no such file").replace("{path}", str(missing))
    assert result.stderr == line + "\n"
    broken = tmp_path / "broken.yaml"
    broken.write_text("objectives: [\n  {id: a\n", encoding="utf-8")
    result = run("render", str(broken), "--locale", locale, env={"LANG": "sv_SE.UTF-8"})
    prefix = t("{where}: not valid YAML: {problem}").split("{problem}")[0]
    assert result.stderr.startswith(
        f"okrkit: {t('error')}: " + prefix.replace("{where}", f"{broken}:3")
    )


def with_locale(path: Path, locale: str | None) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"^locale: .*\n", "", text, flags=re.M)
    if locale:
        text = f"locale: {locale}\n" + text
    path.write_text(text, encoding="utf-8")
    return path


def heading(markdown: str) -> str:
    return markdown.splitlines()[0]


def test_document_locale_order(tmp_path: Path) -> None:
    """--locale, then the plan's locale:, then the environment; messages keep the user's."""
    sv_plan = with_locale(tmp_path / "sv.yaml", "sv")
    bare = with_locale(tmp_path / "bare.yaml", None)
    args = ("--format", "markdown", "--template", "checkin", "--on", "2026-11-27")
    want = {loc: "# " + translations(loc).gettext("Check-in report") for loc in ("sv", "ru", "vi")}
    assert len(set(want.values())) == 3
    plan_wins = run("render", str(sv_plan), *args, env={"LANG": "ru_RU.UTF-8"})
    assert heading(plan_wins.stdout) == want["sv"], plan_wins.stderr
    flag_wins = run("render", str(sv_plan), *args, "--locale", "vi", env={"LANG": "ru_RU.UTF-8"})
    assert heading(flag_wins.stdout) == want["vi"]
    env_last = run("render", str(bare), *args, env={"LANGUAGE": "ru"})
    assert heading(env_last.stdout) == want["ru"]
    out = tmp_path / "report.md"
    wrote = run("render", str(sv_plan), *args, "-o", str(out), env={"LANGUAGE": "ru"})
    assert heading(out.read_text(encoding="utf-8")) == want["sv"]
    assert (
        wrote.stderr
        == translations("ru").gettext("Wrote {path}").replace("{path}", str(out)) + "\n"
    )
