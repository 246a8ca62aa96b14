"""Writes that respect the file system: links, modes, special files, failures, messages."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import okrkit
from okrkit.cli import main
from okrkit.files import atomic, write_text_atomic
from okrkit.files.atomic import write_bytes_atomic

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"
PLAN = (
    "objectives:\n  - id: o\n    title: O\n    key_results:\n"
    "      - {id: k, title: K, baseline: 1, target: 9}\n"
)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "plan.yaml"
    real.parent.mkdir()
    real.write_text(PLAN, encoding="utf-8")
    link = tmp_path / "plan.yaml"
    link.symlink_to(Path("real") / "plan.yaml")
    status, _, err = cli("checkin", str(link), "k", "4", "--date", "2026-01-02")
    assert status == 0, err
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "plan.yaml")
    assert okrkit.load(real).key_result("k")[1].value == 4
    assert names(real.parent) == ["plan.yaml"] and names(tmp_path) == ["plan.yaml", "real"]


def test_mode_is_kept_and_new_files_honour_the_umask(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    plan.chmod(0o640)
    write_text_atomic(plan, PLAN + "# more\n")
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640
    for mask, expected in ((0o022, 0o644), (0o077, 0o600), (0o002, 0o664)):
        old = os.umask(mask)
        try:
            new = tmp_path / f"new-{mask:o}.yaml"
            write_text_atomic(new, PLAN)
        finally:
            os.umask(old)
        assert stat.S_IMODE(new.stat().st_mode) == expected


def test_hard_links_keep_sharing_the_file(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    other = tmp_path / "team-copy.yaml"
    os.link(plan, other)
    status, _, err = cli("checkin", str(other), "k", "5", "--date", "2026-01-02")
    assert status == 0, err
    assert plan.stat().st_ino == other.stat().st_ino and plan.stat().st_nlink == 2
    assert okrkit.load(plan).key_result("k")[1].value == 5
    write_text_atomic(plan, "short\n")  # shorter than before: the rest is cut off
    assert other.read_text(encoding="utf-8") == "short\n"


def test_hard_linked_write_that_fails_puts_the_old_bytes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    os.link(plan, tmp_path / "link.yaml")
    real_write = os.write
    calls = []

    def half_then_full(fd: int, data: bytes | memoryview) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data)[:10])
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(okrkit.PlanFileError, match=r"plan\.yaml: No space left on device"):
        write_text_atomic(plan, "x" * 5000)
    monkeypatch.undo()
    assert plan.read_text(encoding="utf-8") == PLAN


def test_fifo_is_refused_and_stdout_is_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    status, _, err = cli("render", str(plan), "-o", str(fifo))
    assert status == 1 and "Traceback" not in err
    assert f"{fifo}: is a FIFO (named pipe); okrkit only replaces regular files" in err
    assert stat.S_ISFIFO(fifo.stat().st_mode) and names(tmp_path) == ["out.md", "plan.yaml"]
    with pytest.raises(okrkit.PlanFileError, match="is a folder"):
        write_text_atomic(tmp_path, "x")
    for target in ("-", "/dev/stdout"):
        status, out, err = cli("render", str(plan), "-o", target)
        assert status == 0 and out.startswith("#") and err == ""


def test_fifo_reader_gets_the_document_through_the_real_stdout(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    with fifo.open("wb") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "okrkit", "render", str(plan), "-o", "/dev/stdout"],
            stdout=sink, stderr=subprocess.PIPE, text=False, timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert got and got[0].startswith(b"#") and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("failing", ["replace", "fsync", "write", "fchmod"])
def test_no_temp_file_and_old_file_kept_on_any_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    before = plan.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    status, _, err = cli("checkin", str(plan), "k", "5", "--date", "2026-01-02")
    monkeypatch.undo()
    assert status == 1
    assert err == f"okrkit: error: {plan}: No space left on device\n"
    assert plan.read_bytes() == before and names(tmp_path) == ["plan.yaml"]


def test_interrupt_mid_write_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes_atomic(plan, b"new")
    monkeypatch.undo()
    assert plan.read_text(encoding="utf-8") == PLAN and names(tmp_path) == ["plan.yaml"]


def test_os_errors_name_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    plan = folder / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    folder.chmod(0o500)
    try:
        if os.geteuid() == 0:  # root may write anywhere: use a path that cannot exist
            target = tmp_path / "missing" / "plan.yaml"
            reason = "No such file or directory"
        else:
            target, reason = plan, "Permission denied"
        with pytest.raises(okrkit.PlanFileError) as info:
            write_text_atomic(target, "x")
        assert str(info.value) == f"{target}: {reason}"
    finally:
        folder.chmod(0o700)
    error = atomic.os_error("plan.yaml", OSError(28, "No space left on device"))
    assert str(error) == "plan.yaml: No space left on device"
