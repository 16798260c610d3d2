"""Real parts for the channel tests: an SMTP sink (aiosmtpd), an HTTP receiver that checks Standard Webhooks
signatures with its own implementation, and helpers to configure and query simwatchd. (The private D-Bus for
the desktop tests is conftest's private_bus fixture.)

Every service listens on loopback or a private socket and is stopped by the test that started it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.server
import json
import os
import shutil
import subprocess
import textwrap
import threading
import time
from pathlib import Path

from conftest import config_toml, line_tables, run_simwatchctl, simwatchctl_path, wait_for_socket


def channel_config(lines: list[dict], channels: str, *, extra: str = "", time_scale: int = 3600) -> str:
    """A configuration with demo lines that fire a low-data rule at their first poll, and the given channels.

    Each line dict: id, name, channels (list), optional severity, optional extra (TOML appended to the line).
    """
    parts = [textwrap.dedent(channels) + "\n" + textwrap.dedent(extra)]
    for line in lines:
        rule = {
            "id": "low",
            "kind": "data_below",
            "threshold": "2GB",
            "severity": line.get("severity", "warning"),
            "repeat": "once",
        }
        tables = line_tables(line["id"], name=line["name"], channels=line["channels"], rules=[rule])
        parts.append(tables + "\n" + textwrap.dedent(line.get("extra", "")))
    return config_toml(*parts, daemon={"time_scale": time_scale, "poll_interval": "1h"})


# ---------------------------------------------------------------------------------------------------------------------
# simwatchctl


def ctl(factory, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Runs simwatchctl against the factory's daemon (waiting for its socket first)."""
    sock = wait_for_socket(factory.control_socket, 20, what=f"control socket {factory.control_socket}")
    return run_simwatchctl(simwatchctl_path(factory.binary), sock, *args, timeout=timeout)


def outbox(factory, *args: str) -> list[dict]:
    done = ctl(factory, "outbox", "--json", "--limit", "1000", *args)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["reminders"]


# ---------------------------------------------------------------------------------------------------------------------
# SMTP


class SmtpSink:
    """aiosmtpd on 127.0.0.1:port, keeping each envelope (mail_from, rcpt_tos, raw bytes). stop() and start() again
    on the same port simulate a mail server that goes away and comes back."""

    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.port = port
        self.host = host
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.arrived: list[float] = []  # time.monotonic() of each message, in order
        self.controller = None

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                sink.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
                sink.arrived.append(time.monotonic())
                return "250 OK"

        self.controller = Controller(Handler(), hostname=self.host, port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def write_msmtprc(home: Path, port: int, host: str = "127.0.0.1") -> None:
    """msmtp reads ~/.msmtprc (HOME is the daemon's temporary home); it refuses one readable by others."""
    home.mkdir(parents=True, exist_ok=True)
    rc = home / ".msmtprc"
    rc.write_text(
        textwrap.dedent(
            f"""\
            defaults
            auth off
            tls off
            timeout 5
            account default
            host {host}
            port {port}
            from simwatch@example.com
            """
        )
    )
    rc.chmod(0o600)


def sendmail_path() -> str:
    """/usr/sbin/sendmail when it is msmtp (msmtp-mta), else msmtp itself, which takes the same -t -oi."""
    target = os.path.realpath("/usr/sbin/sendmail")
    if os.path.basename(target) == "msmtp":
        return "/usr/sbin/sendmail"
    found = shutil.which("msmtp")
    assert found, "msmtp missing: run scripts/bootstrap.sh test"
    return found


# ---------------------------------------------------------------------------------------------------------------------
# Webhooks


def standard_webhooks_sign(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    """The Standard Webhooks signature, written from the spec (not from simwatch's code)."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def standard_webhooks_verify(secret: str, headers, body: bytes, tolerance: int = 300) -> bool:
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature", "")
    if not msg_id or not timestamp:
        return False
    if abs(time.time() - int(timestamp)) > tolerance:
        return False
    expected = standard_webhooks_sign(secret, msg_id, timestamp, body)
    return any(hmac.compare_digest(expected, s) for s in signatures.split(" "))


class Receiver:
    """An HTTP server on loopback that records every request and answers from a script.

    script: a function (request_number starting at 1, path) -> (status, headers dict, delay seconds).
    """

    def __init__(self, script=None):
        self.requests: list[dict] = []
        self.script = script or (lambda n, path: (200, {}, 0))
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with receiver.lock:
                    receiver.requests.append(
                        {
                            "path": self.path,
                            "headers": {k.lower(): v for k, v in self.headers.items()},
                            "body": body,
                            "at": time.monotonic(),
                        }
                    )
                    n = len(receiver.requests)
                status, headers, delay = receiver.script(n, self.path)
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    pass

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def snapshot(self) -> list[dict]:
        with self.lock:
            return list(self.requests)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
