"""Documents as people print them and open them on laptops, in a real Chromium.

Printing: the HTML document of three objectives goes to PDF on A4 and Letter; the
test counts the PDF's pages and the text drawn on each, so a page left nearly
blank by a forced break fails. Laptops: in a 760 px window nothing makes the page
scroll sideways, and the dashboard's table fits without scrolling.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest
from sampleplan import ON, sample_plan

from okrkit import Plan, render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
SHOTS = Path(tempfile.gettempdir()) / "okrkit-screenshots"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def chromium(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tempfile.mkdtemp(prefix="okrkit-chromium-")
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )


def text_per_page(pdf: bytes) -> list[int]:
    """How many text runs each page of a Chromium PDF draws, in page order."""
    objects = {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", pdf, re.S)}
    counts = []
    for number in sorted(objects):
        body = objects[number]
        if not re.search(rb"/Type\s*/Page(?!s)", body):
            continue
        ref = re.search(rb"/Contents\s+(\d+) 0 R", body)
        assert ref is not None
        stream = re.search(rb"stream\r?\n(.*?)endstream", objects[int(ref[1])], re.S)
        assert stream is not None
        content = zlib.decompress(stream[1])
        counts.append(content.count(b"TJ") + content.count(b"Tj"))
    return counts


def three_objectives(locale: str) -> Plan:
    plan = sample_plan(locale)
    kept = [o.model_copy(update={"parent": None}) for o in plan.objectives[:3]]
    return Plan(period="2027-Q1", objectives=kept)


@pytest.mark.parametrize("size", ["A4", "letter"])
@pytest.mark.parametrize(("locale", "most"), [("en", 2), ("zh_Hant", 2), ("ru", 3)])
def test_printed_document_packs_objectives_without_blank_pages(
    tmp_path: Path, locale: str, most: int, size: str
) -> None:
    html = render(three_objectives(locale), "html", locale=locale, on=ON)
    page = tmp_path / f"document.{locale}.{size}.html"
    page.write_text(html.replace("</style>", f"@page {{ size: {size}; }}</style>"))
    pdf = tmp_path / "out.pdf"
    result = chromium(page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    runs = text_per_page(data)
    assert len(runs) == pages
    assert 1 <= pages <= most, runs
    fullest = max(runs)
    assert all(r >= 0.4 * fullest for r in runs[:-1]), runs  # no page left nearly blank
    assert runs[-1] >= 0.1 * fullest, runs  # and no page for a stray footer


PROBE = """<script>
window.addEventListener("load", () => {
  const wraps = [...document.querySelectorAll(".table-wrap")];
  document.body.setAttribute("data-probe", JSON.stringify({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
    tables: wraps.map(w => [w.scrollWidth, w.clientWidth]),
  }));
});
</script></body>"""


@pytest.mark.parametrize("locale", ["en", "ru", "zh_Hans", "vi"])
@pytest.mark.parametrize("name", ["dashboard", "document", "checkin", "review"])
def test_documents_fit_a_760px_window(tmp_path: Path, name: str, locale: str) -> None:
    html = render(sample_plan(locale), "html", locale=locale, template=name, on=ON)
    page = tmp_path / f"{name}.{locale}.html"
    page.write_text(html.replace("</body>", PROBE))
    dom = chromium(page, "--window-size=760,1000", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'data-probe="([^"]+)"', dom.stdout)
    assert found is not None
    probe = json.loads(found[1].replace("&quot;", '"'))
    assert probe["page"] <= probe["window"], probe  # the page never scrolls sideways
    if name == "dashboard":
        assert all(scroll <= client + 1 for scroll, client in probe["tables"]), probe
    SHOTS.mkdir(exist_ok=True)
    shot = SHOTS / f"{name}.{locale}.760.png"
    result = chromium(page, "--window-size=760,1000", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.read_bytes()[:4] == b"\x89PNG"
