"""Locking: concurrent writers on one plan file, real processes, zero lost updates."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import okrkit
from okrkit.files import LockError, edit, lock, locked, write_text_atomic

ROOT = Path(__file__).resolve().parent.parent
PLAN = (
    "# the team's plan\n"
    "objectives:\n"
    "  - id: o\n"
    "    title: O\n"
    "    key_results:\n"
    "      - id: k\n"
    "        title: K\n"
    "        baseline: 0\n"
    "        target: 1000\n"
    "        check_ins:\n"
    "          - {date: 2026-01-01, value: 0}\n"
)
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ENV.pop("OKRKIT_LOCALE", None)

# A library writer: three check-ins through okrkit.edit, noted "lib-<n>-<i>".
LIBRARY_WRITER = """
import sys, okrkit
path, n = sys.argv[1], sys.argv[2]
for i in range(3):
    with okrkit.edit(path) as plan:
        kr = plan.key_result("k")[1]
        kr.check_ins.append(okrkit.CheckIn(date="2026-02-01", value=1, note=f"lib-{n}-{i}"))
"""
# A shell user: three `okrkit checkin` runs in a row, noted "cli-<n>-<i>".
CLI_WRITER = (
    'for i in 0 1 2; do "$0" -m okrkit checkin "$1" k 2 --date 2026-02-02 --note "cli-$2-$i"'
    " || exit 1; done"
)


def start_writers(path: Path, cli: int, library: int) -> list[subprocess.Popen[bytes]]:
    procs = []
    for n in range(cli):
        procs.append(
            subprocess.Popen(
                ["sh", "-c", CLI_WRITER, sys.executable, str(path), str(n)],
                env=ENV,
                stderr=subprocess.PIPE,
            )
        )
    for n in range(library):
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", LIBRARY_WRITER, str(path), str(n)],
                env=ENV,
                stderr=subprocess.PIPE,
            )
        )
    return procs


@pytest.mark.parametrize("trial", range(3))
def test_eight_concurrent_writers_lose_nothing(tmp_path: Path, trial: int) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    procs = start_writers(path, cli=6, library=2)
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    notes = [c.note for c in okrkit.load(path).key_result("k")[1].check_ins]
    expected = {f"cli-{n}-{i}" for n in range(6) for i in range(3)}
    expected |= {f"lib-{n}-{i}" for n in range(2) for i in range(3)}
    assert len(notes) == 1 + 24  # the first check-in plus 8 writers x 3
    assert set(notes[1:]) == expected
    assert path.read_text(encoding="utf-8").startswith("# the team's plan\n")  # layout kept
    assert names(tmp_path) == ["plan.yaml"]  # no temporary or lock file left


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_waiter_locks_the_file_that_replaced_the_one_it_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("a\n", encoding="utf-8")
    order: list[str] = []
    holding = threading.Event()

    def first() -> None:
        with locked(path):
            holding.set()
            time.sleep(0.3)
            write_text_atomic(path, "b\n")  # a new inode replaces the locked one
            order.append("first wrote")

    def second() -> None:
        holding.wait()
        with locked(path):
            order.append("second read " + path.read_text(encoding="utf-8").strip())
            time.sleep(0.2)
            order.append("second done")

    def third() -> None:
        holding.wait()
        time.sleep(0.4)  # after the replace: opens the new file, must wait for second
        with locked(path):
            order.append("third")

    threads = [threading.Thread(target=f) for f in (first, second, third)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert order in (
        ["first wrote", "second read b", "second done", "third"],
        ["first wrote", "third", "second read b", "second done"],
    )


def test_lock_timeout_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1]);"
         " fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(LockError) as info, edit(path, timeout=0.2):
            pass
        assert str(info.value) == (
            f"{path}: another process is editing this file (waited 0.2 s); try again"
        )
        assert isinstance(info.value, okrkit.OKRError)
    finally:
        holder.kill()
        holder.communicate()
    with pytest.raises(okrkit.PlanFileError, match="no such file"), locked(tmp_path / "nope"):
        pass


def test_without_fcntl_a_sidecar_lock_file_serialises_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "fcntl", None)
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")

    def writer(n: int) -> None:
        for i in range(5):
            with edit(path) as plan:
                plan.key_result("k")[1].check_ins.append(
                    okrkit.CheckIn(date="2026-03-01", value=3, note=f"t{n}-{i}")
                )

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(okrkit.load(path).key_result("k")[1].check_ins) == 1 + 20
    assert names(tmp_path) == ["plan.yaml"]
    sidecar = tmp_path / ".plan.yaml.lock"
    sidecar.write_text("", encoding="utf-8")  # left behind by a killed process
    with pytest.raises(LockError, match=r"delete .*\.plan\.yaml\.lock"), locked(path, timeout=0.1):
        pass


def test_edit_writes_nothing_when_unchanged_or_when_the_block_fails(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    mtime = path.stat().st_mtime_ns
    with edit(path):
        pass
    with pytest.raises(RuntimeError), edit(path) as plan:
        plan.objectives.clear()
        raise RuntimeError("changed my mind")
    assert path.stat().st_mtime_ns == mtime and path.read_text(encoding="utf-8") == PLAN
    with pytest.raises(okrkit.ValidationError), edit(path) as plan:
        plan.key_result("k")[1].check_ins.append(okrkit.CheckIn(date="2026-03-01", done=True))
    assert path.read_text(encoding="utf-8") == PLAN
