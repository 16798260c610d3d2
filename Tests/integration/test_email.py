"""Email through the real msmtp (as sendmail) into a local SMTP sink: headers, RFC 2047 subjects in French and
Chinese, a plan name that tries to add a Bcc, and a mail server that is down and comes back."""

from __future__ import annotations

import email
import email.policy
import time

import pytest

from channel_support import SmtpSink, channel_config, ctl, outbox, sendmail_path, write_msmtprc
from conftest import free_port, new_line_id, wait_until

MAIL_CHANNEL = """\
[channels.mail]
type = "email"
to = "Me <me@example.com>"
from = "simwatch <simwatch@example.com>"
sendmail = "{sendmail}"
timeout = "20s"
give_up_after = "60d"

[channels.mail.templates.low_data]
subject = "{{{{line.name}}}}"
"""


@pytest.fixture
def sink():
    port = free_port()
    s = SmtpSink(port)
    yield s
    s.stop()


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def headers_of(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]


def test_messages_have_clean_headers_and_encoded_subjects(daemon, sink):
    sink.start()
    write_msmtprc(daemon.directory / "home", sink.port)
    fr, zh = new_line_id(), new_line_id()
    config = channel_config(
        [
            {"id": fr, "name": "Forfait presque épuisé", "channels": ["mail"]},
            {
                "id": zh,
                "name": "法国上网卡流量不足\r\nBcc: evil@example.net",
                "channels": ["mail"],
                "extra": '[line.email]\nto = "customer@example.org"\n',
            },
        ],
        MAIL_CHANNEL.format(sendmail=sendmail_path()),
    )
    d = daemon(config)
    wait_until(lambda: len(sink.messages) >= 2, 30, what="two messages at the SMTP sink")
    time.sleep(1)
    assert len(sink.messages) == 2
    by_subject = {}
    for mail_from, rcpts, raw in sink.messages:
        msg = parse(raw)
        by_subject[str(msg["Subject"])] = (rcpts, msg, raw)

    rcpts, msg, raw = by_subject["Forfait presque épuisé"]
    assert rcpts == ["me@example.com"]
    assert b"Subject: =?UTF-8?B?" in headers_of(raw)
    assert msg["From"].addresses[0].addr_spec == "simwatch@example.com"
    assert msg["To"].addresses[0].addr_spec == "me@example.com"
    assert msg["MIME-Version"] == "1.0"
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "utf-8"
    assert msg["Date"] is not None and msg["Date"].datetime is not None
    assert msg["Message-ID"] == f"<{fr}.low.1.1.mail.simwatch@example.com>"
    assert msg["X-Simwatch-Notification-Id"] == f"{fr}/low/1/1/mail"
    assert msg["Auto-Submitted"] == "auto-generated"
    body = msg.get_content()
    assert "Forfait presque épuisé" in body and f"{fr}/low/1/1/mail" in body

    subject = "法国上网卡流量不足 Bcc: evil@example.net"
    assert subject in by_subject, (list(by_subject), [m[2] for m in sink.messages])
    rcpts, msg, raw = by_subject[subject]
    assert rcpts == ["customer@example.org"], "the plan name must not add a recipient"
    assert "Bcc" not in msg and "evil" not in str(msg["To"])
    header_lines = headers_of(raw).split(b"\n")
    assert not any(h.lower().startswith(b"bcc") for h in header_lines)
    assert not any(b"evil" in h for h in header_lines), "the address may appear only inside the encoded subject"
    assert "法国上网卡流量不足" in msg.get_content()
    d.stop()


def test_sink_down_then_back_delivers_once(daemon, sink):
    write_msmtprc(daemon.directory / "home", sink.port)
    line = new_line_id()
    d = daemon(channel_config([{"id": line, "name": "Carte ✈", "channels": ["mail"]}], MAIL_CHANNEL.format(sendmail=sendmail_path())))

    def failed_twice():
        entries = [e for e in outbox(daemon, "--channel", "mail") if e["line"] == line]
        return entries and entries[0]["attempts"] >= 2 and entries[0]["state"] == "pending" and entries[0]

    entry = wait_until(failed_twice, 30, what="two failed attempts while the SMTP server is down")
    assert "75" in entry["last_error"] or "temporary" in entry["last_error"], entry
    sink.start()
    wait_until(lambda: sink.messages, 30, what="the message once the SMTP server is back")
    time.sleep(3)
    assert len(sink.messages) == 1
    sent = [e for e in outbox(daemon, "--channel", "mail") if e["line"] == line]
    assert [e["state"] for e in sent] == ["sent"]
    assert sent[0]["attempts"] >= 3
    d.stop()


def test_test_notify_sends_mail_and_reports_failure(daemon, sink):
    sink.start()
    write_msmtprc(daemon.directory / "home", sink.port)
    line = new_line_id()
    d = daemon(channel_config([{"id": line, "name": "Test line", "channels": ["journal"]}], MAIL_CHANNEL.format(sendmail=sendmail_path())))
    done = ctl(daemon, "test-notify", "mail", "--line", line)
    assert done.returncode == 0, done.stderr
    wait_until(lambda: sink.messages, 15, what="the test message")
    msg = parse(sink.messages[-1][2])
    assert str(msg["Subject"]).startswith("Test reminder from simwatch")
    sink.stop()
    done = ctl(daemon, "test-notify", "mail")
    assert done.returncode != 0
    assert "75" in done.stderr or "temporary" in done.stderr, done.stderr
    d.stop()
