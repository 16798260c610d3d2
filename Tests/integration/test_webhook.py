"""Signed webhooks and ntfy against local HTTP receivers: Standard Webhooks signatures checked by an independent
implementation, retries across a 500 and a timeout with the same webhook-id, 410 disabling the endpoint, and the
ntfy headers."""

from __future__ import annotations

import base64
import email.header
import json
import time

import pytest

from channel_support import (
    Receiver,
    channel_config,
    ctl,
    outbox,
    standard_webhooks_sign,
    standard_webhooks_verify,
)
from conftest import new_line_id, wait_until, write_secret

SECRET = "whsec_" + base64.b64encode(bytes(range(32))).decode()


def test_the_receivers_implementation_passes_the_specs_vector():
    # From the Standard Webhooks specification and its reference libraries.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    signature = standard_webhooks_sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", b'{"test": 2432232314}')
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def hook_channels(url: str, secret_file, name: str = "hook", timeout: str = "2s") -> str:
    return f"""\
[channels.{name}]
type = "webhook"
url = "{url}"
secret_file = "{secret_file}"
timeout = "{timeout}"
give_up_after = "60d"
"""


@pytest.fixture
def receivers():
    made = []

    def make(script=None):
        r = Receiver(script)
        made.append(r)
        return r

    yield make
    for r in made:
        r.stop()


def test_retries_keep_the_webhook_id_and_every_request_is_signed(daemon, receivers):
    # 1: 500 with Retry-After, 2: too slow (the daemon gives up after 2 s), 3: 200.
    def script(n, path):
        return {1: (500, {"Retry-After": "1"}, 0), 2: (200, {}, 4)}.get(n, (200, {}, 0))

    hook = receivers(script)
    secret = write_secret(daemon.directory, "hook.secret", SECRET)
    line = new_line_id()
    d = daemon(channel_config([{"id": line, "name": "Orange ✈ 法国", "channels": ["hook"]}], hook_channels(hook.url(), secret)))

    def delivered():
        entries = [e for e in outbox(daemon, "--channel", "hook") if e["line"] == line]
        return entries and entries[0]["state"] == "sent" and entries[0]

    entry = wait_until(delivered, 60, what="the webhook delivered after a 500 and a timeout")
    requests = hook.snapshot()
    assert len(requests) >= 3
    ids = {r["headers"]["webhook-id"] for r in requests}
    assert ids == {f"{line}/low/1/1/hook"}
    assert all(standard_webhooks_verify(SECRET, r["headers"], r["body"]) for r in requests)
    assert entry["attempts"] == len(requests)
    payload = json.loads(requests[-1]["body"])
    assert payload["version"] == 1 and payload["type"] == "reminder.low_data"
    data = payload["data"]
    assert data["id"] == f"{line}/low/1/1/hook"
    assert data["line"] == {"id": line, "name": "Orange ✈ 法国"}
    assert data["rule"]["id"] == "low" and data["rule"]["kind"] == "data_below"
    assert data["severity"] == "warning" and data["event"] == "firing"
    assert data["reading"]["total_bytes"] == 1_000_000_000 and "remaining_bytes" in data["reading"]
    assert data["summary"].startswith("Orange ✈ 法国:")
    assert data["title"].startswith("Low data on Orange ✈ 法国")
    assert data["created_at"][-6] in "+-"
    assert requests[-1]["headers"]["content-type"] == "application/json"
    time.sleep(2)
    assert len(hook.snapshot()) == len(requests), "delivered means no more requests"

    done = ctl(daemon, "test-notify", "hook", "--line", line)
    assert done.returncode == 0, done.stderr
    test = hook.snapshot()[-1]
    assert standard_webhooks_verify(SECRET, test["headers"], test["body"])
    assert test["headers"]["webhook-id"].startswith(f"{line}/+test/")
    assert json.loads(test["body"])["type"] == "reminder.test"
    d.stop()


def test_gone_endpoint_disables_the_channel_and_dead_letters(daemon, receivers):
    gone = receivers(lambda n, path: (410, {}, 0))
    secret = write_secret(daemon.directory, "hook.secret", SECRET)
    line = new_line_id()
    config = channel_config([{"id": line, "name": "Gone line", "channels": ["hook"]}], hook_channels(gone.url(), secret))
    # --foreground: the daemon's log lines (which go to the journal) are also on stderr, where the test reads them.
    d = daemon(config, args=["--foreground"])

    def dead():
        entries = [e for e in outbox(daemon, "--dead") if e["line"] == line]
        return entries and entries[0]

    entry = wait_until(dead, 30, what="the reminder dead-lettered after 410")
    assert entry["attempts"] == 1 and "410" in entry["last_error"]
    assert len(gone.snapshot()) == 1
    done = ctl(daemon, "outbox", "--dead")
    assert done.returncode == 1 and f"{line}/low/1/1/hook" in done.stdout
    wait_until(lambda: "warning: channel hook disabled: its endpoint answered 410 Gone" in d.stderr_text(), 10)
    assert f"error: reminder {line}/low/1/1/hook via hook given up after 1 attempt" in d.stderr_text()
    d.stop()


def test_refuses_a_secret_readable_by_others(daemon, receivers):
    hook = receivers()
    secret = write_secret(daemon.directory, "hook.secret", SECRET, mode=0o644)
    config = channel_config([{"id": new_line_id(), "name": "x", "channels": ["hook"]}], hook_channels(hook.url(), secret))
    d = daemon(config, args=["--foreground"])
    assert d.proc.wait(15) == 78
    err = d.stderr_text()
    assert "readable by others" in err and "chmod 600" in err
    assert SECRET not in err


def test_ntfy_headers_and_test_notify(daemon, receivers):
    ntfy = receivers()
    token = write_secret(daemon.directory, "ntfy.token", "tk_testtoken123")
    line = new_line_id()
    channels = f"""\
[channels.phone]
type = "ntfy"
url = "{ntfy.url('/simwatch-alerts')}"
token_file = "{token}"
tags = ["sim"]
give_up_after = "60d"

[channels.phone.priority]
critical = 5
"""
    d = daemon(channel_config([{"id": line, "name": "Forfait épuisé", "channels": ["phone"], "severity": "critical"}], channels))
    wait_until(lambda: ntfy.snapshot(), 30, what="the ntfy POST")
    request = ntfy.snapshot()[0]
    headers = request["headers"]
    assert request["path"] == "/simwatch-alerts"
    title = str(email.header.make_header(email.header.decode_header(headers["title"])))
    assert title.startswith("Low data on Forfait épuisé")
    assert headers["priority"] == "5"
    assert headers["tags"].split(",") == ["rotating_light", "low_data", "sim"]
    assert headers["authorization"] == "Bearer tk_testtoken123"
    assert request["body"].decode().startswith("Forfait épuisé:")
    done = ctl(daemon, "test-notify", "phone")
    assert done.returncode == 0, done.stderr
    wait_until(lambda: len(ntfy.snapshot()) == 2, 10, what="the test push")
    assert ntfy.snapshot()[1]["headers"]["tags"].startswith("information_source,test")
    d.stop()
