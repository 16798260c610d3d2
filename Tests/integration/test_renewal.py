"""Renewal, end to end: `[line.renew]` carried by a reminder through the journal (read back with journalctl), a
signed webhook into a local receiver, ntfy, and mail through the real msmtp into an SMTP sink; `simwatchctl show`
prints it and `simwatchctl open` hands the page to xdg-open (a recorder on PATH stands in for the desktop's
opener); a mistake in it is named with file, line and key by --check-config."""

from __future__ import annotations

import base64
import email
import email.policy
import json
import os
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from channel_support import Receiver, SmtpSink, channel_config, ctl, sendmail_path, write_msmtprc
from conftest import (
    config_toml,
    free_port,
    line_number,
    new_line_id,
    simwatchctl_env,
    simwatchctl_path,
    wait_until,
    write_script,
    write_secret,
)

SECRET = "whsec_" + base64.b64encode(bytes(range(32))).decode()
PAGE = "https://boutique.orange.fr/mobile/recharge"

RENEW = f"""\
[line.renew]
url = "{PAGE}"
app = "Orange et moi"
code = "#124*CODE#"
support = "+33 9 69 36 39 00"
note = "Keep the receipt."
"""

SENTENCE = f"Renew at {PAGE}, in the Orange et moi app or by dialling #124*CODE#; support +33 9 69 36 39 00. Keep the receipt."


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()


@pytest.fixture
def sink():
    s = SmtpSink(free_port())
    yield s
    s.stop()


def test_every_channel_carries_how_to_renew(daemon, journal, receiver, sink):
    sink.start()
    write_msmtprc(daemon.directory / "home", sink.port)
    secret = write_secret(daemon.directory, "hook.secret", SECRET)
    channels = f"""\
[channels.hook]
type = "webhook"
url = "{receiver.url('/hook')}"
secret_file = "{secret}"
give_up_after = "60d"

[channels.phone]
type = "ntfy"
url = "{receiver.url('/topic')}"
give_up_after = "60d"

[channels.mail]
type = "email"
to = "me@example.com"
from = "simwatch <simwatch@example.com>"
sendmail = "{sendmail_path()}"
give_up_after = "60d"
"""
    line = new_line_id()
    d = daemon(
        channel_config(
            [{"id": line, "name": "Orange Holiday", "channels": ["hook", "phone", "mail"], "extra": RENEW}], channels
        )
    )

    entries = journal.wait_for_reminders(line, lambda e: e, 30)
    fields = entries[0]
    assert fields["MESSAGE"].endswith(f": renew now at {PAGE}")
    assert fields["SIMWATCH_RENEW_URL"] == PAGE
    assert fields["SIMWATCH_RENEW_APP"] == "Orange et moi"
    assert fields["SIMWATCH_RENEW_CODE"] == "#124*CODE#"
    assert fields["SIMWATCH_RENEW_SUPPORT"] == "+33 9 69 36 39 00"
    assert fields["SIMWATCH_RENEW_NOTE"] == "Keep the receipt."
    assert fields["SIMWATCH_DETAILS"].splitlines()[0] == SENTENCE

    wait_until(lambda: {r["path"] for r in receiver.snapshot()} >= {"/hook", "/topic"}, 30, what="webhook and ntfy")
    requests = {r["path"]: r for r in receiver.snapshot()}
    payload = json.loads(requests["/hook"]["body"])
    assert payload["version"] == 1
    assert payload["data"]["renew"] == {
        "url": PAGE,
        "app": "Orange et moi",
        "code": "#124*CODE#",
        "support": "+33 9 69 36 39 00",
        "note": "Keep the receipt.",
        "sentence": SENTENCE,
    }
    ntfy = requests["/topic"]["headers"]
    assert ntfy["click"] == PAGE
    assert ntfy["actions"] == f"view, Renew, {PAGE}"

    wait_until(lambda: sink.messages, 30, what="the mail at the SMTP sink")
    message = email.message_from_bytes(sink.messages[0][2], policy=email.policy.default)
    body = message.get_content()
    assert f"renew now at {PAGE}" in body
    assert SENTENCE in body
    d.stop()


def test_show_prints_it_and_open_hands_the_page_to_the_opener(daemon, tmp_path):
    line = new_line_id()
    d = daemon(channel_config([{"id": line, "name": "Orange Holiday", "channels": [], "extra": RENEW}], ""))
    shown = ctl(daemon, "show", line)
    assert shown.returncode in (0, 1), shown.stderr
    assert f"Renew     {PAGE}" in shown.stdout
    assert "Code      #124*CODE#" in shown.stdout
    assert "Support   +33 9 69 36 39 00" in shown.stdout

    printed = ctl(daemon, "open", line, "--print")
    assert (printed.returncode, printed.stdout) == (0, PAGE + "\n")

    as_json = ctl(daemon, "open", line, "--json")
    assert json.loads(as_json.stdout)["open_url"] == PAGE

    # xdg-open stands in for the desktop here: a recorder of its arguments, found on PATH like the real one.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "opened"
    write_script(bin_dir, "xdg-open", f'printf "%s\\n" "$@" > "{record}"\n')
    opened = run_with_path(daemon, bin_dir, "open", line)
    assert opened.returncode == 0, opened.stderr
    assert record.read_text() == PAGE + "\n"

    write_script(bin_dir, "xdg-open", "exit 4\n")
    failed = run_with_path(daemon, bin_dir, "open", line)
    assert failed.returncode == 2
    assert failed.stderr.strip() == f"xdg-open could not open the page (exit status 4); it is {PAGE}"
    d.stop()


def test_a_line_without_a_page_says_how_to_add_one(daemon):
    line = new_line_id()
    d = daemon(channel_config([{"id": line, "name": "Plain", "channels": []}], ""))
    done = ctl(daemon, "open", line)
    assert done.returncode == 2
    assert "has no renewal page; add url = " in done.stderr
    d.stop()


def test_check_config_names_the_mistake(daemon, simwatchd_bin):
    line = new_line_id()
    config = channel_config(
        [{"id": line, "name": "x", "channels": [], "extra": '[line.renew]\nurl = "boutique.orange.fr"\n'}], ""
    )
    path = daemon.write_config(config)
    done = subprocess.run([str(simwatchd_bin), "--check-config", "--config", str(path)], capture_output=True, text=True)
    assert done.returncode != 0
    number = line_number(config, 'url = "boutique.orange.fr"')
    assert f"config.toml:{number}" in done.stderr
    assert "`url`: `boutique.orange.fr` is not a web link" in done.stderr
    assert "write the page's address" in done.stderr


def run_with_path(factory, bin_dir, *args):
    env = simwatchctl_env()
    env.update(SIMWATCH_SOCKET=str(factory.control_socket), PATH=f"{bin_dir}:{os.environ['PATH']}")
    return subprocess.run(
        [str(simwatchctl_path(factory.binary)), *args], env=env, capture_output=True, text=True, timeout=30
    )


OFFERS = """\
needed_until = "{until}"

[line.plan]
quota = "10GB"
valid_for = "30d"

[line.provider]
type = "demo"
daily_use = "1GB"
wobble = 0

[[line.rule]]
id = "low"
kind = "data_below"
threshold = "9GB"
repeat = "once"

[[line.offer]]
name = "Orange Holiday 10 GB"
data = "10GB"
valid = "30d"
price = "20 EUR"

[[line.offer]]
name = "Mini 2 GB"
data = "2GB"
valid = "30d"
price = "9 EUR"

[[offer]]
name = "Airalo France 20 GB"
data = "20GB"
valid = "30d"
price = "26 USD"
"""


def offers_config(line: str, until: str) -> str:
    head = f'[[line]]\nid = "{line}"\nname = "Orange Holiday"\n' + OFFERS.format(until=until)
    return config_toml(head, daemon={"time_scale": 14400, "poll_interval": "1h", "time_zone": "UTC"})


def test_the_advisor_picks_per_currency_and_reminders_say_it(daemon, journal):
    line = new_line_id()
    # The trip ends 25 days from now (the daemon's clock runs 14400 times faster, but only hours pass): the need is
    # about 24 days at 1 GB/day less the 9 GB left, so two 10 GB offers (40 EUR) beat eight of 2 GB (72 EUR), and
    # one Airalo 20 GB covers it in USD.
    until = (datetime.now(timezone.utc) + timedelta(days=25)).strftime("%Y-%m-%d")
    d = daemon(offers_config(line, until))
    entries = journal.wait_for_reminders(line, lambda e: e, 60)
    details = entries[0]["SIMWATCH_DETAILS"].splitlines()
    advice = [l for l in details if l.startswith("At your pace")]
    assert len(advice) == 1, details
    assert advice[0].startswith("At your pace (1 GB/day) you need about 1")
    assert advice[0].endswith(
        ": 2 × Orange Holiday 10 GB, 40 EUR, covers it (2.00 EUR/GB); in USD: Airalo France 20 GB, 26 USD, covers it "
        "(1.30 USD/GB) (prices in different currencies are not compared)."
    )

    done = ctl(daemon, "offers", line, "--json")
    assert done.returncode == 0, done.stderr
    reply = json.loads(done.stdout)
    assert reply["mixed_currencies"] is True
    need = reply["need"]
    assert need["pace_bytes_per_day"] > 0 and need["data_bytes"] > 0
    by_name = {o["name"]: o for o in reply["offers"]}
    assert set(by_name) == {"Orange Holiday 10 GB", "Mini 2 GB", "Airalo France 20 GB"}
    mini, holiday = by_name["Mini 2 GB"], by_name["Orange Holiday 10 GB"]
    assert mini["count"] == -(-need["data_bytes"] // 2_000_000_000)
    assert mini["total_cost"] == f"{mini['count'] * 9} EUR"
    assert (holiday["count"], holiday["total_cost"]) == (2, "40 EUR")
    assert (mini["cost_per_gb"], holiday["cost_per_gb"], mini["cost_per_day"]) == (4.5, 2.0, 0.3)
    assert [o["name"] for o in reply["offers"] if o["pick"]] == ["Orange Holiday 10 GB", "Airalo France 20 GB"]
    assert reply["advice"].startswith("At your pace (")

    text = ctl(daemon, "offers", line)
    assert text.returncode == 0, text.stderr
    assert "OFFER" in text.stdout and "FOR THE NEED" in text.stdout
    assert "* Orange Holiday 10 GB" in text.stdout and "* Airalo France 20 GB" in text.stdout
    assert "prices in different currencies are never added or compared" in text.stdout
    d.stop()
