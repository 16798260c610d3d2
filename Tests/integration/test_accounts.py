"""Provider accounts end to end: [accounts.NAME] shared by several lines, against the loopback replay of the
provider's API (fake_api.FakeAPI, answers as in test_providers_http.py).

time_scale = 60: a simulated minute is a real second, so an account allowed 2 requests a minute polls every half
real second; the lines themselves ask every 10 simulated seconds (a sixth of a real second), so without the gate
they would burst. Spacing is read from the fake API's arrival times with a generous margin (half the spacing).
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import daemon_section, new_line_id, run_simwatchctl, wait_until, write_secret
from fake_api import FakeAPI
from provider_support import line_config
from test_check_config import check

ICCIDS = ["8988280666000000101", "8988280666000000119", "8988280666000000127"]
TOKEN = {"status_code": 200, "access_token": "eyJ-shared", "token_type": "bearer", "expires_in": 3600}
QUOTA = {
    "volume": 400.0,
    "total_volume": 500,
    "expiry_date": "2029-01-01T00:00:00.000Z",
    "peak_throughput": 1000000,
    "last_volume_added": 500,
    "last_status_change_date": "2018-10-01T11:59:44.000Z",
    "threshold_percentage": 20,
}


@pytest.fixture
def api():
    with FakeAPI() as server:
        yield server


def onence_account(api: FakeAPI, secret, rpm: int, extra: str = "") -> str:
    return f"""
[accounts.fleet]
type = "1nce"
username = "api-user"
secret_file = "{secret}"
base_url = "{api.url}/management-api"
timeout = "60s"
requests_per_minute = {rpm}
{extra}
"""


def quota_path(iccid: str) -> str:
    return f"/management-api/v1/sims/{iccid}/quota/data"


def config(account: str, lines: list[str]) -> str:
    head = daemon_section(time_zone="Europe/Paris", time_scale=60, poll_timeout="60s", poll_interval=None)
    return head + "\n" + account + "\n" + "\n".join(lines)


def usage_calls(api: FakeAPI) -> list:
    return [r for r in api.requests if r.method == "GET" and "/quota/data" in r.path]


def test_lines_of_one_account_are_spaced_and_share_one_token(daemon, api, tmp_path, simwatchctl_bin):
    secret = write_secret(tmp_path, "1nce.secret", "1nce-pass")
    api.route("POST", "/management-api/oauth/token", {"body": TOKEN})
    for iccid in ICCIDS:
        api.route("GET", quota_path(iccid), {"body": QUOTA})
    ids = [new_line_id() for _ in ICCIDS]
    lines = [
        line_config(line, f'account = "fleet"\niccid = "{iccid}"', poll_interval="10s", rules="")
        for line, iccid in zip(ids, ICCIDS)
    ]
    d = daemon(config(onence_account(api, secret, rpm=2), lines), args=["--foreground"])
    d.wait_for_control_socket()

    wait_until(lambda: len(usage_calls(api)) >= 8, 30, what="eight usage requests", detail=d.stderr_text)
    calls = usage_calls(api)
    gaps = [b.t - a.t for a, b in zip(calls, calls[1:])]
    # 2 a minute is one every 30 simulated seconds, half a real second: never a burst (margin: half of it).
    assert min(gaps) >= 0.25, f"polls of one account must be spaced: {gaps}"
    # Evenly shared: each of the three lines is polled, none starves.
    assert {c.path for c in calls[:6]} == {quota_path(i) for i in ICCIDS}
    # One token for the whole account.
    assert len(api.calls("POST", "/management-api/oauth/token")) == 1
    assert all(c.headers["Authorization"] == "Bearer eyJ-shared" for c in calls)

    # Poll-now obeys the limit too: what has no free slot is queued at the next one and the answer says so.
    done = run_simwatchctl(simwatchctl_bin, d.control_socket, "poll", "--json")
    outcomes = json.loads(done.stdout)["outcomes"]
    queued = [o for o in outcomes if not o["ok"]]
    assert queued and all("queued: account `fleet` allows 2 requests a minute" in o["error"] for o in queued), outcomes
    before = len(usage_calls(api))
    wait_until(lambda: len(usage_calls(api)) >= before + 4, 30, what="four more usage requests")
    calls = usage_calls(api)
    gaps = [b.t - a.t for a, b in zip(calls, calls[1:])]
    assert min(gaps) >= 0.25, f"poll-now must not burst past the account's limit: {gaps}"


def test_account_mistakes_are_refused_with_file_line_and_hint(api, tmp_path, simwatchd_bin):
    secret = write_secret(tmp_path, "1nce.secret", "1nce-pass")
    text = config(
        onence_account(api, secret, rpm=2),
        [
            line_config(new_line_id(), f'account = "fleeet"\niccid = "{ICCIDS[0]}"', rules=""),
            line_config(new_line_id(), f'account = "fleet"\niccid = "{ICCIDS[1]}"\nusername = "other"', rules=""),
        ],
    )
    done = check(simwatchd_bin, tmp_path, text)
    assert done.returncode != 0
    lines = text.splitlines()
    account_at = next(n for n, t in enumerate(lines, 1) if t.startswith('account = "fleeet"'))
    user_at = next(n for n, t in enumerate(lines, 1) if t.startswith('username = "other"'))
    assert re.search(rf"unknown account `fleeet` .*config\.toml:{account_at}; did you mean `fleet`\?", done.stderr), done.stderr
    assert re.search(rf"`username` comes from \[accounts\.fleet\].*config\.toml:{user_at}", done.stderr), done.stderr
