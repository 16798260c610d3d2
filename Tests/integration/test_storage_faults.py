"""The state database refusing writes, and a second daemon on the same state (docs/reliability.md).

A database locked by another process must not make simwatchd re-send a reminder it could not record, nor spin: it
backs off, says so (`simwatchctl status`, `STATUS=`, the journal) and recovers by itself. A second simwatchd on the
same state directory is refused at start (simwatchd.lock), so two daemons never race over one outbox.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections import Counter

import pytest

from channel_support import Receiver, channel_config, ctl, outbox
from conftest import new_line_id, wait_until, write_secret

SECRET = "whsec_" + base64.b64encode(b"s" * 32).decode()


def hook_config(receiver: Receiver, secret: str, lines: list[str], repeat: str = "every 1h") -> str:
    channels = f"""\
[channels.hook]
type = "webhook"
url = "{receiver.url()}"
secret_file = "{secret}"
"""
    extra = f"""\
[[line.rule]]
id = "busy"
kind = "data_below"
threshold = "5GB"
severity = "warning"
repeat = "{repeat}"
"""
    specs = [{"id": l, "name": f"Store {l}", "channels": ["hook"], "extra": extra} for l in lines]
    return channel_config(specs, channels, time_scale=3600)


def status(daemon) -> dict:
    done = ctl(daemon, "status", "--json", timeout=30)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def cpu_seconds(pid: int) -> float:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def storage_problem(daemon, timeout: float) -> dict:
    """Waits until simwatchctl status reports the state database refusing writes; returns that report."""
    seen: dict = {}

    def reported() -> bool:
        seen.update(status(daemon))
        return seen.get("storage") is not None

    wait_until(reported, timeout, interval=1, what="status reporting the state not saved")
    return seen["storage"]


def hold_fault(current, started: float, cpu_before: float, seconds: float, what: str) -> None:
    """Keeps the fault until `seconds` after `started`, then checks the daemon only slept through it."""
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    held = time.monotonic() - started
    cpu = cpu_seconds(current.pid) - cpu_before
    assert cpu < 0.3 * held, f"simwatchd used {cpu:.1f}s of CPU in {held:.0f}s with {what}"


def recovered(daemon) -> None:
    """The problem clears by itself and what waited goes out.

    The back-off doubles with each failed write (1, 2, 4 ... s, at most 300 s): a 25 s fault on a loaded machine can
    leave the next try a minute or more away, so the wait allows for the back-off a fault of that length reaches."""
    wait_until(lambda: status(daemon).get("storage") is None, 150, interval=1, what="the storage problem to clear")
    wait_until(
        lambda: not [r for r in outbox(daemon) if r["state"] == "pending" and r["channel"] == "hook"],
        60,
        interval=1,
        what="the outbox to drain",
    )


def arrived_once(receiver: Receiver, what: str) -> Counter:
    arrivals = Counter(r["headers"]["webhook-id"] for r in receiver.snapshot())
    twice = {rid: n for rid, n in arrivals.items() if n > 1}
    assert not twice, f"reminders sent more than once while {what}: {twice}"
    return arrivals


def test_second_daemon_on_the_same_state_is_refused(daemon, tmp_path):
    receiver = Receiver()
    try:
        secret = write_secret(daemon.directory, "hook.secret", SECRET)
        first = daemon(hook_config(receiver, str(secret), [new_line_id()]), args=["--foreground"])
        wait_until(lambda: (daemon.state_dir / "simwatchd.lock").exists(), 20, what="the first daemon's lock")
        status(daemon)  # the first one serves
        second = daemon(args=["--foreground", "--socket", str(tmp_path / "second.sock")])
        assert second.proc.wait(20) == 69, second.stderr_text()
        text = second.stderr_text()
        assert f"simwatchd (pid {first.pid}) is already using this state directory" in text, text
        assert first.alive()
        # The lock dies with its holder, however it dies: a SIGKILLed daemon never blocks the next start.
        first.kill()
        third = daemon(args=["--foreground"])
        wait_until(lambda: status(daemon)["lines"] == 1, 30, what="the next daemon serving")
        assert third.alive()
    finally:
        receiver.stop()


def test_locked_database_backs_off_sends_once_and_recovers(daemon):
    receiver = Receiver()
    try:
        secret = write_secret(daemon.directory, "hook.secret", SECRET)
        lines = [new_line_id() for _ in range(3)]
        current = daemon(hook_config(receiver, str(secret), lines), args=["--foreground"])
        wait_until(lambda: len(receiver.snapshot()) >= 3, 60, what="the first reminders")
        db = daemon.state_dir / "state.db"

        # Another process takes the write lock and keeps it: every write of simwatchd's fails (after its busy timeout).
        holder = sqlite3.connect(str(db), timeout=30, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        locked_at = time.monotonic()
        cpu_before = cpu_seconds(current.pid)
        problem = storage_problem(daemon, 40)
        assert problem["failures"] >= 1 and "lock" in problem["error"].lower(), problem
        # No storm: waiting on a locked database costs sleeps, not a core.
        hold_fault(current, locked_at, cpu_before, 25, "the database locked")
        holder.execute("ROLLBACK")
        holder.close()

        recovered(daemon)
        assert current.stop() == 0, current.stderr_tail()
        arrivals = arrived_once(receiver, "the database was locked")
        with sqlite3.connect(str(db)) as c:
            assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
            sent = {row[0] for row in c.execute("select id from outbox where state = 'sent' and channel = 'hook'")}
        assert sent == set(arrivals), "what the outbox calls sent is exactly what arrived"
        text = current.stderr_text()
        assert "cannot save state" in text and "state saved again" in text, text[-3000:]
        # Logged at the 1st, 10th, 100th failure: a handful of lines, not one per retry.
        assert text.count("cannot save state") <= 6, text.count("cannot save state")
    finally:
        receiver.stop()


def in_namespace(pid: int, script: str, timeout: float = 30) -> subprocess.CompletedProcess:
    """Runs a shell script inside simwatchd's private mount namespace (where its tiny state filesystem is)."""
    return subprocess.run(
        ["nsenter", "-t", str(pid), "-m", "--", "sh", "-c", script], capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root to mount a tmpfs")
def test_full_disk_backs_off_sends_once_and_recovers_when_space_returns(daemon):
    """The state directory on a 2 MB tmpfs in a private mount namespace, filled to the last byte while reminders
    fall due, then freed."""
    receiver = Receiver()
    try:
        secret = write_secret(daemon.directory, "hook.secret", SECRET)
        state = daemon.state_dir
        state.mkdir(parents=True, exist_ok=True)
        inner = daemon.directory / "tiny-state.sh"
        inner.write_text(
            "#!/bin/sh\nset -e\n"
            f"mount -t tmpfs -o size=2m,mode=0700 simwatch-tiny '{state}'\n"
            f"exec '{daemon.binary}' \"$@\"\n"
        )
        inner.chmod(0o755)
        wrapper = daemon.directory / "private-mounts.sh"
        wrapper.write_text(f"#!/bin/sh\nexec unshare --mount --propagation private '{inner}' \"$@\"\n")
        wrapper.chmod(0o755)
        lines = [new_line_id() for _ in range(3)]
        current = daemon(hook_config(receiver, str(secret), lines), args=["--foreground"], binary=wrapper)
        wait_until(lambda: len(receiver.snapshot()) >= 3, 60, what="the first reminders")

        filled = in_namespace(current.pid, f"dd if=/dev/zero of='{state}/fill' bs=4k 2>&1; df -k '{state}'")
        assert "No space left" in filled.stdout, filled.stdout + filled.stderr
        full_at = time.monotonic()
        cpu_before = cpu_seconds(current.pid)
        problem = storage_problem(daemon, 60)
        assert "full" in problem["error"].lower(), problem
        hold_fault(current, full_at, cpu_before, 20, "a full disk")

        freed = in_namespace(current.pid, f"rm -f '{state}/fill'")
        assert freed.returncode == 0, freed.stderr
        recovered(daemon)
        check = in_namespace(
            current.pid,
            f"python3 -c \"import sqlite3; c = sqlite3.connect('{state}/state.db'); "
            "print(c.execute('pragma integrity_check').fetchone()[0]); "
            "print(len(c.execute(\\\"select id from outbox where state = 'sent' and channel = 'hook'\\\").fetchall()))\"",
        )
        assert check.stdout.split()[0] == "ok", check.stdout + check.stderr
        sent = int(check.stdout.split()[1])
        assert current.stop() == 0, current.stderr_tail()

        arrivals = arrived_once(receiver, "the disk was full")
        assert sent == len(arrivals), "what the outbox calls sent is exactly what arrived"
        text = current.stderr_text()
        assert "cannot save state" in text and "state saved again" in text, text[-3000:]
    finally:
        receiver.stop()
