"""Renewal, parts 3 and 4, end to end: the ledger (an offer, a price, an order, a receipt kept with its SHA-256, a
note; CSV; completing an entry; the month's spend) and the check that a provider shows a renewal recorded by hand,
against a loopback provider API that keeps serving the old balance for a while (time runs 3600x: 1 s is an hour)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import stat
import time

from channel_support import ctl
from conftest import config_toml, line_tables, new_line_id, wait_until
from fake_api import FakeAPI

OFFERS = """\
[line.renew]
url = "https://shop.example.net/topup"
support = "+33 9 69 36 39 00"

[[line.offer]]
name = "Holiday 10 GB"
data = "10GB"
valid = "14d"
price = "20 EUR"
"""

LOW = '[[line.rule]]\nid = "low"\nkind = "data_below"\nthreshold = "500MB"\n'


def api_line(line: str, api: FakeAPI) -> str:
    provider = {"type": "json", "url": f"{api.url}/balance", "remaining": "/left_mb", "unit": "MB"}
    return line_tables(line, plan={"quota": "2GB", "valid_for": "7d"}, provider=provider, rules=LOW) + "\n" + OFFERS


def balance(api: FakeAPI, megabytes: int) -> None:
    api.route("GET", "/balance", {"body": {"left_mb": megabytes}})


def of_kind(entries: list[dict], kind: str) -> list[dict]:
    return [e for e in entries if e.get("SIMWATCH_KIND") == kind]


def renewals(daemon, line: str) -> list[dict]:
    done = ctl(daemon, "renewals", line, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["renewals"]


def test_the_provider_catching_up_confirms_the_renewal_and_the_old_figure_stays_quiet(daemon, journal):
    line = new_line_id()
    with FakeAPI() as api:
        balance(api, 100)  # below the 500 MB rule: low data fires at once
        d = daemon(config_toml(api_line(line, api)))
        journal.wait_for_reminders(line, lambda e: [x for x in e if x.get("SIMWATCH_KIND") == "low_data"], 30)

        done = ctl(daemon, "renew", line, "--offer", "Holiday 10 GB", "--order", "A-4411")
        assert done.returncode == 0, done.stderr
        assert "Waiting for the provider to show it until" in done.stdout
        renewed_at = time.time()
        # The API still serves the old 100 MB for about half an hour (0.5 s), read several times meanwhile.
        wait_until(lambda: len(api.calls("GET", "/balance")) >= 4, 20, what="polls while waiting")
        assert renewals(daemon, line)[-1]["check"]["state"] == "waiting"
        balance(api, 10_100)
        wait_until(lambda: renewals(daemon, line)[-1]["check"]["state"] == "confirmed", 20, what="confirmation")

        entry = renewals(daemon, line)[-1]
        assert entry["check"]["by"] == "json" and entry["order"] == "A-4411" and entry["price"] == "20 EUR"
        shown = ctl(daemon, "show", line).stdout
        assert f"({line}/1, Holiday 10 GB, 20 EUR): confirmed by json at" in shown

        # No low-data reminder from the old figure after the renewal, and no warning that it had not arrived.
        after = [
            e
            for e in journal.reminders(line)
            if int(e["__REALTIME_TIMESTAMP"]) / 1e6 > renewed_at
        ]
        kinds = [e["SIMWATCH_KIND"] for e in after]
        assert "low_data" not in kinds and "renewal_late" not in kinds, kinds
        d.stop()


def test_a_renewal_that_does_not_arrive_warns_naming_support_and_its_arrival_resolves_it(daemon, journal):
    line = new_line_id()
    with FakeAPI() as api:
        balance(api, 1500)
        d = daemon(config_toml(api_line(line, api)))
        wait_until(lambda: api.calls("GET", "/balance"), 20, what="first poll")
        done = ctl(daemon, "renew", line, "--data", "10GB", "--valid", "14d", "--price", "20 EUR")
        assert done.returncode == 0, done.stderr

        # confirm_within defaults to 2h: two seconds here.
        late = of_kind(journal.wait_for_reminders(line, lambda e: of_kind(e, "renewal_late"), 30), "renewal_late")[0]
        assert "has not arrived after 2h: json still shows 1.5 GB left" in late["MESSAGE"]
        assert late["SIMWATCH_DETAILS"].splitlines()[0] == "Contact support: +33 9 69 36 39 00."
        assert late["PRIORITY"] == "4"
        assert renewals(daemon, line)[-1]["check"]["state"] == "late"
        assert "NOT confirmed" in ctl(daemon, "show", line).stdout

        balance(api, 10_000)
        confirmed = journal.wait_for_reminders(line, lambda e: of_kind(e, "renewal_confirmed"), 30)
        notice = of_kind(confirmed, "renewal_confirmed")[0]
        assert notice["SIMWATCH_EVENT"] == "resolved"
        assert "arrived: json shows 10 GB left" in notice["MESSAGE"]
        assert renewals(daemon, line)[-1]["check"]["state"] == "confirmed"
        d.stop()


def test_the_ledger_keeps_the_receipt_exports_csv_and_adds_up_the_spend(daemon, tmp_path):
    line = new_line_id()
    d = daemon(config_toml(line_tables(line) + "\n" + OFFERS))
    receipt = tmp_path / "Downloads" / "facture A-4411.pdf"
    receipt.parent.mkdir()
    content = b"%PDF-1.4\n" + os.urandom(200_000)
    receipt.write_bytes(content)

    done = ctl(
        daemon, "renew", line, "--offer", "holiday 10 gb", "--price", "18,50 EUR", "--order", "A-4411",
        "--receipt", str(receipt), "--note", "bought at the airport, paid by card",
    )
    assert done.returncode == 0, done.stderr
    assert f"Ledger: {line}/1, Holiday 10 GB, 18.50 EUR, order A-4411." in done.stdout
    receipt.unlink()  # the download folder is cleaned: the ledger's copy stays

    entry = renewals(daemon, line)[0]
    kept = entry["receipt"]
    assert kept["sha256"] == hashlib.sha256(content).hexdigest()
    assert kept["bytes"] == len(content) and kept["name"] == "facture_A-4411.pdf"
    with open(kept["path"], "rb") as f:
        assert f.read() == content
    assert stat.S_IMODE(os.stat(kept["path"]).st_mode) == 0o600
    assert os.listdir(os.path.join(os.path.dirname(kept["path"]), "incoming")) == []
    assert entry["data_bytes"] == 10_000_000_000 and entry["check"]["state"] == "not_needed"  # the demo follows it

    rows = list(csv.DictReader(io.StringIO(ctl(daemon, "renewals", "--csv").stdout)))
    assert [(r["id"], r["amount"], r["currency"], r["order"]) for r in rows] == [(f"{line}/1", "18.5", "EUR", "A-4411")]
    assert rows[0]["note"] == "bought at the airport, paid by card"
    assert rows[0]["receipt_sha256"] == kept["sha256"]

    edited = ctl(daemon, "renewals", "edit", f"{line}/1", "--price", "20 EUR", "--note", "refund asked")
    assert edited.returncode == 0, edited.stderr
    assert renewals(daemon, line)[0]["price"] == "20 EUR"
    missing = ctl(daemon, "renewals", "edit", f"{line}/9", "--price", "1 EUR")
    assert missing.returncode == 2 and f"no renewal {line}/9" in missing.stderr
    bad = ctl(daemon, "renew", line, "--offer", "Nope")
    assert bad.returncode == 2 and '"Holiday 10 GB"' in bad.stderr

    spend = ctl(daemon, "spend").stdout
    assert "20 EUR" in spend and "⣿" in spend
    by_line = ctl(daemon, "spend", "--by", "line", "--json")
    assert json.loads(by_line.stdout)["renewals"][0]["price"] == "20 EUR"
    d.stop()


def test_a_top_up_seen_in_the_readings_is_priced_from_the_offer_it_matches(daemon):
    line = new_line_id()
    with FakeAPI() as api:
        balance(api, 300)
        d = daemon(config_toml(api_line(line, api)))
        wait_until(lambda: api.calls("GET", "/balance"), 20, what="first poll")
        balance(api, 10_290)  # 10 GB more: the offer "Holiday 10 GB"
        wait_until(lambda: renewals(daemon, line), 20, what="a ledger entry for the top-up")
        entry = renewals(daemon, line)[0]
        assert (entry["origin"], entry["offer"], entry["price"]) == ("detected", "Holiday 10 GB", "20 EUR")
        assert entry["check"]["state"] == "not_needed"
        listed = ctl(daemon, "renewals", line).stdout
        assert f"{line}/1" in listed and "seen" in listed
        d.stop()
