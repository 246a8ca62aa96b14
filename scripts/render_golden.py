"""Check that rendering is byte-identical to another revision's (default: ``main``).

    python scripts/render_golden.py                 # this tree against main
    python scripts/render_golden.py --ref 41a7cf1   # against any commit
    python scripts/render_golden.py --dump DIR      # only write this tree's renders

Every bundled template in every format and locale is rendered from the example plan,
the example company, the tests' sample plan (with and without a history), and the
catalogue book, in a fresh process per tree. The other revision's ``okrkit`` package
is exported with ``git archive`` into a temporary directory, so its output is what
that code produces today, never a stored expectation. Exit status 1 lists each case
whose bytes differ.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_DUMP = r"""
import datetime as dt, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])  # the tests' sampleplan helper
import okrkit
from okrkit import catalogue
from okrkit.company import load_company
from okrkit.cycle import rollover
from okrkit.i18n import SUPPORTED
from okrkit.rendering import TEMPLATES
from sampleplan import ON, sample_plan

out, examples = Path(sys.argv[1]), Path(sys.argv[3])
plan = okrkit.load(examples / "marketing-plan.yaml")
company = load_company([examples / "company"])
on = dt.date(2026, 11, 23)

def write(name, text):
    (out / name).write_bytes(text.encode("utf-8"))

for locale in SUPPORTED:
    sample = sample_plan(locale)
    for name, formats in TEMPLATES.items():
        for fmt in formats:
            case = f"{name}.{fmt}.{locale}"
            if name == "book":
                items = catalogue.templates(locale, area="seo")
                write(case, okrkit.render(items, fmt, locale=locale))
                continue
            if name == "company":
                write("company-" + case, okrkit.render(company, fmt, locale=locale, on=on))
            write("example-" + case, okrkit.render(plan, fmt, locale=locale, template=name, on=on))
            write("sample-" + case, okrkit.render(sample, fmt, locale=locale, template=name, on=ON))
    write(f"title.document.html.{locale}",
          okrkit.render(plan, "html", locale=locale, on=on, title="Q4 <b>plan</b>"))
    for delimiter in (",", None):
        write(f"csv-{delimiter}.{locale}",
              okrkit.render(plan, "csv", locale=locale, on=on, delimiter=delimiter, bom=True))
    moved = rollover(sample, "2027-Q2")
    for fmt in ("markdown", "html", "text"):
        for name in ("document", "review"):
            write(f"history-{name}.{fmt}.{locale}", okrkit.render(
                moved.plan, fmt, locale=locale, template=name, history=moved.history,
                on=dt.date(2027, 6, 1), decisions={moved.plan.objectives[-1].id: "drop"}))
    one = plan.objectives[0]
    write(f"objective.html.{locale}", okrkit.render(one, "html", locale=locale, on=on))
    kr = one.key_results[0]
    write(f"kr.markdown.{locale}", okrkit.render(kr, "markdown", locale=locale, on=on))
"""


def dump(package_parent: Path, out: Path) -> None:
    """Render every case with the ``okrkit`` package found in ``package_parent``."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(package_parent), "OKRKIT_TODAY": "2026-11-23"}
    code = [sys.executable, "-c", _DUMP, str(out), str(ROOT / "tests"), str(ROOT / "examples")]
    subprocess.run(code, check=True, env=env, cwd=package_parent)


def export(ref: str, into: Path) -> None:
    """Write ``ref``'s ``okrkit`` package into ``into`` with ``git archive``."""
    into.mkdir(parents=True, exist_ok=True)
    archive = into / "ref.tar"
    with archive.open("wb") as handle:
        subprocess.run(["git", "archive", ref, "okrkit"], check=True, cwd=ROOT, stdout=handle)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")


def compare(ref: str) -> list[str]:
    """Names of the cases whose bytes differ between this tree and ``ref``."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        export(ref, base / "ref")
        dump(base / "ref", base / "theirs")
        dump(ROOT, base / "ours")
        theirs = {p.name: p.read_bytes() for p in (base / "theirs").iterdir()}
        ours = {p.name: p.read_bytes() for p in (base / "ours").iterdir()}
    return sorted(n for n in theirs.keys() | ours.keys() if theirs.get(n) != ours.get(n))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="the revision to compare with")
    parser.add_argument("--dump", type=Path, help="only write this tree's renders here")
    args = parser.parse_args(argv)
    if args.dump is not None:
        dump(ROOT, args.dump)
        return 0
    differ = compare(args.ref)
    for name in differ:
        print(f"differs from {args.ref}: {name}")
    total = len(list((ROOT / "okrkit" / "templates").iterdir()))
    print(f"render_golden: {len(differ)} case(s) differ ({total} templates checked)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
