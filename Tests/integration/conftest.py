"""Fixtures for simwatchd's end-to-end tests: a real journald, a real notify socket, the real daemon.

Python 3.11 standard library and pytest only. See README.md in this folder.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import textwrap
import time
import uuid
from pathlib import Path
from typing import Callable, Iterable

import pytest

REPO = Path(__file__).resolve().parents[2]
JOURNAL_SOCKET = "/run/systemd/journal/socket"
JOURNALD = "/lib/systemd/systemd-journald"
# Display name of the test lines: UTF-8 on purpose, and never containing the line id, so that a test looking for
# the id finds the id and not the name.
DEFAULT_LINE_NAME = "Carte prépayée 法国 ✈"

# Environment variables the daemon must not inherit from whoever runs the tests.
SCRUBBED_ENV = (
    "NOTIFY_SOCKET",
    "WATCHDOG_USEC",
    "WATCHDOG_PID",
    "LISTEN_FDS",
    "LISTEN_PID",
    "LISTEN_FDNAMES",
    "INVOCATION_ID",
    "JOURNAL_STREAM",
)


# ---------------------------------------------------------------------------------------------------------------------
# helpers


def new_line_id() -> str:
    """A line id that no other test (or earlier run) uses, so journal reads never mix tests."""
    return f"it-{uuid.uuid4().hex[:8]}"


def wait_until(predicate: Callable[[], object], timeout: float, interval: float = 0.1, what: str = "condition"):
    """Polls predicate until it returns something truthy; returns that value or fails after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:.1f}s waiting for {what}")
        time.sleep(interval)


def line_number(text: str, needle: str) -> int:
    """1-based number of the only line of text that contains needle."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) == 1, f"test bug: {needle!r} is on lines {hits}"
    return hits[0]


def demo_config(
    line_id: str,
    *,
    rule_id: str = "low",
    name: str = DEFAULT_LINE_NAME,
    threshold: str = "2GB",
    repeat: str = "once",
    severity: str = "warning",
    time_scale: int = 3600,
    poll_interval: str = "1h",
    extra_rule_keys: str = "",
) -> str:
    """One demo line (1 GB quota, 10 days, 500 MB a day) with one data_below rule of its own.

    With the default threshold of 2 GB the rule fires at the first poll.
    """
    return textwrap.dedent(
        f"""\
        [daemon]
        time_scale = {time_scale}
        poll_interval = "{poll_interval}"

        [[line]]
        id = "{line_id}"
        name = "{name}"
        channels = ["journal"]

        [line.plan]
        quota = "1GB"
        valid_for = "10d"

        [line.provider]
        type = "demo"
        daily_use = "500MB"

        [[line.rule]]
        id = "{rule_id}"
        kind = "data_below"
        threshold = "{threshold}"
        severity = "{severity}"
        repeat = "{repeat}"
        """
    ) + extra_rule_keys


# ---------------------------------------------------------------------------------------------------------------------
# the binary


@pytest.fixture(scope="session")
def simwatchd_bin() -> Path:
    """The simwatchd under test: $SIMWATCHD, else .build/debug/simwatchd. Missing is a failure, not a skip."""
    path = Path(os.environ.get("SIMWATCHD") or REPO / ".build" / "debug" / "simwatchd")
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(
            f"simwatchd binary not found or not executable at {path}; "
            "build it (`swift build` or `make test-integration`) or point SIMWATCHD at it",
            pytrace=False,
        )
    return path


# ---------------------------------------------------------------------------------------------------------------------
# journald


def journal_socket_accepts() -> bool:
    """True when something is bound to journald's native socket (a stale socket file refuses the connect)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        sock.connect(JOURNAL_SOCKET)
        return True
    except OSError:
        return False
    finally:
        sock.close()


def _field_value(value):
    # journalctl -o json: binary fields are arrays of byte values, repeated fields are arrays of values.
    if isinstance(value, list):
        if all(isinstance(v, int) for v in value):
            return bytes(value).decode("utf-8", "replace")
        return [_field_value(v) for v in value]
    return value


class Journal:
    """Reads what journald stored, with journalctl, as a list of dicts (one per entry, oldest first)."""

    def __init__(self, started_pid: int | None, log_path: Path | None):
        self.started_pid = started_pid
        self.log_path = log_path
        self._sync_works = True

    def sync(self) -> None:
        """Makes journald write out everything it has received (skipped for good if it does not answer)."""
        if not self._sync_works:
            return
        try:
            done = subprocess.run(["journalctl", "--sync"], capture_output=True, timeout=10)
            self._sync_works = done.returncode == 0
        except subprocess.TimeoutExpired:
            self._sync_works = False

    def send(self, **fields: str) -> None:
        """Writes one entry through the native protocol (used to prove the pipeline works)."""
        payload = "".join(f"{k}={v}\n" for k, v in fields.items()).encode()
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            sock.sendto(payload, JOURNAL_SOCKET)
        finally:
            sock.close()

    def read(self, *args: str, sync: bool = True, **matches: object) -> list[dict]:
        """Entries matching every FIELD=value in matches (plus raw journalctl match args)."""
        if sync:
            self.sync()
        cmd = ["journalctl", "-o", "json", "--no-pager", "--all", "-q"]
        cmd += list(args) + [f"{k}={v}" for k, v in matches.items()]
        done = subprocess.run(cmd, capture_output=True, timeout=30)
        if done.returncode != 0 and done.stdout.strip() == b"":
            # journalctl exits 1 on "no entries" in some versions; anything else is worth seeing
            err = done.stderr.decode(errors="replace").strip()
            if err and "No entries" not in err:
                raise AssertionError(f"{' '.join(cmd)} failed ({done.returncode}): {err}")
            return []
        entries = []
        for raw in done.stdout.splitlines():
            if raw.strip():
                entries.append({k: _field_value(v) for k, v in json.loads(raw).items()})
        return entries

    def wait_for(
        self, predicate: Callable[[list[dict]], object], timeout: float = 10, interval: float = 0.2, **matches: object
    ) -> list[dict]:
        """Re-reads the journal (with matches) until predicate(entries) is truthy; returns those entries."""
        deadline = time.monotonic() + timeout
        while True:
            entries = self.read(**matches)
            if predicate(entries):
                return entries
            if time.monotonic() >= deadline:
                shown = "\n".join(summarize(e) for e in entries[-20:]) or "(none)"
                raise AssertionError(
                    f"timed out after {timeout:.1f}s waiting on the journal for {matches}; last entries:\n{shown}"
                )
            time.sleep(interval)

    def reminders(self, line_id: str, **matches: object) -> list[dict]:
        """simwatch reminders (entries with SIMWATCH_KIND) for one line, oldest first."""
        return [e for e in self.read(SIMWATCH_LINE=line_id, **matches) if "SIMWATCH_KIND" in e]

    def wait_for_reminders(
        self, line_id: str, predicate: Callable[[list[dict]], object], timeout: float = 10, **matches: object
    ) -> list[dict]:
        return self.wait_for(
            lambda entries: predicate([e for e in entries if "SIMWATCH_KIND" in e]),
            timeout,
            SIMWATCH_LINE=line_id,
            **matches,
        )


def summarize(entry: dict) -> str:
    keys = ("SIMWATCH_EVENT", "SIMWATCH_RULE", "SIMWATCH_OCCURRENCE", "SIMWATCH_NOTIFICATION_ID", "MESSAGE")
    return " ".join(f"{k.removeprefix('SIMWATCH_')}={entry.get(k)!s}" for k in keys if k in entry)


@pytest.fixture(scope="session")
def journal(tmp_path_factory) -> Iterable[Journal]:
    """A journald to log to: the host's if its socket answers, else one started here and stopped afterwards."""
    if journal_socket_accepts():
        yield Journal(started_pid=None, log_path=None)
        return
    if not os.access(JOURNALD, os.X_OK) or shutil.which("journalctl") is None:
        pytest.fail(f"no journald on {JOURNAL_SOCKET} and {JOURNALD}/journalctl missing: run scripts/bootstrap.sh test")
    log_path = tmp_path_factory.mktemp("journald") / "journald.log"
    env = dict(os.environ, SYSTEMD_LOG_TARGET="console", SYSTEMD_LOG_LEVEL="info")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [JOURNALD],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    journal = Journal(started_pid=proc.pid, log_path=log_path)
    try:
        try:
            wait_until(
                lambda: proc.poll() is not None or journal_socket_accepts(), 15, what=f"{JOURNAL_SOCKET} to answer"
            )
        except AssertionError:
            pass
        if proc.poll() is not None or not journal_socket_accepts():
            pytest.fail(f"{JOURNALD} did not come up (exit {proc.poll()}): {log_path.read_text(errors='replace')}")
        probe = uuid.uuid4().hex
        journal.send(MESSAGE="simwatch integration tests: journal probe", SIMWATCH_PROBE=probe)
        journal.wait_for(lambda e: len(e) == 1, timeout=15, SIMWATCH_PROBE=probe)
        yield journal
    finally:
        stop_pid(proc)
        # journald leaves its sockets behind; a stale socket file looks like a running journal to clients
        # (sd_journal_sendv then fails with ECONNREFUSED), so leave /run as we found it.
        for name in ("socket", "stdout", "dev-log", "io.systemd.journal"):
            path = Path(JOURNAL_SOCKET).parent / name
            if path.is_socket():
                path.unlink(missing_ok=True)


def stop_pid(proc: subprocess.Popen, timeout: float = 10) -> int:
    """SIGTERM, then SIGKILL, to exactly this process; returns its exit status."""
    if proc.poll() is None:
        try:
            os.kill(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            return proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
    return proc.wait()


# ---------------------------------------------------------------------------------------------------------------------
# sd_notify


class Datagram(str):
    """One notify datagram as received; .fields maps KEY to VALUE, .t is time.monotonic() at receipt."""

    fields: dict[str, str]
    t: float

    @classmethod
    def parse(cls, data: bytes, t: float) -> "Datagram":
        d = cls(data.decode("utf-8", "replace"))
        d.fields = {}
        for item in d.split("\n"):
            if "=" in item:
                key, value = item.split("=", 1)
                d.fields[key] = value
        d.t = t
        return d


class NotifySocket:
    """A bound AF_UNIX datagram socket standing in for systemd's NOTIFY_SOCKET."""

    def __init__(self, path: Path):
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.messages: list[Datagram] = []

    def _receive(self, until: float) -> bool:
        remaining = until - time.monotonic()
        if remaining <= 0:
            return False
        self.sock.settimeout(remaining)
        try:
            data = self.sock.recv(65536)
        except socket.timeout:
            return False
        self.messages.append(Datagram.parse(data, time.monotonic()))
        return True

    def recv_until(self, predicate: Callable[[list[Datagram]], object], timeout: float) -> list[Datagram]:
        """Collects datagrams until predicate(all messages so far) is truthy; fails after timeout seconds."""
        deadline = time.monotonic() + timeout
        while not predicate(self.messages):
            if not self._receive(deadline) and time.monotonic() >= deadline:
                raise AssertionError(
                    f"timed out after {timeout:.1f}s on the notify socket; received: {[str(m) for m in self.messages]}"
                )
        return self.messages

    def collect(self, seconds: float) -> list[Datagram]:
        """Collects everything that arrives during the next `seconds`; returns only those datagrams."""
        start = len(self.messages)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._receive(deadline)
        return self.messages[start:]

    def index_of(self, key: str, value: str | None = None, start: int = 0) -> int | None:
        """Index of the first message at or after start whose fields have key (with value, if given)."""
        for i in range(start, len(self.messages)):
            fields = self.messages[i].fields
            if key in fields and (value is None or fields[key] == value):
                return i
        return None

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def notify_socket() -> Iterable[NotifySocket]:
    # A short directory of our own: tmp_path can exceed sun_path's 108 bytes for long test names.
    directory = Path(tempfile.mkdtemp(prefix="swn-"))
    ns = NotifySocket(directory / "notify.sock")
    try:
        yield ns
    finally:
        ns.close()
        shutil.rmtree(directory, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------------------
# the daemon


class Daemon:
    """One running simwatchd. Signals go to its PID only."""

    def __init__(self, proc: subprocess.Popen, config_path: Path, state_dir: Path, stdout: Path, stderr: Path):
        self.proc = proc
        self.pid = proc.pid
        self.config_path = config_path
        self.state_dir = state_dir
        self.stdout_path = stdout
        self.stderr_path = stderr

    def alive(self) -> bool:
        return self.proc.poll() is None

    def signal(self, signum: int) -> None:
        assert self.alive(), f"simwatchd exited early with {self.proc.returncode}; stderr:\n{self.stderr_tail()}"
        os.kill(self.pid, signum)

    def sighup(self) -> None:
        self.signal(signal.SIGHUP)

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM and wait; returns the exit code (negative for death by signal). Fails if it does not exit."""
        if self.alive():
            os.kill(self.pid, signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"simwatchd did not exit within {timeout}s of SIGTERM; stderr:\n{self.stderr_tail()}")

    def kill(self) -> None:
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
        self.proc.wait()

    def stderr_text(self) -> str:
        return self.stderr_path.read_text(errors="replace") if self.stderr_path.exists() else ""

    def stdout_text(self) -> str:
        return self.stdout_path.read_text(errors="replace") if self.stdout_path.exists() else ""

    def stderr_tail(self, lines: int = 40) -> str:
        return "\n".join(self.stderr_text().splitlines()[-lines:])


class DaemonFactory:
    def __init__(self, binary: Path, directory: Path):
        self.binary = binary
        self.directory = directory
        self.config_path = directory / "config.toml"
        self.state_dir = directory / "state"
        self.started: list[Daemon] = []

    def write_config(self, text: str) -> Path:
        self.config_path.write_text(text)
        return self.config_path

    def __call__(
        self,
        config: str | None = None,
        *,
        env: dict[str, str] | None = None,
        args: Iterable[str] = (),
        binary: Path | None = None,
    ) -> Daemon:
        """Starts simwatchd on config.toml (written from config unless None) with state in ./state.

        binary replaces the executable (a wrapper that execs simwatchd, say); it gets the same arguments.
        """
        if config is not None:
            self.write_config(config)
        n = len(self.started) + 1
        stdout = self.directory / f"simwatchd-{n}.stdout"
        stderr = self.directory / f"simwatchd-{n}.stderr"
        child_env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        home = self.directory / "home"
        runtime = self.directory / "run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        child_env.update(
            HOME=str(home),
            XDG_RUNTIME_DIR=str(runtime),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_STATE_HOME=str(home / ".local" / "state"),
            SWIFT_BACKTRACE="enable=yes,interactive=no",
        )
        child_env.update(env or {})
        cmd = [str(binary or self.binary), "--config", str(self.config_path), "--state-dir", str(self.state_dir), *args]
        with open(stdout, "wb") as out, open(stderr, "wb") as err:
            proc = subprocess.Popen(
                cmd,
                env=child_env,
                cwd=self.directory,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
            )
        daemon = Daemon(proc, self.config_path, self.state_dir, stdout, stderr)
        self.started.append(daemon)
        return daemon


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def daemon(simwatchd_bin, journal, tmp_path, request) -> Iterable[DaemonFactory]:
    """Factory: daemon(config_text, env={...}, args=[...]) starts simwatchd; all are killed at teardown."""
    factory = DaemonFactory(simwatchd_bin, tmp_path)
    yield factory
    for d in factory.started:
        d.kill()
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        for n, d in enumerate(factory.started, start=1):
            print(f"--- simwatchd #{n} (pid {d.pid}, exit {d.proc.returncode}) stderr:\n{d.stderr_tail(60)}")
