"""Secrets never leak (the "Unbreakable" suite, item 8): known tokens in secret files, a systemd credential, a
script's stdin, an msmtprc password and a provider URL's user:pass@ and ?key=, while the APIs answer 400, 401,
403, 418 and 500 with bodies that echo the request (its Authorization header, form, path and query), a webhook
and an ntfy endpoint fail the same way, and a script prints its stdin to stderr and fails. Then every place the
daemon writes or answers is searched: the journal, its stdout and stderr, state.db (every table, and the raw
bytes of the file and its WAL), every control reply (status, lines, show, outbox, events) and every delivered
webhook (body and headers but the HMAC signature). No token, nor its base64 form, appears anywhere.

time_scale = 3600: a simulated hour is a real second.
"""

from __future__ import annotations

import base64
import http.server
import json
import sqlite3
import subprocess
import textwrap
import threading
import time
import uuid

import pytest

from channel_support import (
    Receiver,
    SmtpSink,
    ctl,
    outbox,
    sendmail_path,
)
from conftest import free_port, new_line_id, simwatchctl_env, simwatchctl_path, wait_until, write_script, write_secret
from provider_support import line_config

RUN = uuid.uuid4().hex[:6]


def token(role: str) -> str:
    return f"TOKEN-SIMWATCH-7f3a9c-{RUN}-{role}"


AIRALO = token("AIRALO")
ONCE = token("1NCE")
JSON_CREDENTIAL = token("JSONCRED")
HEADER = token("HEADER")
URL_PASSWORD = token("URLPASS")
URL_KEY = token("URLKEY")
EXEC = token("EXEC")
EXEC_FILE = token("EXECFILE")
NTFY = token("NTFY")
SMTP = token("SMTP")
HOOK_KEY = (f"TOKEN-SIMWATCH-{RUN}-HOOK" + "#" * 32)[:32].encode()
HOOK = "whsec_" + base64.b64encode(HOOK_KEY).decode()

ICCID = "8944465400000000017"
ONCE_ICCID = "8988280666000000123"


def b64(text: str | bytes) -> str:
    raw = text.encode() if isinstance(text, str) else text
    return base64.b64encode(raw).decode().rstrip("=")


# What must appear nowhere: each token, its base64 form, the Basic credentials that carry it, the webhook key.
NEEDLES = {
    t: t
    for t in (AIRALO, ONCE, JSON_CREDENTIAL, HEADER, URL_PASSWORD, URL_KEY, EXEC, EXEC_FILE, NTFY, SMTP, HOOK)
}
NEEDLES.update({f"base64 of {t}": b64(t) for t in (AIRALO, ONCE, JSON_CREDENTIAL, HEADER, URL_PASSWORD, NTFY, SMTP)})
NEEDLES.update(
    {
        "1NCE Basic credentials": b64(f"api-user:{ONCE}"),
        "URL Basic credentials": b64(f"apiuser:{URL_PASSWORD}"),
        "webhook key": HOOK_KEY.decode(),
        "webhook key in base64": b64(HOOK_KEY),
        "any token's common prefix": f"7f3a9c-{RUN}",
    }
)


class EchoServer:
    """Loopback HTTP that answers each path from a list of (status, body) in turn (the last repeats); a body of
    None echoes the request: method, path with its query, every header and the body."""

    def __init__(self):
        self.scripts: dict[str, list[tuple[int, object]]] = {}
        self.requests: list[dict] = []
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                route = self.path.split("?", 1)[0]
                with server.lock:
                    n = sum(1 for r in server.requests if r["route"] == route)
                    server.requests.append(
                        {"route": route, "path": self.path, "headers": dict(self.headers.items()), "body": body}
                    )
                    script = server.scripts.get(route) or [(404, None)]
                status, payload = script[min(n, len(script) - 1)]
                if payload is None:
                    echoed = "".join(f"{k}: {v}\n" for k, v in self.headers.items())
                    payload = f"you sent {self.command} {self.path}\n{echoed}\n{body.decode(errors='replace')}"
                if not isinstance(payload, (str, bytes)):
                    payload = json.dumps(payload)
                if isinstance(payload, str):
                    payload = payload.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json" if status == 200 else "text/plain")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass

            do_GET = answer
            do_POST = answer

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def route(self, path: str, *responses: tuple[int, object]) -> None:
        self.scripts[path] = list(responses)

    def calls(self, route: str) -> list[dict]:
        with self.lock:
            return [r for r in self.requests if r["route"] == route]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


ECHO = None  # body None: echo the request


def leaks(where: str, text: str | bytes) -> list[str]:
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    return [f"{name} in {where}" for name, needle in NEEDLES.items() if needle in text]


@pytest.fixture
def servers():
    echo = EchoServer()
    hook = Receiver()
    sink = SmtpSink(free_port())
    sink.start()
    yield echo, hook, sink
    sink.stop()
    hook.stop()
    echo.stop()


def test_no_secret_reaches_any_output(daemon, journal, servers, tmp_path):
    echo, hook, sink = servers
    since = int(time.time()) - 1
    secrets = tmp_path / "secrets"
    secrets.mkdir(mode=0o700)
    creds = tmp_path / "creds"
    creds.mkdir(mode=0o700)
    write_secret(creds, "json-token", JSON_CREDENTIAL, mode=0o400)

    # The mail channel's password is msmtp's, in its own file; the sink offers no AUTH, so msmtp fails.
    home = daemon.directory / "home"
    home.mkdir(parents=True, exist_ok=True)
    rc = home / ".msmtprc"
    rc.write_text(
        f"defaults\nauth plain\ntls off\ntimeout 5\naccount default\nhost 127.0.0.1\nport {sink.port}\n"
        f"from simwatch@example.com\nuser simwatch\npassword {SMTP}\n"
    )
    rc.chmod(0o600)

    token_answer = {"data": {"token_type": "Bearer", "expires_in": 31622400, "access_token": "tok-1"}}
    usage = {"data": {"remaining": 300, "total": 2048, "expired_at": "2030-01-01 00:00:00", "is_unlimited": False,
                      "status": "ACTIVE"}}
    echo.route("/airalo/v2/token", (400, ECHO), (200, token_answer))
    echo.route(f"/airalo/v2/sims/{ICCID}/usage", (401, ECHO), (500, ECHO), (403, ECHO), (422, ECHO), (200, usage))
    once_token = {"status_code": 200, "access_token": "eyJ-a", "token_type": "bearer", "expires_in": 3600}
    echo.route("/1nce/oauth/token", (400, ECHO), (401, ECHO), (200, once_token))
    echo.route(f"/1nce/v1/sims/{ONCE_ICCID}/quota/data", (418, ECHO), (500, ECHO),
               (200, {"volume": 100.5, "total_volume": 500, "expiry_date": "2029-01-01T00:00:00.000Z"}))
    echo.route("/jsoncred", (400, ECHO), (500, ECHO), (200, {"left": 5}))
    echo.route("/header", (400, ECHO), (200, {"left": "12abc"}))
    echo.route("/userinfo", (400, ECHO), (404, ECHO), (200, {"left": 5}))
    echo.route("/ntfy", (400, ECHO), (500, ECHO), (401, ECHO))
    echo.route("/hook", (400, ECHO), (500, ECHO), (401, ECHO))

    airalo, once, cred, header, userinfo, leaky_script, file_script, demo = (new_line_id() for _ in range(8))
    exec_secret = write_secret(secrets, "exec.secret", EXEC)
    exec_file_secret = write_secret(secrets, "exec-file.secret", EXEC_FILE)
    leaky = write_script(
        tmp_path,
        "leaky.sh",
        """\
        read -r secret
        echo "login with password $secret refused" >&2
        echo "{\\"error\\": \\"login refused\\"}"
        exit 1
        """,
    )
    by_file = write_script(
        tmp_path,
        "by-file.sh",
        """\
        echo "my secret file says: $(cat "$SIMWATCH_SECRET_FILE")" >&2
        exit 2
        """,
    )
    stale = '[[line.rule]]\nid = "stale"\nkind = "stale"\nafter = "2h"\nrepeat = "once"\n'
    lines = [
        line_config(airalo, f"""
            type = "airalo"
            iccid = "{ICCID}"
            client_id = "partner-42"
            secret_file = "{write_secret(secrets, 'airalo.secret', AIRALO)}"
            base_url = "{echo.url}/airalo"
            """, rules=stale),
        line_config(once, f"""
            type = "1nce"
            iccid = "{ONCE_ICCID}"
            username = "api-user"
            secret_file = "{write_secret(secrets, '1nce.secret', ONCE)}"
            base_url = "{echo.url}/1nce"
            """, rules=stale),
        line_config(cred, f"""
            type = "json"
            url = "{echo.url}/jsoncred"
            auth = "bearer"
            credential = "json-token"
            remaining = "/left"
            unit = "GB"
            """, rules=stale),
        line_config(header, f"""
            type = "json"
            url = "{echo.url}/header"
            auth = "header"
            auth_header = "X-Api-Key"
            secret_file = "{write_secret(secrets, 'header.secret', HEADER)}"
            remaining = "/left"
            """, rules=stale),
        line_config(userinfo, f"""
            type = "json"
            url = "http://apiuser:{URL_PASSWORD}@127.0.0.1:{echo.port}/userinfo?key={URL_KEY}&line={{line}}"
            remaining = "/left"
            unit = "GB"
            """, rules=stale),
        line_config(leaky_script, f'type = "exec"\ncommand = ["{leaky}"]\nsecret_file = "{exec_secret}"', rules=stale),
        line_config(file_script, f'type = "exec"\ncommand = ["{by_file}"]\nsecret_file = "{exec_file_secret}"\n'
                                 'secret_via = "file"', rules=stale),
        textwrap.dedent(f"""\
            [[line]]
            id = "{demo}"
            name = "Demo line"
            channels = ["hookok", "hookbad", "phone", "mail"]

            [line.plan]
            quota = "1GB"
            valid_for = "10d"

            [line.provider]
            type = "demo"
            daily_use = "500MB"

            [[line.rule]]
            id = "low"
            kind = "data_below"
            threshold = "2GB"
            repeat = "once"
            """),
    ]
    hook_secret = write_secret(secrets, "hook.secret", HOOK)
    config = textwrap.dedent(f"""\
        [daemon]
        time_zone = "Europe/Paris"
        time_scale = 3600
        poll_timeout = "3s"
        poll_interval = "1h"

        [channels.hookok]
        type = "webhook"
        url = "{hook.url()}"
        secret_file = "{hook_secret}"
        timeout = "2s"
        give_up_after = "60d"

        [channels.hookbad]
        type = "webhook"
        url = "{echo.url}/hook"
        secret_file = "{hook_secret}"
        timeout = "2s"
        give_up_after = "60d"

        [channels.phone]
        type = "ntfy"
        url = "{echo.url}/ntfy"
        token_file = "{write_secret(secrets, 'ntfy.token', NTFY)}"
        give_up_after = "60d"

        [channels.mail]
        type = "email"
        to = "me@example.com"
        from = "simwatch@example.com"
        sendmail = "{sendmail_path()}"
        timeout = "10s"
        give_up_after = "60d"

        """) + "\n".join(lines)
    d = daemon(config, env={"CREDENTIALS_DIRECTORY": str(creds)}, args=["--foreground"])
    d.wait_for_control_socket()

    events_out = tmp_path / "events.jsonl"
    with open(events_out, "wb") as out:
        events = subprocess.Popen(
            [str(simwatchctl_path(daemon.binary)), "events", "--socket", str(daemon.control_socket), "--follow",
             "--json"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=simwatchctl_env(),
        )
    try:

        def every_scenario_ran():
            assert d.alive(), f"simwatchd exited:\n{d.stderr_tail()}"
            log = d.stderr_text()
            return (
                len(echo.calls(f"/airalo/v2/sims/{ICCID}/usage")) >= 5
                and len(echo.calls(f"/1nce/v1/sims/{ONCE_ICCID}/quota/data")) >= 3
                and len(echo.calls("/jsoncred")) >= 3
                and len(echo.calls("/header")) >= 2
                and len(echo.calls("/userinfo")) >= 3
                and len(echo.calls("/hook")) >= 3
                and len(echo.calls("/ntfy")) >= 3
                and hook.snapshot()
                and f"{leaky_script}: poll failed" in log
                and f"{file_script}: poll failed" in log
                and any(e["attempts"] >= 1 and e.get("last_error") for e in outbox(daemon, "--channel", "mail"))
            )

        wait_until(every_scenario_ran, 60, interval=0.5, what="every secret-bearing scenario, errors included")
        time.sleep(1)

        # The secrets were really used (else this test could not fail).
        assert echo.calls("/airalo/v2/token")[0]["body"].decode().count(AIRALO) == 1
        assert echo.calls("/jsoncred")[0]["headers"]["Authorization"] == f"Bearer {JSON_CREDENTIAL}"
        assert echo.calls("/header")[0]["headers"]["X-Api-Key"] == HEADER
        assert echo.calls("/ntfy")[0]["headers"]["Authorization"] == f"Bearer {NTFY}"
        first = echo.calls("/userinfo")[0]
        assert URL_KEY in first["path"], first
        assert first["headers"].get("Authorization") == "Basic " + base64.b64encode(
            f"apiuser:{URL_PASSWORD}".encode()).decode(), first

        found = []
        replies = {}
        for args in (
            ("status", "--json"),
            ("lines", "--json"),
            ("lines",),
            ("outbox", "--json", "--limit", "1000"),
            ("outbox", "--limit", "1000"),
            ("outbox", "--dead", "--json"),
        ):
            replies[" ".join(args)] = ctl(daemon, *args)
        for line in (airalo, once, cred, header, userinfo, leaky_script, file_script, demo):
            replies[f"show {line} --json"] = ctl(daemon, "show", line, "--json")
            replies[f"show {line}"] = ctl(daemon, "show", line)
        for name, done in replies.items():
            assert done.returncode in (0, 1), f"simwatchctl {name}: {done.stderr}"
            found += leaks(f"`simwatchctl {name}`", done.stdout + done.stderr)
        # The errors happened and were reported (so searching the log means something).
        log = d.stderr_text()
        assert "unauthorized" in log and "HTTP 400" in log and "server error 500" in log, log
    finally:
        events.terminate()
        events.wait(10)
    assert events_out.read_text(errors="replace").count("\n") >= 5, "the events stream saw nothing"
    found += leaks("`simwatchctl events --json`", events_out.read_bytes())

    for request in hook.snapshot():
        headers = {k: v for k, v in request["headers"].items() if k != "webhook-signature"}
        found += leaks("a delivered webhook's headers", json.dumps(headers))
        found += leaks("a delivered webhook's body", request["body"])
    for request in echo.calls("/hook"):
        headers = {k: v for k, v in request["headers"].items() if k.lower() != "webhook-signature"}
        found += leaks("a failed webhook's headers", json.dumps(headers))
        found += leaks("a failed webhook's body", request["body"])
    for _, _, raw in sink.messages:
        found += leaks("a delivered mail", raw)

    assert d.stop() == 0
    found += leaks("simwatchd's stderr", d.stderr_path.read_bytes())
    found += leaks("simwatchd's stdout", d.stdout_path.read_bytes())
    entries = journal.read("--since", f"@{since}")
    assert any(e.get("SIMWATCH_LINE") == demo for e in entries), "the journal search found none of this test's entries"
    found += leaks("the journal", json.dumps(entries, ensure_ascii=False))

    database = daemon.state_dir / "state.db"
    assert database.exists()
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                found += leaks(f"state.db table {table}", repr(row))
    for path in daemon.state_dir.iterdir():
        if path.is_file():
            found += leaks(f"the raw bytes of {path.name}", path.read_bytes())

    assert not found, "secrets leaked:\n" + "\n".join(sorted(set(found)))
