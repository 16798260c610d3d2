"""Reminders in the reader's language, end to end: French and Chinese mail through the real msmtp into an SMTP
sink, decoded and compared with what the daemon wrote to the journal, with `Content-Language`; and one line's
reminders in several languages at once (the journal in the daemon's, the customer's mail in the line's, a channel
that sets its own in that), machine-readable fields unchanged."""

from __future__ import annotations

import email
import email.policy
import json
import re

import pytest

from channel_support import Receiver, SmtpSink, sendmail_path, write_msmtprc
from conftest import config_toml, free_port, line_tables, new_line_id, wait_until

RULE = {"id": "low", "kind": "data_below", "threshold": "2GB", "severity": "warning", "repeat": "once"}
LOW_DATA_MESSAGE_ID = "b77ba049bdf54a0283165c1a785d857e"

# The full body's last lines in each language; CREATED stands for the time the reminder was raised.
FOOTERS = {
    "fr": "Ligne : {name} ({line})\nÉmis le : {created}\nIdentifiant de la notification : {id}\n-- \n"
    "simwatch : rappels pour cartes SIM et eSIM prépayées",
    "zh": "线路：{name}（{line}）\n发出时间：{created}\n通知编号：{id}\n-- \nsimwatch：预付费 SIM 卡和 eSIM 提醒",
}
CREATED = {
    "fr": re.compile(r"^Émis le : ((?:lun|mar|mer|jeu|ven|sam|dim)\. \d{1,2}(?:er)? \S+ \d\d:\d\d UTC)$", re.M),
    "zh": re.compile(r"^发出时间：(\d{1,2}月\d{1,2}日 周[一二三四五六日] \d\d:\d\d UTC)$", re.M),
}
SUMMARY = {
    "fr": re.compile(r"^(?P<name>.+) : il vous reste [\d,]+ [KMG]?o sur 1 Go \(\d+ %\), .*: rechargez maintenant$"),
    "zh": re.compile(r"^(?P<name>.+)：剩余 [\d.]+ [KMG]?B（共 1 GB，\d+%），.*：请尽快续费$"),
}
SUBJECT = {
    "fr": re.compile(r"^Presque plus de données sur (?P<name>.+) : il reste [\d,]+ [KMG]?o$"),
    "zh": re.compile(r"^(?P<name>.+) 流量不足：剩余 [\d.]+ [KMG]?B$"),
}
NAMES = {"fr": "Forfait Marie", "zh": "王先生的 eSIM"}


@pytest.fixture
def sink():
    s = SmtpSink(free_port())
    yield s
    s.stop()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()


def mail_channel(name: str, *, to: str | None = "me@example.com", language: str | None = None) -> str:
    lines = [f"[channels.{name}]", 'type = "email"', 'from = "simwatch <simwatch@example.com>"']
    if to:
        lines.append(f'to = "{to}"')
    if language:
        lines.append(f'language = "{language}"')
    lines += [f'sendmail = "{sendmail_path()}"', 'timeout = "20s"', 'give_up_after = "60d"']
    return "\n".join(lines) + "\n"


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


@pytest.mark.parametrize("language", ["fr", "zh"])
def test_a_mail_in_french_or_chinese_says_what_the_journal_says(daemon, journal, sink, language):
    sink.start()
    write_msmtprc(daemon.directory / "home", sink.port)
    line = new_line_id()
    name = NAMES[language]
    config = config_toml(
        mail_channel("mail"),
        line_tables(line, name=name, channels=["mail"], rules=[RULE]),
        daemon={"time_scale": 3600, "poll_interval": "1h", "time_zone": "UTC", "language": language},
    )
    d = daemon(config)

    # The journal is in [daemon] language here, so the mail's words can be compared with it exactly.
    entries = journal.wait_for_reminders(line, lambda e: e, 30)
    fields = entries[0]
    assert fields["MESSAGE_ID"] == LOW_DATA_MESSAGE_ID
    assert fields["SIMWATCH_KIND"] == "low_data" and fields["SIMWATCH_EVENT"] == "firing"
    summary = fields["MESSAGE"]
    assert SUMMARY[language].match(summary), summary
    details = fields["SIMWATCH_DETAILS"]

    wait_until(lambda: sink.messages, 30, what="the mail at the SMTP sink")
    msg = parse(sink.messages[0][2])
    assert msg["Content-Language"] == {"fr": "fr", "zh": "zh-Hans"}[language]
    assert msg.get_content_charset() == "utf-8"
    subject = str(msg["Subject"])
    assert SUBJECT[language].match(subject) and name in subject, subject
    notification = f"{line}/low/1/1/mail"
    assert msg["X-Simwatch-Notification-Id"] == notification

    body = msg.get_content().replace("\r\n", "\n").rstrip("\n")
    created = CREATED[language].search(body)
    assert created, body
    footer = FOOTERS[language].format(name=name, line=line, created=created.group(1), id=notification)
    assert body == summary + "\n\n" + details + "\n\n" + footer
    if language == "fr":
        assert "\nIl vous reste " in body and "\nSource : demo, relevé le " in body
        assert re.search(r"\nPour tenir jusqu'à l'expiration : [\d,]+ [KMG]?o/jour\n", body), body
        assert re.search(r"\nExpiration : (lun|mar|mer|jeu|ven|sam|dim)\. ", body), body
    else:
        assert "\n剩余 " in body and "\n来源：demo，读取于 " in body
        assert re.search(r"\n撑到到期每天可用：[\d.]+ [KMG]?B/天\n", body), body
        assert re.search(r"\n到期：\d{1,2}月\d{1,2}日 周[一二三四五六日] ", body), body
    d.stop()


def test_each_reader_gets_their_own_language(daemon, journal, sink, receiver):
    sink.start()
    write_msmtprc(daemon.directory / "home", sink.port)
    line = new_line_id()
    channels = (
        mail_channel("boss", to="boss@example.com", language="en")
        + mail_channel("customers", to=None)
        + f"""
[channels.hook]
type = "webhook"
url = "{receiver.url('/hook')}"
give_up_after = "60d"
"""
    )
    extra = '[line.email]\nto = "marie@example.fr"\nchannels = ["customers"]\n'
    config = config_toml(
        channels,
        line_tables(line, name="Forfait Marie", channels=["boss", "customers", "hook"], rules=[RULE], language="fr")
        + "\n"
        + extra,
        daemon={"time_scale": 3600, "poll_interval": "1h", "time_zone": "UTC"},
    )
    d = daemon(config)

    # The journal is the operator's: English, with the same fields and MESSAGE_ID as always.
    fields = journal.wait_for_reminders(line, lambda e: e, 30)[0]
    assert fields["MESSAGE_ID"] == LOW_DATA_MESSAGE_ID
    assert re.match(r"^Forfait Marie: [\d.]+ [kMG]?B left of 1 GB \(\d+%\), ", fields["MESSAGE"]), fields["MESSAGE"]

    wait_until(lambda: len(sink.messages) >= 2, 30, what="two mails at the SMTP sink")
    by_recipient = {tuple(rcpts): parse(raw) for _, rcpts, raw in sink.messages}
    boss = by_recipient[("boss@example.com",)]
    marie = by_recipient[("marie@example.fr",)]
    # The boss's channel says English; Marie, the line's own recipient, reads the line's French.
    assert boss["Content-Language"] == "en"
    assert str(boss["Subject"]).startswith("Low data on Forfait Marie: ")
    assert marie["Content-Language"] == "fr"
    assert str(marie["Subject"]).startswith("Presque plus de données sur Forfait Marie : il reste ")
    assert marie.get_content().startswith("Forfait Marie : il vous reste ")
    assert marie["X-Simwatch-Notification-Id"] == f"{line}/low/1/1/customers"

    # A channel without a language of its own: the line's. Machine fields as in every language.
    wait_until(lambda: receiver.snapshot(), 30, what="the webhook")
    payload = json.loads(receiver.snapshot()[0]["body"])
    assert payload["data"]["language"] == "fr"
    assert payload["type"] == "reminder.low_data" and payload["data"]["kind"] == "low_data"
    assert payload["data"]["summary"].startswith("Forfait Marie : il vous reste ")
    assert payload["data"]["reading"]["total_bytes"] == 1_000_000_000
    d.stop()
