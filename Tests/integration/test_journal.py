"""Reminders reach journald with the documented fields (docs/journal.md)."""

import re
import time
from datetime import datetime, timedelta, timezone

from conftest import DEFAULT_LINE_NAME, demo_config, new_line_id, summarize, wait_until

LOW_DATA_MESSAGE_ID = "b77ba049bdf54a0283165c1a785d857e"
ISO_8601_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")


def test_journal_reminder_fields(daemon, journal):
    line = new_line_id()
    started = datetime.now(timezone.utc)
    d = daemon(demo_config(line, rule_id="low", threshold="2GB", repeat="once"))

    journal.wait_for_reminders(line, lambda e: len(e) >= 1, timeout=20)
    # Three more polls (1 h simulated is 1 s real): a second reminder would show up by now.
    time.sleep(3)
    assert d.alive(), f"simwatchd exited with {d.proc.returncode}:\n{d.stderr_tail()}"
    assert d.stop() == 0

    entries = journal.reminders(line)
    firing = [e for e in entries if e.get("SIMWATCH_RULE") == "low" and e.get("SIMWATCH_EVENT") == "firing"]
    assert len(firing) == 1, "expected exactly one firing reminder:\n" + "\n".join(map(summarize, entries))
    assert len(entries) == 1, "repeat = once: nothing else for this line:\n" + "\n".join(map(summarize, entries))

    e = firing[0]
    assert e["MESSAGE_ID"] == LOW_DATA_MESSAGE_ID
    assert e["PRIORITY"] == "4"
    assert e["SYSLOG_IDENTIFIER"] == "simwatchd"
    assert e["_PID"] == str(d.pid)
    assert e["SIMWATCH_LINE"] == line
    assert e["SIMWATCH_LINE_NAME"] == DEFAULT_LINE_NAME
    assert e["SIMWATCH_RULE"] == "low"
    assert e["SIMWATCH_KIND"] == "low_data"
    assert e["SIMWATCH_EVENT"] == "firing"
    assert e["SIMWATCH_SEVERITY"] == "warning"
    assert e["SIMWATCH_OCCURRENCE"] == "1"
    assert e.get("SIMWATCH_NOTIFICATION_ID"), "SIMWATCH_NOTIFICATION_ID missing or empty"

    message = e.get("MESSAGE")
    assert isinstance(message, str) and message.strip() and "\n" not in message, f"MESSAGE: {message!r}"

    remaining = e["SIMWATCH_REMAINING_BYTES"]
    assert re.fullmatch(r"\d+", remaining), f"SIMWATCH_REMAINING_BYTES is not an integer: {remaining!r}"
    assert 0 < int(remaining) <= 1_000_000_000

    expires_text = e["SIMWATCH_EXPIRES_AT"]
    assert ISO_8601_WITH_OFFSET.fullmatch(expires_text), f"SIMWATCH_EXPIRES_AT not ISO 8601 with offset: {expires_text}"
    expires = datetime.fromisoformat(expires_text.replace("Z", "+00:00"))
    assert expires.tzinfo is not None
    # valid_for = 10d from when the daemon first saw the line; the simulated clock starts at the real one and
    # the test ran a few simulated hours.
    assert abs(expires - (started + timedelta(days=10))) < timedelta(days=1), f"expires {expires}, started {started}"


def test_foreground_prints_reminder_to_stderr(daemon, journal):
    # With journald reachable, --foreground must still print reminders on stderr, naming the line by its id
    # (the display name does not contain it) and the rule by its id.
    line = new_line_id()
    d = daemon(demo_config(line, rule_id="fg-low", repeat="once"), args=["--foreground"])

    journal.wait_for_reminders(line, lambda e: len(e) >= 1, timeout=20)
    printed = wait_until(
        lambda: [l for l in d.stderr_text().splitlines() if line in l and "fg-low" in l],
        timeout=5,
        what="a stderr line naming the line id and the rule id",
    )
    assert printed, d.stderr_tail()
    assert d.stop() == 0
