"""HTTP providers end to end: the real simwatchd against a scripted API on loopback (fake_api.FakeAPI).

Responses follow the providers' documentation: Airalo's token and usage answers, 1NCE's token and data quota,
and a JSON API of our own mapped with pointers. time_scale = 3600: a simulated hour is a real second, so
Airalo's 20-minute minimum interval is a third of a second.
"""

from __future__ import annotations

import base64
import json
import urllib.parse

import pytest

from conftest import new_line_id, wait_until, write_secret
from fake_api import FakeAPI
from provider_support import daemon_config, latest_reading, line_config

ICCID = "8944465400000000017"
AIRALO_SECRET = "airalo-client-secret-7f3e"
TOKEN = {"data": {"token_type": "Bearer", "expires_in": 31622400, "access_token": "tok-1"}, "meta": {"message": "success"}}


def airalo_usage(remaining=300, total=2048, status="ACTIVE", unlimited=False, expired_at="2030-01-01 00:00:00"):
    return {
        "data": {
            "remaining": remaining,
            "total": total,
            "expired_at": expired_at,
            "is_unlimited": unlimited,
            "status": status,
            "remaining_voice": 0,
            "remaining_text": 0,
            "total_voice": 0,
            "total_text": 0,
        },
        "meta": {"message": "success"},
    }


def airalo_provider(api: FakeAPI, secret) -> str:
    return f"""
        type = "airalo"
        iccid = "{ICCID}"
        client_id = "partner-42"
        secret_file = "{secret}"
        base_url = "{api.url}"
        time_zone = "Europe/Paris"
        """


@pytest.fixture
def api():
    with FakeAPI() as server:
        yield server


def test_airalo_refreshes_a_refused_token_and_a_reminder_fires(daemon, journal, api, tmp_path, simwatchctl_bin):
    line = new_line_id()
    secret = write_secret(tmp_path, "airalo.secret", AIRALO_SECRET)
    second = {"data": {**TOKEN["data"], "access_token": "tok-2"}}
    api.route("POST", "/v2/token", {"body": TOKEN}, {"body": second})
    usage = f"/v2/sims/{ICCID}/usage"
    api.route("GET", usage, {"status": 401, "body": {"meta": {"message": "Unauthenticated."}}}, {"body": airalo_usage()})
    d = daemon(daemon_config(line_config(line, airalo_provider(api, secret), poll_interval="1h")), args=["--foreground"])
    d.wait_for_control_socket()

    low = wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="low_data"), 20, what="the low-data reminder")
    assert "300 MiB" in low[0]["MESSAGE"] or "315 MB" in low[0]["MESSAGE"], low[0]["MESSAGE"]
    tokens = api.calls("POST", "/v2/token")
    assert len(tokens) == 2, "a 401 must fetch a new token, once"
    form = urllib.parse.parse_qs(tokens[0].body.decode())
    assert form == {"client_id": ["partner-42"], "client_secret": [AIRALO_SECRET], "grant_type": ["client_credentials"]}
    calls = api.calls("GET", usage)
    assert calls[0].headers["Authorization"] == "Bearer tok-1"
    assert calls[1].headers["Authorization"] == "Bearer tok-2"

    reading = latest_reading(simwatchctl_bin, daemon, line)
    assert reading["source"] == "airalo" and reading["status"] == "active"
    assert reading["remaining_bytes"] == 300 * 1048576 and reading["total_bytes"] == 2048 * 1048576
    assert reading["expires_at"].startswith("2030-01-01T00:00:00+01:00")

    # Never faster than every 20 simulated minutes (a third of a second here), whatever the line asks.
    wait_until(lambda: len(api.calls("GET", usage)) >= 5, 20, what="more polls")
    times = [c.t for c in api.calls("GET", usage)[1:]]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.3
    # The secret never reaches the log.
    assert AIRALO_SECRET not in d.stderr_text()
    assert not [e for e in journal.read(SIMWATCH_LINE=line) if AIRALO_SECRET in str(e.get("MESSAGE"))]


def test_airalo_rate_limit_server_error_then_an_unlimited_plan(daemon, journal, api, tmp_path, simwatchctl_bin):
    line = new_line_id()
    secret = write_secret(tmp_path, "airalo.secret", AIRALO_SECRET)
    api.route("POST", "/v2/token", {"body": TOKEN})
    usage = f"/v2/sims/{ICCID}/usage"
    api.route(
        "GET",
        usage,
        {"status": 429, "body": "Too Many Attempts", "headers": {"Retry-After": "7200"}},
        {"status": 500, "body": {"meta": {"message": "Server Error"}}},
        {"body": airalo_usage(remaining=0, total=0, unlimited=True)},
    )
    d = daemon(daemon_config(line_config(line, airalo_provider(api, secret))), args=["--foreground"])
    sock = d.wait_for_control_socket()
    assert sock

    wait_until(lambda: len(api.calls("GET", usage)) >= 3, 30, what="three usage requests")
    first, second = api.calls("GET", usage)[:2]
    # Retry-After: 7200 s is two simulated hours, two real seconds.
    assert second.t - first.t >= 1.8, "the 429's Retry-After must be honoured"
    wait_until(lambda: (latest_reading(simwatchctl_bin, daemon, line) or {}).get("status") == "unlimited", 20,
               what="the unlimited reading")
    reading = latest_reading(simwatchctl_bin, daemon, line)
    assert reading.get("remaining_bytes") is None
    log = d.stderr_text()
    assert "rate_limited" in log and "server error 500" in log
    # Unlimited is a state, not an error: no low-data reminder although the amounts are zero.
    assert journal.reminders(line, SIMWATCH_KIND="low_data") == []


def test_1nce_basic_auth_token_refresh_and_reminder(daemon, journal, api, tmp_path, simwatchctl_bin):
    line = new_line_id()
    iccid = "8988280666000000123"
    secret = write_secret(tmp_path, "1nce.secret", "1nce-pass")
    token = {"status_code": 200, "access_token": "eyJ-a", "token_type": "bearer", "expires_in": 3600}
    api.route("POST", "/management-api/oauth/token", {"body": token}, {"body": {**token, "access_token": "eyJ-b"}})
    quota = {
        "volume": 100.5,
        "total_volume": 500,
        "expiry_date": "2029-01-01T00:00:00.000Z",
        "peak_throughput": 1000000,
        "last_volume_added": 500,
        "last_status_change_date": "2018-10-01T11:59:44.000Z",
        "threshold_percentage": 20,
    }
    path = f"/management-api/v1/sims/{iccid}/quota/data"
    api.route("GET", path, {"status": 401, "body": ""}, {"body": quota})
    provider = f"""
        type = "1nce"
        iccid = "{iccid}"
        username = "api-user"
        secret_file = "{secret}"
        base_url = "{api.url}/management-api"
        """
    d = daemon(daemon_config(line_config(line, provider, rules=_rule("200MB"))), args=["--foreground"])
    d.wait_for_control_socket()
    wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="low_data"), 20, what="the low-data reminder")
    tokens = api.calls("POST", "/management-api/oauth/token")
    assert len(tokens) == 2
    assert tokens[0].headers["Authorization"] == "Basic " + base64.b64encode(b"api-user:1nce-pass").decode()
    assert json.loads(tokens[0].body) == {"grant_type": "client_credentials"}
    assert [c.headers["Authorization"] for c in api.calls("GET", path)[:2]] == ["Bearer eyJ-a", "Bearer eyJ-b"]
    reading = latest_reading(simwatchctl_bin, daemon, line)
    assert reading["source"] == "1nce"
    assert reading["remaining_bytes"] == 100_500_000 and reading["total_bytes"] == 500_000_000


def test_generic_json_source_with_a_credential(daemon, journal, api, tmp_path, simwatchctl_bin):
    line = new_line_id()
    creds = tmp_path / "creds"
    creds.mkdir(mode=0o700)
    write_secret(creds, "example-token", "bearer-xyz", mode=0o400)
    api.route(
        "GET",
        "/v1/lines/" + line + "/balance",
        {"body": {"balance": {"used_mb": 1800, "quota_mb": 2000, "ends": 1924988400, "state": "LIVE"}}},
    )
    provider = f"""
        type = "json"
        url = "{api.url}/v1/lines/{{line}}/balance"
        auth = "bearer"
        credential = "example-token"
        used = "/balance/used_mb"
        total = "/balance/quota_mb"
        unit = "MB"
        expires = "/balance/ends"
        date_format = "unix"
        status = "/balance/state"
        status_map = {{ LIVE = "active" }}
        """
    d = daemon(
        daemon_config(line_config(line, provider)),
        env={"CREDENTIALS_DIRECTORY": str(creds)},
        args=["--foreground"],
    )
    d.wait_for_control_socket()
    wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="low_data"), 20, what="the low-data reminder")
    assert api.calls("GET", "/v1/lines/" + line + "/balance")[0].headers["Authorization"] == "Bearer bearer-xyz"
    reading = latest_reading(simwatchctl_bin, daemon, line)
    assert reading["source"] == "json" and reading["status"] == "active"
    assert reading["used_bytes"] == 1_800_000_000 and reading["total_bytes"] == 2_000_000_000
    assert reading["expires_at"].startswith("2031-01-01")


def test_hang_malformed_and_open_secret_fail_without_delaying_other_lines(daemon, journal, api, tmp_path, simwatchctl_bin):
    hang, bad, leaky, demo = (new_line_id() for _ in range(4))
    api.route("GET", "/hang", {"delay": 8, "body": {"left": 1}})
    api.route("GET", "/bad", {"body": '{"data": {"remaining": 12,'})
    open_secret = write_secret(tmp_path, "open.secret", "shh", mode=0o644)
    stale = '[[line.rule]]\nid = "stale"\nkind = "stale"\nafter = "3h"\nrepeat = "once"\n'
    lines = [
        line_config(
            hang,
            f'type = "json"\nurl = "{api.url}/hang"\nremaining = "/left"\ntimeout = "1s"',
            rules=stale,
        ),
        line_config(bad, f'type = "json"\nurl = "{api.url}/bad"\nremaining = "/data/remaining"', rules=stale),
        line_config(
            leaky,
            f'type = "json"\nurl = "{api.url}/bad"\nremaining = "/x"\nauth = "bearer"\nsecret_file = "{open_secret}"',
            rules=stale,
        ),
        line_config(demo, 'type = "demo"\ndaily_use = "100MB"', rules=""),
    ]
    d = daemon(daemon_config(*lines, extra="max_concurrent_polls = 4"), args=["--foreground"])
    d.wait_for_control_socket()

    # While the hanging line waits out its timeouts, the demo line keeps being read every simulated hour.
    wait_until(lambda: d.stderr_text().count(f"{demo}: ") >= 4, 20, what="demo readings")
    for line in (hang, bad, leaky):
        wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="stale"), 30, what=f"the stale reminder of {line}")
    log = d.stderr_text()
    assert f"{hang}: poll failed: timeout" in log
    assert f"{bad}: poll failed: malformed" in log
    assert f"{leaky}: poll failed: unauthorized" in log and "readable by others" in log
    assert latest_reading(simwatchctl_bin, daemon, demo)["source"] == "demo"


def _rule(threshold: str) -> str:
    return f'[[line.rule]]\nid = "low"\nkind = "data_below"\nthreshold = "{threshold}"\nrepeat = "once"\n'
