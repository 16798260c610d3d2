"""Hostile sources (the "Unbreakable" suite, item 3): one daemon reads many lines at once from a loopback HTTP
server and from scripts that answer huge, negative, non-finite and non-numeric figures, 10,000-deep arrays, a
50 MB body, a body trickled a byte a second, a 20 s hang, and escape sequences and NUL in strings; beside them a
healthy demo line must keep being read every simulated hour. Then a mock ModemManager (python-dbusmock) holds SMS
from spoofed senders, without a timestamp, dated next year and with an absurd amount: none becomes a reading.

time_scale = 3600: a simulated hour is a real second.
"""

from __future__ import annotations

import datetime
import http.server
import json
import threading
import time
from pathlib import Path

import pytest

from channel_support import ctl
from conftest import new_line_id, wait_until, write_script
from provider_support import ctl_json, daemon_config, line_config

STALE = '[[line.rule]]\nid = "stale"\nkind = "stale"\nafter = "3h"\nrepeat = "once"\n'
HUGE = 50 * 1024 * 1024
ESCAPES = "\u001b[2J\u001b]0;pwned\u0007\u009b31m\u0000\u202e"
RAW_CONTROLS = ("\x1b", "\x00", "\x07", "\x9b", "\u202e")

# name -> (JSON text of the answer, the failure code expected). The figure is always at /v.
FIGURES = {
    "int64max": ('{"v": 9223372036854775807}', "malformed"),
    "huge-float": ('{"v": 1e19}', "malformed"),
    "negative": ('{"v": -5}', "malformed"),
    "inf-text": ('{"v": "inf"}', "malformed"),
    "nan-text": ('{"v": "NaN"}', "malformed"),
    "bare-nan": ('{"v": NaN}', "malformed"),
    "bare-inf": ('{"v": Infinity}', "malformed"),
    "not-a-number": ('{"v": "12abc"}', "malformed"),
    "deep": ('{"v": ' + "[" * 10_000 + "]" * 10_000 + "}", "malformed"),
    "escapes": (json.dumps({"v": ESCAPES + "5 GB"}), "malformed"),
}


class HostileServer:
    """Loopback HTTP: /figure/NAME answers FIGURES[NAME]; /huge a 50 MB body; /trickle a byte a second; /hang
    sleeps 20 s; /escape-error a 400 whose body is escape sequences."""

    def __init__(self):
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                try:
                    server.answer(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @staticmethod
    def answer(h) -> None:
        path = h.path
        if path.startswith("/figure/"):
            body, _ = FIGURES[path.removeprefix("/figure/")]
            HostileServer.send(h, 200, body.encode())
        elif path == "/huge":
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(HUGE + 9))
            h.end_headers()
            h.wfile.write(b'{"v": "')
            chunk = b"9" * 65536
            for _ in range(HUGE // len(chunk)):
                h.wfile.write(chunk)
            h.wfile.write(b'"}')
        elif path == "/huge-chunked":
            # No Content-Length: the limit must hold while the body streams in.
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            chunk = b"9" * 65536
            h.wfile.write(b"%x\r\n%s\r\n" % (7, b'{"v": "'))
            for _ in range(HUGE // len(chunk)):
                h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            h.wfile.write(b'2\r\n"}\r\n0\r\n\r\n')
        elif path == "/trickle":
            body = b'{"v": 5}' + b" " * 100
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            for byte in body:
                h.wfile.write(bytes([byte]))
                h.wfile.flush()
                time.sleep(1)
        elif path == "/hang":
            time.sleep(20)
            HostileServer.send(h, 200, b'{"v": 5}')
        elif path == "/escape-error":
            HostileServer.send(h, 400, ("bad request " + ESCAPES * 3).encode())
        else:
            HostileServer.send(h, 404, b"{}")

    @staticmethod
    def send(h, status: int, body: bytes) -> None:
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def summaries(simwatchctl_bin, factory) -> dict[str, dict]:
    return {line["id"]: line for line in ctl_json(simwatchctl_bin, factory, "lines")["lines"]}


def test_hostile_http_answers_and_scripts_fail_cleanly_while_a_healthy_line_keeps_its_pace(
    daemon, tmp_path, simwatchctl_bin
):
    server = HostileServer()
    try:
        _run_hostile_lines(daemon, tmp_path, simwatchctl_bin, server)
    finally:
        server.stop()


def _run_hostile_lines(daemon, tmp_path, simwatchctl_bin, server):
    expected: dict[str, tuple[str, str]] = {}  # line id -> (variant, expected code or text)
    lines = []

    def json_line(variant: str, path: str, code: str) -> None:
        line = new_line_id()
        expected[line] = (f"http {variant}", code)
        provider = f'type = "json"\nurl = "{server.url}{path}"\nremaining = "/v"\nunit = "MB"\ntimeout = "2s"'
        lines.append(line_config(line, provider, rules=STALE, name=f"json {variant}"))

    def exec_line(variant: str, command: Path, code: str) -> None:
        line = new_line_id()
        expected[line] = (f"exec {variant}", code)
        provider = f'type = "exec"\ncommand = ["{command}"]\ntimeout = "2s"'
        lines.append(line_config(line, provider, rules=STALE, name=f"exec {variant}"))

    for variant, (_, code) in FIGURES.items():
        json_line(variant, f"/figure/{variant}", code)
        payload = tmp_path / f"{variant}.json"
        payload.write_text(FIGURES[variant][0].replace('"v"', '"remaining"'))
        exec_line(variant, write_script(tmp_path, f"{variant}.sh", f'exec cat "{payload}"\n'), code)
    json_line("huge", "/huge", "too large")
    json_line("huge-chunked", "/huge-chunked", "too large")
    json_line("trickle", "/trickle", "timeout")
    json_line("hang", "/hang", "timeout")
    json_line("escape-error", "/escape-error", "unavailable")

    exec_line(
        "huge",
        write_script(tmp_path, "huge.sh", f"printf '{{\"remaining\": \"'\nhead -c {HUGE} /dev/zero | tr '\\0' 9\nprintf '\"}}'\n"),
        "malformed",
    )
    exec_line(
        "trickle",
        write_script(tmp_path, "trickle.sh", "for c in '{' '\"' r e m a i n i n g '\"' : 5 '}'; do printf %s \"$c\"; sleep 1; done\n"),
        "timeout",
    )
    exec_line("hang", write_script(tmp_path, "hang.sh", "sleep 20\necho '{\"remaining\": 5}'\n"), "timeout")
    escaping_error = json.dumps({"error": ESCAPES + " login refused"})
    exec_line(
        "escape-error",
        write_script(tmp_path, "escape-error.sh", f"cat <<'EOF'\n{escaping_error}\nEOF\nprintf '\\033[2J\\033]0;pwned\\007 on stderr\\n' >&2\n"),
        "login refused",
    )
    exec_line(
        "escape-exit",
        write_script(tmp_path, "escape-exit.sh", "printf '\\033[31mboom\\000\\n'\nexit 3\n"),
        "unavailable",
    )

    healthy = new_line_id()
    lines.append(line_config(healthy, 'type = "demo"\ndaily_use = "100MB"', rules="", name="healthy demo"))
    # More slots than lines: the point is that the daemon's own threads are never held, not the slot queue.
    d = daemon(daemon_config(*lines, extra="max_concurrent_polls = 64"), args=["--foreground"])
    d.wait_for_control_socket()
    started = time.monotonic()

    def failed_all():
        assert d.alive(), f"simwatchd died:\n{d.stderr_tail()}"
        got = summaries(simwatchctl_bin, daemon)
        return all(got.get(line, {}).get("last_error") for line in expected) and got

    got = wait_until(failed_all, 40, interval=0.5, what="every hostile line to have failed at least once")
    # Give the slow ones time to fail more than once, then measure the healthy line's pace over 10 s.
    before = d.stderr_text().count(f"{healthy}: ")
    window = time.monotonic()
    time.sleep(10)
    after = d.stderr_text().count(f"{healthy}: ")
    elapsed = time.monotonic() - window
    assert after - before >= int(elapsed * 0.7), (
        f"the healthy line was read {after - before} times in {elapsed:.1f}s while hostile lines hung (every 1s)"
    )
    got = summaries(simwatchctl_bin, daemon)
    assert got[healthy]["reading"]["source"] == "demo" and not got[healthy].get("last_error")

    problems = []
    for line, (variant, code) in expected.items():
        summary = got[line]
        error = summary.get("last_error") or ""
        if summary.get("reading") is not None or summary.get("last_success_at"):
            problems.append(f"{variant}: taken as a reading: {summary.get('reading')}")
        if code not in error:
            problems.append(f"{variant}: last_error {error!r} lacks {code!r}")
        if "stale" not in summary.get("firing", []):
            problems.append(f"{variant}: not marked stale after 10 simulated hours without a reading: {summary}")
    assert not problems, "\n".join(problems)

    # Nothing raw reaches a terminal: not in `lines`, not in `show`, whatever the daemon stored.
    shown = ctl(daemon, "lines")
    assert shown.returncode in (0, 1), shown.stderr
    for char in RAW_CONTROLS:
        assert char not in shown.stdout, f"{char!r} reached `simwatchctl lines` raw"
    for line, (variant, _) in expected.items():
        if "escape" in variant:
            detail = ctl(daemon, "show", line)
            assert detail.returncode in (0, 1), detail.stderr
            for char in RAW_CONTROLS:
                assert char not in detail.stdout + detail.stderr, f"{char!r} reached `show` of {variant} raw"
            # Made visible (or blanked by the daemon), never dropped: the text around the escapes is shown.
            if not variant.endswith("escape-exit"):
                assert "pwned" in detail.stdout, detail.stdout

    # Same process all along, still answering, and it stops cleanly.
    assert d.alive() and len(daemon.started) == 1
    log = d.stderr_text()
    assert "Fatal error" not in log and "Crash" not in log and "Backtrace" not in log
    assert ctl_json(simwatchctl_bin, daemon, "status")
    assert d.stop() == 0
    assert time.monotonic() - started < 75


# ---------------------------------------------------------------------------------------------------------------------
# ModemManager

MM = "org.freedesktop.ModemManager1"
ROOT = "/org/freedesktop/ModemManager1"
MOCK = "org.freedesktop.DBus.Mock"
SIM = "org.freedesktop.ModemManager1.Sim"
MESSAGING = "org.freedesktop.ModemManager1.Modem.Messaging"
SMS = "org.freedesktop.ModemManager1.Sms"
FREE_TEXT = "Free Mobile: Conso data : {used} Go / 150 Go. Hors forfait : 0,00€."


def mm_stamp(moment: datetime.datetime) -> str:
    """ModemManager's format: an offset in hours."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + "+01"


@pytest.fixture
def hostile_modem(private_bus):
    """A private bus, the mock ModemManager and one modem whose SMS are hostile; yields the bus address."""
    dbus = pytest.importorskip("dbus", reason="dbus-python is installed by scripts/bootstrap.sh test")
    private_bus.start_mock("modemmanager", MM, system=True)
    address = private_bus.address
    bus = dbus.bus.BusConnection(address)
    manager = dbus.Interface(bus.get_object(MM, ROOT), MOCK)
    modem_path, sim_path = manager.AddSimpleModem()
    sim = dbus.Interface(bus.get_object(MM, sim_path), MOCK)
    sim.AddProperties(SIM, {"SimIdentifier": "8933150000000000001", "OperatorName": "Free", "OperatorIdentifier": "20815"})
    modem = dbus.Interface(bus.get_object(MM, modem_path), MOCK)
    modem.AddProperties(MESSAGING, {"Messages": dbus.Array([], signature="o"), "SupportedStorages": dbus.Array([], signature="u")})
    modem.AddMethod(MESSAGING, "List", "", "ao",
                    "ret = sorted(dbus.ObjectPath(p) for p in objects if p.startswith('/org/freedesktop/ModemManager1/SMS/'))")
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=1)))
    hour_ago = mm_stamp(now - datetime.timedelta(hours=1))
    received = dbus.UInt32(3)
    messages = [
        # Spoofed senders for the free-fr preset (555): a longer number, a name, a foreign prefix, a leading 0.
        {"Number": "5550", "Text": FREE_TEXT.format(used="1,00"), "Timestamp": hour_ago, "State": received},
        {"Number": "Free", "Text": FREE_TEXT.format(used="1,00"), "Timestamp": hour_ago, "State": received},
        {"Number": "+33555", "Text": FREE_TEXT.format(used="1,00"), "Timestamp": hour_ago, "State": received},
        {"Number": "0555", "Text": FREE_TEXT.format(used="1,00"), "Timestamp": hour_ago, "State": received},
        # From 36100: no timestamp at all.
        {"Number": "36100", "Text": FREE_TEXT.format(used="2,00"), "State": received},
        # From 36101: a genuine one an hour old, and a newer-looking one dated next year.
        {"Number": "36101", "Text": FREE_TEXT.format(used="3,00"), "Timestamp": hour_ago, "State": received},
        {"Number": "36101", "Text": FREE_TEXT.format(used="140,00"),
         "Timestamp": mm_stamp(now + datetime.timedelta(days=365)), "State": received},
        # From 36102: an absurd amount.
        {"Number": "36102", "Text": FREE_TEXT.format(used="99999999999"), "Timestamp": hour_ago, "State": received},
        # From 36103: escape sequences and NUL around the figures.
        {"Number": "36103", "Text": "\u001b[2J Conso \u009b31m data : \u001b]0;x\u0007 Go " + ESCAPES.replace("\u0000", ""),
         "Timestamp": hour_ago, "State": received},
    ]
    for n, props in enumerate(messages, start=1):
        manager.AddObject(f"{ROOT}/SMS/{n}", SMS, props, [])
    yield address


def test_hostile_sms_never_become_readings(daemon, hostile_modem, simwatchctl_bin):
    spoofed, undated, future, absurd, escaping = (new_line_id() for _ in range(5))
    plan = 'quota = "150GB"\nvalid_for = "30d"'

    def sms_line(line: str, sender: str | None) -> str:
        provider = 'type = "modemmanager"\npreset = "free-fr"\ntimeout = "2s"'
        if sender:
            provider += f'\nsms_from = "{sender}"'
        return line_config(line, provider, plan=plan, rules=STALE)

    lines = [
        sms_line(spoofed, None),
        sms_line(undated, "36100"),
        sms_line(future, "36101"),
        sms_line(absurd, "36102"),
        sms_line(escaping, "36103"),
    ]
    d = daemon(daemon_config(*lines), env={"DBUS_SYSTEM_BUS_ADDRESS": hostile_modem}, args=["--foreground"])
    d.wait_for_control_socket()

    def polled_all():
        assert d.alive(), f"simwatchd died:\n{d.stderr_tail()}"
        got = summaries(simwatchctl_bin, daemon)
        return all(got.get(line, {}).get("last_poll_at") for line in (spoofed, undated, future, absurd, escaping)) and got

    wait_until(polled_all, 30, interval=0.5, what="every SMS line polled")
    time.sleep(2)
    got = summaries(simwatchctl_bin, daemon)

    assert got[spoofed].get("reading") is None, f"a spoofed sender was believed: {got[spoofed]}"
    assert "no SMS from 555" in (got[spoofed].get("last_error") or ""), got[spoofed]
    assert got[absurd].get("reading") is None, f"99999999999 Go was believed: {got[absurd]}"
    assert "malformed" in (got[absurd].get("last_error") or ""), got[absurd]
    assert got[escaping].get("reading") is None, got[escaping]
    assert "malformed" in (got[escaping].get("last_error") or ""), got[escaping]

    # An SMS without a time cannot be shown to be recent (sms_max_age): it is not a reading.
    assert got[undated].get("reading") is None, f"an undated SMS was believed: {got[undated]}"
    assert got[undated].get("last_error"), got[undated]
    # An SMS dated next year is not "the newest" (it would hide every genuine SMS for a year): the genuine one,
    # an hour old, is the reading.
    reading = got[future].get("reading")
    assert reading is not None, got[future]
    assert reading["used_bytes"] == 3_000_000_000, f"the future-dated SMS was taken: {reading}"

    shown = ctl(daemon, "lines")
    for char in RAW_CONTROLS:
        assert char not in shown.stdout, f"{char!r} reached `simwatchctl lines` raw"
    assert d.alive() and len(daemon.started) == 1
    assert d.stop() == 0
