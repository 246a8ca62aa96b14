"""The README's "for your own quarter" session, run for real: it must end on a
dashboard with colour, its check-ins dated inside the quarter it scaffolds."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import okrkit

ROOT = Path(__file__).resolve().parent.parent


def quickstart() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"for your own quarter:\s*```sh\n(.*?)```", text, re.S)
    assert block is not None, "README lost its own-quarter example"
    commands = [shlex.split(line) for line in block[1].splitlines() if line.strip()]
    assert all(c[0] == ".venv/bin/okrkit" for c in commands)
    return [c[1:] for c in commands]


def test_readme_quickstart_ends_on_a_dashboard_with_colour(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("OKRKIT_LOCALE", "LC_ALL", "LANG")}
    env["PYTHONPATH"] = str(ROOT)
    commands = quickstart()
    for args in commands:
        result = subprocess.run(
            [sys.executable, "-m", "okrkit", *args],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, (args, result.stderr)
    plan = okrkit.load(tmp_path / "okrs.yaml")
    assert plan.period is not None
    dates = [c.date for o in plan.objectives for kr in o.key_results for c in kr.check_ins]
    assert dates and all(plan.period.contains(d) for d in dates), (plan.period, dates)
    on = [dt.date.fromisoformat(a[a.index("--on") + 1]) for a in commands if "--on" in a]
    assert on and all(plan.period.contains(d) for d in on)
    html = (tmp_path / "dashboard.html").read_text(encoding="utf-8")
    bands = set(re.findall(r'class="status (green|yellow|red|grey)"', html))
    assert {"green", "yellow", "red"} <= bands, bands
