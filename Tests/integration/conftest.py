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
import threading
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


def wait_until(
    predicate: Callable[[], object],
    timeout: float,
    interval: float = 0.1,
    what: str = "condition",
    detail: "Callable[[], str] | None" = None,
):
    """Polls predicate until it returns something truthy; returns that value or fails after timeout seconds.

    The one bounded wait of the suite: every poll-until-true loop goes through here, so every wait has a deadline
    and a failure names what it waited for (and, with detail, shows what detail() returns: a log, say).
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            message = f"timed out after {timeout:.1f}s waiting for {what}"
            raise AssertionError(message + (f"\n{detail()}" if detail is not None else ""))
        time.sleep(interval)


def socket_accepts(address: "Path | str | tuple[str, int]", kind: int = socket.SOCK_STREAM) -> bool:
    """True when something accepts a connection at address: a Unix socket path, or a (host, port) TCP pair.

    A socket file alone proves nothing (a killed process leaves a dead one behind), so this connects.
    """
    if isinstance(address, tuple):
        try:
            socket.create_connection(address, timeout=2).close()
            return True
        except OSError:
            return False
    s = socket.socket(socket.AF_UNIX, kind)
    try:
        s.connect(str(address))
        return True
    except OSError:
        return False
    finally:
        s.close()


def wait_for_socket(
    address: "Path | str | tuple[str, int]",
    timeout: float,
    *,
    what: str | None = None,
    alive: "Callable[[], object] | None" = None,
    kind: int = socket.SOCK_STREAM,
) -> "Path | str | tuple[str, int]":
    """Waits (bounded) until a Unix socket or TCP port accepts connections; returns address.

    alive, if given, is called at each poll and should fail the test when the process that is to listen died.
    """

    def ready() -> bool:
        if alive is not None:
            alive()
        return socket_accepts(address, kind)

    wait_until(ready, timeout, what=what or f"{address} to accept connections")
    return address


def read_lines(stream, count: int, timeout: float) -> list[str]:
    """Up to count lines from a text stream (a child's stdout), read for at most timeout seconds.

    A thread does the reading, so a writer that goes quiet cannot hang the test; the caller asserts on what came.
    """
    lines: list[str] = []

    def reader() -> None:
        for line in stream:
            lines.append(line)
            if len(lines) >= count:
                return

    threading.Thread(target=reader, daemon=True).start()
    deadline = time.monotonic() + timeout
    while len(lines) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return lines[:count]


def simwatchctl_env() -> dict[str, str]:
    """The test's environment without SIMWATCH_SOCKET, so simwatchctl talks to the socket a test names."""
    return {k: v for k, v in os.environ.items() if k != "SIMWATCH_SOCKET"}


def run_simwatchctl(binary: Path, sock: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """simwatchctl COMMAND [SUBCOMMAND] --socket SOCK ARGS..., output captured as text; bounded by timeout."""
    head = 2 if args[:2] == ("renewals", "edit") else 1
    return subprocess.run(
        [str(binary), *args[:head], "--socket", str(sock), *args[head:]],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=simwatchctl_env(),
    )


def wait_for_file(path: Path, timeout: float, *, what: str | None = None) -> Path:
    """Waits (bounded) until path exists; returns it."""
    wait_until(path.exists, timeout, what=what or f"{path} to exist")
    return path


def pid_alive(pid: int) -> bool:
    """True while a process with this PID runs; a zombie counts as dead (it has exited, nobody reaped it yet)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def short_tempdir(prefix: str, parent: str | None = None) -> Path:
    """A new directory with a short path (Unix socket paths are limited to 108 bytes; tmp_path can exceed that),
    outside pytest's private tmp tree (in parent, else the system's temporary directory). The caller removes it."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def write_secret(directory: Path, name: str, value: str, mode: int = 0o600) -> Path:
    """A secret file (value and a newline) with the given mode."""
    path = directory / name
    path.write_text(value + "\n")
    path.chmod(mode)
    return path


def write_script(directory: Path, name: str, body: str) -> Path:
    """An executable /bin/sh script (a provider command, a sendmail stand-in...)."""
    path = directory / name
    path.write_text("#!/bin/sh\n" + textwrap.dedent(body))
    path.chmod(0o755)
    return path


def line_number(text: str, needle: str) -> int:
    """1-based number of the only line of text that contains needle."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) == 1, f"test bug: {needle!r} is on lines {hits}"
    return hits[0]


# ---------------------------------------------------------------------------------------------------------------------
# configurations: the one builder of TOML text


class TomlRaw(str):
    """TOML written by hand, used as is: a value (say a basic string with TOML escapes in it that a test wants the
    daemon to decode) or a fragment of keys and tables."""


def toml_value(value: object) -> str:
    """A Python value as a TOML value: str (escaped; TomlRaw as is), bool, int, float, list, dict (inline table)."""
    if isinstance(value, TomlRaw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        # JSON's escapes (\", \\, \n, \uXXXX...) are TOML basic-string escapes; non-ASCII text stays as it is.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"test bug: no TOML for {value!r}")


def toml_table(header: str, keys: "dict[str, object] | str", *, array: bool = False) -> str:
    """[header] (or [[header]]) and its keys, one `key = value` a line; keys given as text are used as is (dedented).

    A key whose value is None is left out, so a caller can drop a default.
    """
    out = f"[[{header}]]\n" if array else f"[{header}]\n"
    if isinstance(keys, str):
        body = textwrap.dedent(keys).strip()
        return out + (body + "\n" if body else "")
    return out + "".join(f"{k} = {toml_value(v)}\n" for k, v in keys.items() if v is not None)


# The [daemon] keys most tests want: an hour of plan time per real second, hourly polls.
DAEMON_DEFAULTS: dict[str, object] = {"time_scale": 3600, "poll_interval": "1h"}

# The demo line of most tests: 1 GB for 10 days, 500 MB used a day.
DEMO_PLAN: dict[str, object] = {"quota": "1GB", "valid_for": "10d"}
DEMO_PROVIDER: dict[str, object] = {"type": "demo", "daily_use": "500MB"}


def daemon_section(**keys: object) -> str:
    """The [daemon] table: DAEMON_DEFAULTS with keys over them (None drops a default)."""
    return toml_table("daemon", {**DAEMON_DEFAULTS, **keys})


def line_tables(
    line_id: str,
    *,
    name: object = DEFAULT_LINE_NAME,
    channels: "list[str] | None" = ("journal",),
    plan: "dict[str, object] | str" = DEMO_PLAN,
    provider: "dict[str, object] | str" = DEMO_PROVIDER,
    rules: "list[dict[str, object]] | str" = (),
    **keys: object,
) -> str:
    """One [[line]] with its [line.plan], [line.provider] and [[line.rule]] tables (rules given as text: as is).

    keys are more keys of the [[line]] table (poll_interval, say); None leaves one out.
    """
    head = {"id": line_id, "name": name, "channels": list(channels) if channels is not None else None, **keys}
    out = toml_table("line", head, array=True)
    out += "\n" + toml_table("line.plan", plan) + "\n" + toml_table("line.provider", provider)
    if isinstance(rules, str):
        return out + "\n" + textwrap.dedent(rules)
    for rule in rules:
        out += "\n" + toml_table("line.rule", rule, array=True)
    return out


def config_toml(*parts: str, daemon: "dict[str, object] | None" = None) -> str:
    """A whole configuration: the [daemon] table (DAEMON_DEFAULTS with daemon over them) then parts (channels,
    lines: text from toml_table/line_tables or by hand), a blank line apart."""
    return "\n".join([daemon_section(**(daemon or {})), *parts])


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

    With the default threshold of 2 GB the rule fires at the first poll. name is the content of a TOML basic
    string, used as is (so a test can write TOML escapes in it).
    """
    rule = {"id": rule_id, "kind": "data_below", "threshold": threshold, "severity": severity, "repeat": repeat}
    line = line_tables(line_id, name=TomlRaw(f'"{name}"'), rules=[rule])
    return config_toml(line, daemon={"time_scale": time_scale, "poll_interval": poll_interval}) + extra_rule_keys


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


@pytest.fixture(scope="session")
def simwatchctl_bin(simwatchd_bin) -> Path:
    """The simwatchctl under test: $SIMWATCHCTL, else the one beside simwatchd. Missing is a failure, not a skip."""
    path = simwatchctl_path(simwatchd_bin)
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(f"simwatchctl not found or not executable at {path}; build it or set SIMWATCHCTL", pytrace=False)
    return path


def simwatchctl_path(simwatchd: Path) -> Path:
    """$SIMWATCHCTL, else the simwatchctl beside the given simwatchd."""
    return Path(os.environ.get("SIMWATCHCTL") or simwatchd.parent / "simwatchctl")


# ---------------------------------------------------------------------------------------------------------------------
# journald


def journal_socket_accepts() -> bool:
    """True when something is bound to journald's native socket (a stale socket file refuses the connect)."""
    return socket_accepts(JOURNAL_SOCKET, socket.SOCK_DGRAM)


def _field_value(value):
    # journalctl -o json: binary fields are arrays of byte values, repeated fields are arrays of values.
    if isinstance(value, list):
        if all(isinstance(v, int) for v in value):
            return bytes(value).decode("utf-8", "replace")
        return [_field_value(v) for v in value]
    return value


def journal_entries(output: "str | bytes") -> list[dict]:
    """journalctl -o json output as a list of dicts (one per entry, in output order), binary fields decoded."""
    return [{k: _field_value(v) for k, v in json.loads(raw).items()} for raw in output.splitlines() if raw.strip()]


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
        return journal_entries(done.stdout)

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
    directory = short_tempdir("swn-")
    ns = NotifySocket(directory / "notify.sock")
    try:
        yield ns
    finally:
        ns.close()
        shutil.rmtree(directory, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------------------
# D-Bus: a private bus and python-dbusmock on it


def dbusmock_python() -> str:
    """A python that imports dbusmock: the one running the tests, else Debian's (python3-dbusmock)."""
    import sys

    for candidate in (sys.executable, "/usr/bin/python3"):
        if subprocess.run([candidate, "-c", "import dbusmock"], capture_output=True).returncode == 0:
            return candidate
    raise AssertionError("python-dbusmock missing: run scripts/bootstrap.sh test")


class PrivateBus:
    """A dbus-daemon of our own (session configuration) on a socket in a short private directory; python-dbusmock
    templates started on it. The daemon under test reaches it through DBUS_SESSION_BUS_ADDRESS or
    DBUS_SYSTEM_BUS_ADDRESS (see env). Everything started here is stopped by PID in stop()."""

    def __init__(self, directory: Path):
        if shutil.which("dbus-daemon") is None:
            pytest.fail("dbus-daemon is missing: run scripts/bootstrap.sh test")
        self.directory = directory
        self.mocks: list[subprocess.Popen] = []
        self.bus = subprocess.Popen(
            [
                "dbus-daemon", "--config-file=/usr/share/dbus-1/session.conf", "--print-address=1", "--nofork",
                "--nopidfile", f"--address=unix:path={directory}/bus",
            ],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            text=True,
        )
        self.address = self.bus.stdout.readline().strip()
        if not self.address.startswith("unix:"):
            self.stop()
            raise AssertionError(f"dbus-daemon printed {self.address!r} as its address")

    def env(self, system: bool = False) -> dict[str, str]:
        """The environment of a client that takes this bus as its session (or system) bus."""
        key = "DBUS_SYSTEM_BUS_ADDRESS" if system else "DBUS_SESSION_BUS_ADDRESS"
        return dict(os.environ, **{key: self.address})

    def has_owner(self, name: str) -> bool:
        done = subprocess.run(
            [
                "dbus-send", f"--bus={self.address}", "--print-reply", "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", f"string:{name}",
            ],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return "boolean true" in done.stdout

    def start_mock(
        self,
        template: str,
        name: str,
        *,
        system: bool = False,
        log: Path | None = None,
        parameters: dict | None = None,
    ) -> None:
        """python-dbusmock's template on this bus (as the system or session bus); returns once it owns name.

        parameters go to the template (`-p JSON`), e.g. {"capabilities": "body actions"}.
        """
        cmd = [dbusmock_python(), "-m", "dbusmock", "--system" if system else "--session", "--template", template]
        if log is not None:
            cmd += ["-l", str(log)]
        if parameters is not None:
            cmd += ["-p", json.dumps(parameters)]
        mock = subprocess.Popen(
            cmd,
            env=self.env(system),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.mocks.append(mock)

        def owned() -> bool:
            assert mock.poll() is None, f"dbusmock --template {template} exited with {mock.returncode}"
            return self.has_owner(name)

        wait_until(owned, 15, what=f"{name} (dbusmock {template}) on the private bus")

    def stop(self) -> None:
        for proc in (*reversed(self.mocks), self.bus):
            stop_pid(proc)


@pytest.fixture
def private_bus() -> Iterable[PrivateBus]:
    """A private D-Bus daemon for python-dbusmock; stopped (by PID) and removed after the test."""
    directory = short_tempdir("swbus-")
    bus = PrivateBus(directory)
    try:
        yield bus
    finally:
        bus.stop()
        shutil.rmtree(directory, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------------------
# the daemon


class Daemon:
    """One running simwatchd. Signals go to its PID only."""

    def __init__(
        self,
        proc: subprocess.Popen,
        config_path: Path,
        state_dir: Path,
        stdout: Path,
        stderr: Path,
        control_socket: Path,
    ):
        self.control_socket = control_socket
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

    def assert_alive(self) -> None:
        assert self.alive(), f"simwatchd exited ({self.proc.returncode}):\n{self.stderr_tail()}"

    def wait_for_control_socket(self, timeout: float = 20) -> Path:
        """Waits (bounded) until the control socket accepts connections; fails at once if the daemon exits."""
        what = f"control socket {self.control_socket}"
        wait_for_socket(self.control_socket, timeout, what=what, alive=self.assert_alive)
        return self.control_socket

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
        # Each daemon gets XDG_RUNTIME_DIR=<directory>/run, so this is where it binds its control socket.
        self.control_socket = directory / "run" / "simwatch" / "control.sock"
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
        daemon = Daemon(proc, self.config_path, self.state_dir, stdout, stderr, self.control_socket)
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
