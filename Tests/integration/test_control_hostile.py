"""Hostile control clients against the real daemon (docs/control-protocol.md, "Limits").

Each attack is followed by a check that simwatchd still answers `simwatchctl status` promptly and that its memory
did not balloon. Then: a client of another uid is refused, a Reload racing SIGTERM never delays the exit, and a
SIGHUP while the daemon starts does not kill it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import stat
import threading
import time
from pathlib import Path

from channel_support import ctl
from conftest import demo_config, new_line_id, short_tempdir, wait_for_file, wait_until

STATUS = b'{"method":"io.simwatch.Control.GetStatus","parameters":{}}\0'
INFO = b'{"method":"org.varlink.service.GetInfo"}\0'
# The daemon's memory may grow a little while it serves (allocator arenas, caches), never by this much.
RSS_GROWTH_LIMIT_KIB = 64 * 1024


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS for pid {pid}")


def assert_healthy(factory, d, baseline_kib: int, after: str) -> None:
    """simwatchctl status answers within 5 s and the daemon's RSS stayed near its baseline."""
    assert d.alive(), f"simwatchd died after {after}:\n{d.stderr_tail()}"
    started = time.monotonic()
    done = ctl(factory, "status", timeout=30)
    elapsed = time.monotonic() - started
    assert done.returncode in (0, 1), f"status after {after} -> {done.returncode}: {done.stderr}"
    assert elapsed < 5, f"status took {elapsed:.1f}s after {after}"
    rss = rss_kib(d.pid)
    assert rss < baseline_kib + RSS_GROWTH_LIMIT_KIB, f"RSS {rss} KiB after {after}, {baseline_kib} KiB before"


def connect(sock: Path, timeout: float = 5) -> socket.socket:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(str(sock))
    return s


def read_until_closed(s: socket.socket, timeout: float = 5) -> tuple[bytes, bool]:
    """Everything received until the server closes (True) or `timeout` passes (False)."""
    s.settimeout(timeout)
    deadline = time.monotonic() + timeout
    data = b""
    while time.monotonic() < deadline:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            return data, False
        except ConnectionResetError:
            return data, True
        if not chunk:
            return data, True
        data += chunk
    return data, False


def replies(data: bytes) -> list[dict]:
    return [json.loads(part) for part in data.split(b"\0") if part]


def refused(sock: Path, payload: bytes) -> dict:
    """Sends payload; the server must answer with one error and close. Returns that error reply."""
    s = connect(sock)
    try:
        try:
            s.sendall(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # closed before we finished writing; the error reply is still there to read
        data, closed = read_until_closed(s)
    finally:
        s.close()
    assert closed, f"connection left open after {payload[:60]!r}..."
    got = replies(data)
    assert len(got) == 1 and "error" in got[0], got
    return got[0]


def start(factory) -> tuple[object, Path, int]:
    d = factory(demo_config(new_line_id()))
    sock = factory.control_socket
    assert ctl(factory, "status").returncode in (0, 1)
    return d, sock, rss_kib(d.pid)


def call_with_message_of(size: int) -> bytes:
    """A GetStatus call of exactly `size` bytes before its NUL (padded in an ignored parameter)."""
    head = b'{"method":"io.simwatch.Control.GetStatus","parameters":{"padding":"'
    tail = b'"}}'
    return head + b"p" * (size - len(head) - len(tail)) + tail + b"\0"


def test_malformed_messages_are_refused_and_the_daemon_carries_on(daemon):
    d, sock, baseline = start(daemon)
    attacks = {
        "garbage": b"\x89PNG\r\n\x1a\n" + bytes(random.Random(1).randrange(1, 256) for _ in range(4000)) + b"\0",
        "not JSON": b"this is not json\0",
        "a bare NUL": b"\0",
        "JSON that is not a call": b"[1,2,3]\0",
        "64 KiB + 1": call_with_message_of(65_537),
        "deep nesting": b'{"method":"io.simwatch.Control.GetStatus","parameters":{"x":'
        + b"[" * 30_000
        + b"]" * 30_000
        + b"}}\0",
        "invalid UTF-8": b'{"method":"io.simwatch.Control.GetStatus","parameters":{"x":"\xff\xfe\xc0\xaf"}}\0',
        "NUL inside a call": b'{"method":"io.simwatch.Con\0trol.GetStatus","parameters":{}}\0',
    }
    for what, payload in attacks.items():
        error = refused(sock, payload)
        assert error["error"] == "org.varlink.service.InvalidParameter", (what, error)
        assert_healthy(daemon, d, baseline, what)
    # Exactly at the limit is still a call.
    s = connect(sock)
    try:
        s.sendall(call_with_message_of(65_536))
        s.shutdown(socket.SHUT_WR)
        data, closed = read_until_closed(s)
    finally:
        s.close()
    assert closed and "version" in replies(data)[0]["parameters"]


def test_half_close(daemon):
    d, sock, baseline = start(daemon)
    # A complete call, then no more sending: the reply still comes, then the daemon closes.
    s = connect(sock)
    try:
        s.sendall(STATUS)
        s.shutdown(socket.SHUT_WR)
        data, closed = read_until_closed(s)
    finally:
        s.close()
    assert closed and "version" in replies(data)[0]["parameters"]
    # Half a call, then no more sending: nothing can complete it, so the daemon closes without waiting.
    s = connect(sock)
    try:
        s.sendall(STATUS[:20])
        s.shutdown(socket.SHUT_WR)
        started = time.monotonic()
        data, closed = read_until_closed(s)
    finally:
        s.close()
    assert closed and data == b"" and time.monotonic() - started < 2
    assert_healthy(daemon, d, baseline, "half-close")


def test_ten_thousand_pipelined_calls(daemon):
    d, sock, baseline = start(daemon)
    count = 10_000
    s = connect(sock, timeout=30)
    writer_failed: list[BaseException] = []

    def write() -> None:
        try:
            s.sendall(INFO * count)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            writer_failed.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    buffer = b""
    answered = 0
    try:
        while answered < count:
            chunk = s.recv(1 << 16)
            assert chunk, f"closed after {answered} replies"
            buffer += chunk
            *complete, buffer = buffer.split(b"\0")
            for raw in complete:
                assert json.loads(raw)["parameters"]["product"] == "simwatchd"
                answered += 1
    finally:
        writer.join(30)
        s.close()
    assert not writer_failed, writer_failed
    assert answered == count
    assert_healthy(daemon, d, baseline, "10,000 pipelined calls")


def test_clients_that_never_read_are_dropped(daemon):
    d, sock, baseline = start(daemon)
    hogs = [connect(sock) for _ in range(3)]
    try:
        for hog in hogs:
            hog.setblocking(False)
            payload = STATUS * 10_000
            sent = 0
            deadline = time.monotonic() + 2
            while sent < len(payload) and time.monotonic() < deadline:
                try:
                    sent += hog.send(payload[sent:])
                except BlockingIOError:
                    time.sleep(0.01)
            assert sent < len(payload), "the daemon read everything ahead instead of stopping"
        # Others are served meanwhile.
        assert_healthy(daemon, d, baseline, "clients that never read (while they hold on)")
        # The write timeout (10 s) drops each of them: reading now reaches end of file.
        for hog in hogs:
            hog.setblocking(True)
            _, closed = read_until_closed(hog, timeout=30)
            assert closed, "a client that never read was not dropped"
    finally:
        for hog in hogs:
            hog.close()
    assert_healthy(daemon, d, baseline, "clients that never read")


def test_slow_readers_and_idle_clients_do_not_hold_every_slot(daemon):
    d, sock, baseline = start(daemon)
    # More idle connections than the daemon serves at once (64): the oldest make room.
    idle = [connect(sock) for _ in range(70)]
    try:
        assert_healthy(daemon, d, baseline, "70 idle connections")
    finally:
        for s in idle:
            s.close()
    # Subscribers that never read their events: the longest streaming makes room.
    subscribers = []
    try:
        for _ in range(70):
            s = connect(sock)
            s.sendall(b'{"method":"io.simwatch.Control.Events","parameters":{},"more":true}\0')
            subscribers.append(s)
        assert_healthy(daemon, d, baseline, "70 subscribers that never read")
    finally:
        for s in subscribers:
            s.close()
    assert_healthy(daemon, d, baseline, "slow readers")


def test_another_uid_is_refused(daemon):
    # The socket where uid 65534 can reach it (modes loosened on purpose), so only the peer uid check refuses.
    top = short_tempdir("simwatch-hostile-", "/tmp")
    try:
        sock = top / "run" / "control.sock"
        d = daemon(demo_config(new_line_id()), args=["--socket", str(sock)])
        wait_for_file(sock, 15, what="the control socket")
        top.chmod(0o755)
        sock.parent.chmod(0o755)
        sock.chmod(0o666)
        baseline = rss_kib(d.pid)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: become nobody, connect, report what the daemon said
            code = 1
            try:
                os.close(read_end)
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.settimeout(5)
                s.connect(str(sock))
                data = b""
                try:
                    while chunk := s.recv(65536):
                        data += chunk
                except OSError:
                    pass
                os.write(write_end, data)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as reader:
            data = reader.read()
        assert os.waitstatus_to_exitcode(status) == 0
        assert replies(data) == [{"error": "org.varlink.service.PermissionDenied", "parameters": {}}]
        # Our own uid is still served.
        s = connect(sock)
        try:
            s.sendall(STATUS)
            s.shutdown(socket.SHUT_WR)
            answer, _ = read_until_closed(s)
        finally:
            s.close()
        assert "version" in replies(answer)[0]["parameters"]
        assert d.alive() and rss_kib(d.pid) < baseline + RSS_GROWTH_LIMIT_KIB
        assert stat.S_ISSOCK(sock.stat().st_mode)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_reload_racing_sigterm_never_delays_the_exit(daemon):
    line = new_line_id()
    rng = random.Random(5)
    for attempt in range(30):
        d = daemon(demo_config(line))
        sock = daemon.control_socket
        wait_until(lambda: d.alive() and sock.exists(), 20, what="the control socket")
        wait_until(lambda: ctl(daemon, "status").returncode in (0, 1), 20, what="a first status")
        reloaders = [connect(sock) for _ in range(4)]
        # Odd attempts signal first, so the Reload reaches the daemon after SIGTERM; even ones a little after it.
        if attempt % 2:
            started = time.monotonic()
            os.kill(d.pid, signal.SIGTERM)
        for s in reloaders:
            try:
                s.sendall(b'{"method":"io.simwatch.Control.Reload","parameters":{}}\0')
            except (BrokenPipeError, ConnectionResetError):
                pass  # already closed by the stopping daemon
        if attempt % 2 == 0:
            time.sleep(rng.uniform(0, 0.01))
            started = time.monotonic()
            os.kill(d.pid, signal.SIGTERM)
        try:
            code = d.proc.wait(5)
        except Exception as error:
            d.kill()
            raise AssertionError(f"attempt {attempt}: no exit within 5 s of SIGTERM:\n{d.stderr_tail()}") from error
        assert code == 0, f"attempt {attempt}: exit {code}\n{d.stderr_tail()}"
        assert time.monotonic() - started < 5
        # Each Reload got an answer (done, or ShuttingDown) or the connection was closed, never left hanging.
        for s in reloaders:
            data, closed = read_until_closed(s, timeout=1)
            s.close()
            assert closed, f"attempt {attempt}: a Reload connection was left open"
            for reply in replies(data):
                assert reply.get("error") in (None, "io.simwatch.Control.ShuttingDown"), reply


def test_sighup_while_starting_does_not_kill_the_daemon(daemon):
    ignored_before_serving = 0
    for _ in range(5):
        d = daemon(demo_config(new_line_id()))
        sock = daemon.control_socket
        # SIGHUP as soon as the daemon ignores it, again and again until it serves. The daemon ignores it first
        # thing, before loading the configuration and binding the socket (not only once its loop runs).
        wait_until(lambda: sighup_ignored(d.pid), 20, interval=0.0005, what="SIGHUP ignored")
        ignored_before_serving += not sock.exists()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not sock.exists():
            assert d.alive(), f"simwatchd died of a SIGHUP while starting:\n{d.stderr_tail()}"
            os.kill(d.pid, signal.SIGHUP)
            time.sleep(0.002)
        assert ctl(daemon, "status").returncode in (0, 1)
        assert d.alive()
        assert d.stop(timeout=5) == 0
    # Polling may miss the short window now and then, not every time.
    assert ignored_before_serving > 0, "SIGHUP was only ignored once the control socket existed"


def sighup_ignored(pid: int) -> bool:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigIgn:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGHUP - 1)))
    return False


def test_text_from_outside_reaches_the_terminal_escaped(daemon):
    # A line name with a screen-clearing escape, a bell and a bidi override, as a hostile config or provider might.
    line = new_line_id()
    name = "Carte \\u001b[2J\\u0007évil\\u202e 🇫🇷"
    daemon(demo_config(line, name=name))
    for command in (["lines"], ["show", line], ["status"]):
        done = ctl(daemon, *command, "--no-color")
        assert done.returncode in (0, 1), done.stderr
        out = done.stdout
        if command[0] != "status":
            assert "Carte \\e[2J\\x07évil\\u{202e} 🇫🇷" in out, out
        bad = [c for c in out if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or c == "\u202e"]
        assert not bad, f"simwatchctl {' '.join(command)} printed {bad!r}"
    raw = ctl(daemon, "lines", "--json")
    assert "\x1b" not in raw.stdout and "\u202e" not in raw.stdout
    assert json.loads(raw.stdout)["lines"][0]["name"] == "Carte \x1b[2J\x07évil\u202e 🇫🇷"
