"""The control socket: Varlink on a Unix socket, checked with PyPI's `varlink` client and with simwatchctl.

See docs/control-protocol.md. Each test runs its own daemon with its own XDG_RUNTIME_DIR (conftest), so the
socket is <tmp>/run/simwatch/control.sock.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import time
from pathlib import Path

import pytest
import varlink

from conftest import (
    config_toml,
    demo_config,
    line_tables,
    new_line_id,
    read_lines,
    run_simwatchctl,
    short_tempdir,
    stop_pid,
    wait_for_file,
    wait_until,
)

INTERFACE = "io.simwatch.Control"


def ctl(binary: Path, sock: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = run_simwatchctl(binary, sock, *args)
    if check:
        assert done.returncode in (0, 1), f"simwatchctl {' '.join(args)} -> {done.returncode}\n{done.stderr}"
    return done


def raw_exchange(sock: Path, payload: bytes, timeout: float = 5) -> bytes:
    """Sends raw bytes and returns everything received until the server closes or `timeout` passes."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(str(sock))
    try:
        s.sendall(payload)
        chunks = []
        while True:
            try:
                data = s.recv(65536)
            except socket.timeout:
                break
            if not data:
                break
            chunks.append(data)
            if data.endswith(b"\0") and payload.count(b"\0") == b"".join(chunks).count(b"\0"):
                break
        return b"".join(chunks)
    finally:
        s.close()


def test_varlink_client_agrees_with_simwatchctl(daemon, simwatchctl_bin):
    line = new_line_id()
    d = daemon(demo_config(line, threshold="2GB"))
    sock = d.wait_for_control_socket()

    info = subprocess.run(
        ["python3", "-m", "varlink.cli", "info", f"unix:{sock}"], capture_output=True, text=True, timeout=30
    )
    assert info.returncode == 0, info.stderr
    assert INTERFACE in info.stdout and "simwatch" in info.stdout

    with varlink.Client(address=f"unix:{sock}") as client:
        assert INTERFACE in client.get_interfaces()
        with client.open(INTERFACE) as con:
            wait_until(lambda: con.ListLines()["lines"][0].get("reading"), 15, what="a first reading")
            status = con.GetStatus()
            lines = con.ListLines()["lines"]
    assert status["lines"] == 1
    assert status["version"]
    assert lines[0]["id"] == line

    ours = json.loads(ctl(simwatchctl_bin, sock, "status", "--json").stdout)
    for key in ("version", "config_path", "state_dir", "time_zone", "lines", "started_at"):
        assert ours[key] == status[key], key
    ours_lines = json.loads(ctl(simwatchctl_bin, sock, "lines", "--json").stdout)
    assert [l["id"] for l in ours_lines["lines"]] == [line]


def test_lines_come_in_pages_that_together_hold_every_line(daemon, simwatchctl_bin):
    ids = [f"{new_line_id()}-{n:02d}" for n in range(25)]
    d = daemon(config_toml(*(line_tables(i) for i in ids), daemon={"time_scale": 3600, "poll_interval": "1h"}))
    sock = d.wait_for_control_socket()
    with varlink.Client(address=f"unix:{sock}") as client, client.open(INTERFACE) as con:
        # Pages of 7 in configuration order; next_after says where the next one starts, and is absent on the last.
        seen, after, pages = [], None, 0
        while True:
            reply = con.ListLines(7, after) if after else con.ListLines(7)
            pages += 1
            assert len(reply["lines"]) <= 7
            seen += [line["id"] for line in reply["lines"]]
            after = reply.get("next_after")
            if after is None:
                break
            assert after == reply["lines"][-1]["id"]
        assert seen == ids and pages == 4
        # Without a limit: the default (1000) holds all 25.
        whole = con.ListLines()
        assert [line["id"] for line in whole["lines"]] == ids and whole.get("next_after") is None
        # After the last line: an empty page, nothing more.
        tail = con.ListLines(5, ids[-1])
        assert tail["lines"] == [] and tail.get("next_after") is None

        # Limits outside 1...10000 and an `after` naming no line are refused, saying which parameter.
        for limit in (0, -1, 10_001):
            with pytest.raises(varlink.VarlinkError) as err:
                con.ListLines(limit)
            assert err.value.error() == f"{INTERFACE}.InvalidArgument"
            assert err.value.parameters()["parameter"] == "limit"
        with pytest.raises(varlink.VarlinkError) as err:
            con.ListLines(5, "no-such-line")
        assert err.value.error() == f"{INTERFACE}.InvalidArgument"
        assert err.value.parameters()["parameter"] == "after"
        assert "no-such-line" in err.value.parameters()["reason"]

    # simwatchctl: one page with --limit/--after (and where the next starts), every page in turn without them.
    page = ctl(simwatchctl_bin, sock, "lines", "--limit", "10", "--after", ids[4]).stdout.splitlines()
    assert page[0].startswith("LINE")
    assert [row.split()[0] for row in page[1:-1]] == ids[5:15]
    assert page[-1].endswith(f"--after {ids[14]}")
    for args in ((), ("--all", "--limit", "6")):
        everything = ctl(simwatchctl_bin, sock, "lines", *args).stdout.splitlines()
        assert everything[0].startswith("LINE"), args
        assert [row.split()[0] for row in everything[1:]] == ids, args
    pages_json = ctl(simwatchctl_bin, sock, "lines", "--json", "--all", "--limit", "10").stdout.splitlines()
    assert [len(json.loads(p)["lines"]) for p in pages_json] == [10, 10, 5]
    paged_json = ctl(simwatchctl_bin, sock, "lines", "--json", "--limit", "25").stdout.splitlines()
    assert len(paged_json) == 1 and "next_after" not in json.loads(paged_json[0])
    refused = ctl(simwatchctl_bin, sock, "lines", "--limit", "0", check=False)
    assert refused.returncode == 2 and "limit" in refused.stderr


def test_errors_are_qualified_varlink_errors(daemon):
    d = daemon(demo_config(new_line_id()))
    sock = d.wait_for_control_socket()
    with varlink.Client(address=f"unix:{sock}") as client, client.open(INTERFACE) as con:
        with pytest.raises(varlink.VarlinkError) as err:
            con.GetLine("no-such-line")
        assert err.value.error() == f"{INTERFACE}.NoSuchLine"
        assert err.value.parameters()["line"] == "no-such-line"
    reply = raw_exchange(sock, b'{"method":"io.simwatch.Control.Nope","parameters":{}}\0')
    assert json.loads(reply.rstrip(b"\0"))["error"] == "org.varlink.service.MethodNotFound"
    reply = raw_exchange(sock, b'{"method":"com.example.Other.Thing"}\0')
    assert json.loads(reply.rstrip(b"\0"))["error"] == "org.varlink.service.InterfaceNotFound"
    reply = raw_exchange(sock, b"this is not json\0")
    assert b"org.varlink.service" in reply or reply == b""
    assert d.alive()


def test_socket_is_private_and_other_uids_are_refused(daemon):
    # A socket outside pytest's private tmp tree, so that nobody can reach it once the modes are loosened.
    top = short_tempdir("simwatch-uid-", "/tmp")
    try:
        sock = top / "sub" / "control.sock"
        d = daemon(demo_config(new_line_id()), args=["--socket", str(sock)])
        wait_for_file(sock, 15, what="the control socket")
        assert stat.S_IMODE(sock.stat().st_mode) == 0o600
        assert stat.S_IMODE(sock.parent.stat().st_mode) == 0o700
        # Loosen the modes as a careless admin might: the peer uid check must still refuse nobody.
        top.chmod(0o755)
        sock.parent.chmod(0o755)
        sock.chmod(0o666)
        refused_for_nobody(sock)
        # Our own uid is still served.
        reply = raw_exchange(sock, b'{"method":"io.simwatch.Control.GetStatus","parameters":{}}\0')
        assert b'"version"' in reply
        assert d.alive()
    finally:
        shutil.rmtree(top, ignore_errors=True)


def refused_for_nobody(sock: Path) -> None:
    probe = (
        "import socket,sys\n"
        "s=socket.socket(socket.AF_UNIX,socket.SOCK_STREAM); s.settimeout(5); s.connect(sys.argv[1])\n"
        "try:\n"
        "    s.sendall(b'{\"method\":\"io.simwatch.Control.GetStatus\",\"parameters\":{}}\\0')\n"
        "except (BrokenPipeError, ConnectionResetError):\n"
        "    pass  # refused and closed before we finished writing\n"
        "data=b''\n"
        "try:\n"
        "    while True:\n"
        "        c=s.recv(65536)\n"
        "        if not c: break\n"
        "        data+=c\n"
        "except Exception: pass\n"
        "print(repr(data))\n"
    )
    other = subprocess.run(
        # Debian's python: a pyenv one under /root is out of nobody's reach.
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "/usr/bin/python3", "-c", probe, str(sock)],
        capture_output=True, text=True, timeout=30,
    )
    assert other.returncode == 0, other.stderr
    # nobody could connect (the modes allowed it) but got no answer, at most PermissionDenied.
    assert other.stdout.startswith("b'"), other.stdout
    assert "version" not in other.stdout and "lines" not in other.stdout, other.stdout


def test_oversized_and_silent_clients_are_cut_off_while_others_are_served(daemon):
    d = daemon(demo_config(new_line_id()))
    sock = d.wait_for_control_socket()

    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.connect(str(sock))
    big = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    big.connect(str(sock))
    big.settimeout(10)
    try:
        try:
            big.sendall(b'{"method":"io.simwatch.Control.GetStatus","parameters":{"x":"' + b"a" * 300_000)
        except (BrokenPipeError, ConnectionResetError):
            pass
        # Meanwhile a normal client is answered at once.
        t = time.monotonic()
        reply = raw_exchange(sock, b'{"method":"io.simwatch.Control.GetStatus","parameters":{}}\0')
        assert b'"version"' in reply and time.monotonic() - t < 3
        # The oversized one is closed (after at most an error reply): reading reaches end of file.
        received = b""
        try:
            while True:
                chunk = big.recv(65536)
                if not chunk:
                    break
                received += chunk
        except ConnectionResetError:
            pass
        except socket.timeout:
            pytest.fail("the oversized client was not disconnected")
        assert b'"version"' not in received
        # The silent one is closed after the call deadline (10 s).
        silent.settimeout(20)
        t = time.monotonic()
        try:
            data = silent.recv(1)
        except ConnectionResetError:
            data = b""
        assert data == b"" and time.monotonic() - t < 15
    finally:
        silent.close()
        big.close()
    assert d.alive()


def test_many_clients_at_once(daemon):
    d = daemon(demo_config(new_line_id()))
    sock = d.wait_for_control_socket()
    clients = []
    for _ in range(40):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(10)
        s.connect(str(sock))
        s.sendall(b'{"method":"io.simwatch.Control.ListLines","parameters":{}}\0')
        clients.append(s)
    for s in clients:
        data = b""
        while not data.endswith(b"\0"):
            chunk = s.recv(65536)
            assert chunk, "server closed early"
            data += chunk
        assert b'"lines"' in data
        s.close()
    assert d.alive()


def test_second_daemon_does_not_steal_a_live_socket_and_stale_one_is_replaced(daemon, simwatchd_bin):
    d = daemon(demo_config(new_line_id()))
    sock = d.wait_for_control_socket()
    second = daemon(args=["--state-dir", str(daemon.directory / "state2"), "--foreground"])
    wait_until(lambda: not second.alive(), 15, what="the second daemon to give up")
    assert second.proc.returncode == 69
    assert f"another simwatchd is already serving {sock}" in second.stderr_text()
    reply = raw_exchange(sock, b'{"method":"io.simwatch.Control.GetStatus","parameters":{}}\0')
    assert b'"version"' in reply

    d.kill()  # leaves the socket file behind, like a crash
    assert sock.exists()
    third = daemon()
    third.wait_for_control_socket()
    assert third.alive()


def test_socket_activation(daemon, simwatchd_bin, simwatchctl_bin, tmp_path):
    activate = shutil.which("systemd-socket-activate")
    if activate is None:
        pytest.fail("systemd-socket-activate missing (Debian package systemd)")
    line = new_line_id()
    daemon.write_config(demo_config(line))
    sock = tmp_path / "activated.sock"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LISTEN_", "NOTIFY_"))}
    env.update(XDG_RUNTIME_DIR=str(tmp_path / "run"), HOME=str(tmp_path / "home"))
    (tmp_path / "run").mkdir(mode=0o700, exist_ok=True)
    proc = subprocess.Popen(
        [activate, "-l", str(sock), str(simwatchd_bin), "--config", str(daemon.config_path),
         "--state-dir", str(tmp_path / "state")],
        env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "activated.stderr", "wb"), start_new_session=True,
    )
    try:
        wait_for_file(sock, 10, what="systemd-socket-activate to listen")
        done = ctl(simwatchctl_bin, sock, "status", "--json")
        status = json.loads(done.stdout)
        assert status["lines"] == 1
        # The daemon serves the passed socket and did not create its own default one.
        assert not (tmp_path / "run" / "simwatch" / "control.sock").exists()
    finally:
        stop_pid(proc)


def test_renew_resolves_firing_alert_and_journal_says_renewed(daemon, journal, simwatchctl_bin):
    line = new_line_id()
    d = daemon(demo_config(line, threshold="2GB", repeat="every 6h"))
    sock = d.wait_for_control_socket()
    wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="low_data"), 20, what="the low-data reminder")

    status = ctl(simwatchctl_bin, sock, "status", "--json", check=False)
    assert status.returncode == 1, "status must exit 1 while an alert fires"
    assert [a["rule"] for a in json.loads(status.stdout)["firing"]] == ["low"]

    done = ctl(simwatchctl_bin, sock, "renew", line, "--data", "20GB", "--valid", "30d", "--json")
    plan = json.loads(done.stdout)["plan"]
    assert plan["quota_bytes"] == 20_000_000_000 and plan["origin"] == "renewal"

    renewed = wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="renewed"), 20, what="the renewed notice")
    assert len(renewed) == 1
    assert renewed[0]["MESSAGE_ID"] == "2f4795cea56c43348311b02e184463ef"
    assert "20 GB" in renewed[0]["MESSAGE"]
    after = ctl(simwatchctl_bin, sock, "status", "--json", check=False)
    assert after.returncode == 0 and json.loads(after.stdout)["firing"] == []


def test_events_follow_streams_readings(daemon, simwatchctl_bin):
    line = new_line_id()
    d = daemon(demo_config(line))
    sock = d.wait_for_control_socket()
    proc = subprocess.Popen(
        [str(simwatchctl_bin), "events", "--socket", str(sock), "--follow", "--json", "--line", line],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        events = [json.loads(out) for out in read_lines(proc.stdout, 3, 20) if out]
        assert len(events) >= 3, proc.stderr.read() if proc.poll() is not None else events
        assert all(e["event"]["line"] == line for e in events)
        assert any(e["event"]["kind"] == "reading" for e in events)
    finally:
        stop_pid(proc)
    assert d.alive()


def test_ctl_says_how_to_start_a_missing_daemon(simwatchctl_bin, tmp_path):
    done = ctl(simwatchctl_bin, tmp_path / "nothing.sock", "status", check=False)
    assert done.returncode == 3
    assert "systemctl --user start simwatch" in done.stderr
