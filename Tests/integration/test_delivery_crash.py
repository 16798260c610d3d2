"""kill -9 while deliveries are pending: after a restart on the same state every reminder is delivered, none lost,
each with its stable id."""

from __future__ import annotations

import base64
import signal

from channel_support import Receiver, channel_config, outbox, standard_webhooks_verify
from conftest import new_line_id, wait_until, write_secret

SECRET = "whsec_" + base64.b64encode(b"k" * 32).decode()


def test_nothing_is_lost_on_kill_9(daemon):
    state = {"up": False}
    receiver = Receiver(lambda n, path: (200, {}, 0) if state["up"] else (503, {}, 0))
    try:
        secret = write_secret(daemon.directory, "hook.secret", SECRET)
        lines = [new_line_id() for _ in range(3)]
        channels = f"""\
[channels.hook]
type = "webhook"
url = "{receiver.url()}"
secret_file = "{secret}"
give_up_after = "60d"
"""
        config = channel_config([{"id": l, "name": f"Line {l}", "channels": ["hook"]} for l in lines], channels)
        first = daemon(config)
        expected = {f"{l}/low/1/1/hook" for l in lines}

        def all_failing():
            entries = {e["id"]: e for e in outbox(daemon, "--channel", "hook")}
            return set(entries) == expected and all(e["state"] == "pending" and e["attempts"] >= 1 for e in entries.values())

        wait_until(all_failing, 30, what="three pending webhook reminders, each failed at least once")
        first.signal(signal.SIGKILL)
        first.proc.wait(10)
        seen_before = len(receiver.snapshot())

        state["up"] = True
        daemon()  # same config and state
        wait_until(
            lambda: {e["id"] for e in outbox(daemon, "--channel", "hook") if e["state"] == "sent"} == expected,
            30,
            what="every reminder delivered after the restart",
        )
        after = receiver.snapshot()[seen_before:]
        delivered = [r["headers"]["webhook-id"] for r in after]
        assert set(delivered) == expected
        assert len(delivered) == len(expected), "each pending reminder is sent once after the restart"
        assert all(standard_webhooks_verify(SECRET, r["headers"], r["body"]) for r in after)
        journal_entries = [e for e in outbox(daemon, "--channel", "journal") if e["line"] in lines]
        assert sorted(e["state"] for e in journal_entries) == ["sent"] * 3
    finally:
        receiver.stop()
