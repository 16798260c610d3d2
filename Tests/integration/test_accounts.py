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


# Discovery: the account lists its SIMs every simulated hour (a real second at time_scale 3600).
AIRALO_TOKEN = {"data": {"token_type": "Bearer", "expires_in": 31622400, "access_token": "tok-d"}}
A, B, C = "8944465400000000017", "8944465400000000025", "8944465400000000033"
AIRALO_LIST = "/v2/sims?limit=100&page=1"


def airalo_list(*sims: tuple[str, str]) -> dict:
    return {
        "body": {
            "data": [{"id": n, "iccid": iccid, "nickname": name} for n, (iccid, name) in enumerate(sims)],
            "links": {"first": "...", "last": "...", "prev": None, "next": None},
            "meta": {"current_page": 1, "last_page": 1, "per_page": 100, "total": len(sims)},
        }
    }


def airalo_usage() -> dict:
    return {"body": {"data": {"remaining": 300, "total": 2048, "expired_at": "2030-01-01 00:00:00",
                              "is_unlimited": False, "status": "ACTIVE"}}}


def discovering_config(api: FakeAPI, secret, name: str) -> str:
    head = daemon_section(time_zone="Europe/Paris", time_scale=3600, poll_timeout="60s", poll_interval=None)
    return head + f"""
[accounts.{name}]
type = "airalo"
client_id = "partner-42"
secret_file = "{secret}"
base_url = "{api.url}"
discover = true
discover_every = "1h"

[accounts.{name}.lines]
poll_interval = "1h"
channels = ["journal"]
[accounts.{name}.lines.plan]
quota = "2GB"
valid_for = "30d"
"""


def line_names(simwatchctl_bin, d) -> dict:
    done = run_simwatchctl(simwatchctl_bin, d.control_socket, "lines", "--json")
    assert done.returncode in (0, 1), done.stderr
    return {l["id"]: l.get("name") for l in json.loads(done.stdout)["lines"]}


def listings(api: FakeAPI) -> int:
    return len(api.calls("GET", AIRALO_LIST))


def test_airalo_discovery_adds_retires_ignores_garbage_and_survives_a_restart(daemon, api, tmp_path, simwatchctl_bin):
    name = "d" + new_line_id()[3:]
    secret = write_secret(tmp_path, "airalo.secret", "airalo-secret")
    api.route("POST", "/v2/token", {"body": AIRALO_TOKEN})
    for iccid in (A, B, C):
        api.route("GET", f"/v2/sims/{iccid}/usage", airalo_usage())
    api.route("GET", AIRALO_LIST, airalo_list((A, "Ana's phone"), (B, "Ben")))
    d = daemon(discovering_config(api, secret, name), args=["--foreground"])
    d.wait_for_control_socket()
    la, lb, lc = (f"{name}-{i}" for i in (A, B, C))

    wait_until(lambda: {la, lb} <= set(line_names(simwatchctl_bin, d)), 20, what="the discovered lines",
               detail=d.stderr_text)
    assert line_names(simwatchctl_bin, d)[la] == "Ana's phone"
    wait_until(lambda: len(api.calls("GET", f"/v2/sims/{B}/usage")) >= 1, 20, what="a poll of a discovered line")
    assert len(api.calls("POST", "/v2/token")) == 1, "listing and polls share the account's token"

    # B leaves, C arrives: C appears after the next listing, B stays until it is missing from two.
    api.route("GET", AIRALO_LIST, airalo_list((A, "Ana's phone"), (C, "Cleo")))
    seen = listings(api)
    wait_until(lambda: lc in line_names(simwatchctl_bin, d), 20, what="the new SIM's line")
    assert lb in line_names(simwatchctl_bin, d) or listings(api) >= seen + 2
    wait_until(lambda: lb not in line_names(simwatchctl_bin, d), 20, what="the retired line")
    assert listings(api) >= seen + 2, "retired only after two listings without it"

    # Garbage and failures change nothing.
    for bad in (
        {"body": "<html>oops"},
        {"body": {"data": [{"iccid": "not-an-iccid"}], "meta": {"last_page": 1}}},
        {"body": {"data": [], "meta": {"last_page": 1e9}}},
        {"status": 500, "body": {"meta": {"message": "Server Error"}}},
    ):
        api.route("GET", AIRALO_LIST, bad)
        seen = listings(api)
        wait_until(lambda: listings(api) >= seen + 2, 20, what="two more listings")
        assert {la, lc} <= set(line_names(simwatchctl_bin, d)), bad
    assert "SIM listing failed, nothing changes" in d.stderr_text()
    assert d.stop() == 0

    # A restart knows the discovered lines at once, even while the listing fails.
    again = daemon(discovering_config(api, secret, name), args=["--foreground"])
    again.wait_for_control_socket()
    assert {la, lc} <= set(line_names(simwatchctl_bin, again))
    assert lb not in line_names(simwatchctl_bin, again)


def test_1nce_discovery_reads_every_page(daemon, api, tmp_path, simwatchctl_bin):
    name = "n" + new_line_id()[3:]
    secret = write_secret(tmp_path, "1nce.secret", "1nce-pass")
    api.route("POST", "/management-api/oauth/token", {"body": TOKEN})
    first = [{"iccid": f"89882806660000{n:05d}", "label": f"tracker {n}"} for n in range(100)]
    second = [{"iccid": "8988280666000100001", "label": "gateway"}]
    pages = {"X-Total-Pages": "2"}
    api.route("GET", "/management-api/v1/sims?page=1&pageSize=100", {"body": first, "headers": pages})
    api.route("GET", "/management-api/v1/sims?page=2&pageSize=100", {"body": second, "headers": pages})
    head = daemon_section(time_zone="Europe/Paris", time_scale=3600, poll_timeout="60s", poll_interval=None)
    text = head + onence_account(api, secret, rpm=600, extra='discover = true\ndiscover_every = "1h"').replace(
        "[accounts.fleet]", f"[accounts.{name}]"
    ) + f'\n[accounts.{name}.lines]\npoll_interval = "1h"\n[accounts.{name}.lines.plan]\nquota = "500MB"\nvalid_for = "30d"\n'
    # A SIM a written line of the account already watches is not discovered again.
    written = new_line_id()
    text += "\n" + line_config(written, f'account = "{name}"\niccid = "8988280666000100001"', rules="")
    d = daemon(text, args=["--foreground"])
    d.wait_for_control_socket()
    wait_until(lambda: len(line_names(simwatchctl_bin, d)) == 101, 20, what="100 discovered lines and the written one",
               detail=d.stderr_text)
    names = line_names(simwatchctl_bin, d)
    assert names[f"{name}-8988280666000000099"] == "tracker 99"
    assert written in names and f"{name}-8988280666000100001" not in names
    # A second page that goes missing makes the listing incomplete: nothing is retired.
    api.route("GET", "/management-api/v1/sims?page=2&pageSize=100", {"status": 503, "body": ""})
    seen = len(api.calls("GET", "/management-api/v1/sims?page=1&pageSize=100"))
    wait_until(lambda: len(api.calls("GET", "/management-api/v1/sims?page=1&pageSize=100")) >= seen + 2, 20,
               what="two more listings")
    assert len(line_names(simwatchctl_bin, d)) == 101


def test_a_reload_that_turns_discovery_on_lists_at_once(daemon, api, tmp_path, simwatchctl_bin):
    name = "r" + new_line_id()[3:]
    secret = write_secret(tmp_path, "airalo.secret", "airalo-secret")
    api.route("POST", "/v2/token", {"body": AIRALO_TOKEN})
    api.route("GET", f"/v2/sims/{A}/usage", airalo_usage())
    api.route("GET", AIRALO_LIST, airalo_list((A, "Ana's phone")))
    written = new_line_id()
    text = discovering_config(api, secret, name)
    plain = text.replace("discover = true\ndiscover_every = \"1h\"\n", "").split(f"[accounts.{name}.lines]")[0]
    plain += "\n" + line_config(written, f'account = "{name}"\niccid = "{B}"', rules="")
    api.route("GET", f"/v2/sims/{B}/usage", airalo_usage())
    d = daemon(plain, args=["--foreground"])
    d.wait_for_control_socket()
    assert set(line_names(simwatchctl_bin, d)) == {written}
    assert listings(api) == 0
    daemon.write_config(text)
    d.sighup()
    wait_until(lambda: f"{name}-{A}" in line_names(simwatchctl_bin, d), 20, what="the line discovered after a reload",
               detail=d.stderr_text)
