"""The wall clock steps under a running simwatchd: ±1 day, +1 year, a start in 1970 then NTP, SIGSTOP plus a step to
mimic suspend, and a DST night in Europe/Paris inside quiet hours.

wallclock_shift.c, built here with the C compiler and preloaded into simwatchd only, adds to the wall clock the
seconds written in a file, read again at every call, so a test steps the daemon's clock while it runs. The monotonic
clock and the timers stay real, as after a real NTP step or a suspend, where simwatchd's timer (monotonic) knows
nothing of the jump. Debian's libfaketime cannot serve: it also moves timerfd deadlines by the offset, so after a step
back of a day libdispatch's timers fire a day late, and its file reads race across the daemon's threads.
time_scale is 1 (real time): a faster simulated clock would scale the steps too.

simwatchd looks at the wall clock again at least every 30 s, so each check waits up to about 40 s. The five
scenarios run side by side, each with its own daemon, state and clock file, to keep the whole under about 2 min.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import textwrap
import threading
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pytest

from conftest import DaemonFactory, Journal, daemon_section, line_tables, new_line_id, summarize, wait_until

# How long simwatchd may take to notice a step: its 30 s wall-clock check, plus a poll and a delivery.
NOTICE = 40


def build_shift_library(directory: Path) -> str:
    """wallclock_shift.c as a shared library, built with the system's C compiler (or the Swift toolchain's clang)."""
    compiler = shutil.which("cc") or shutil.which("clang")
    if compiler is None:
        pytest.fail("no C compiler (cc or clang) to build wallclock_shift.c", pytrace=False)
    library = directory / "wallclock_shift.so"
    source = Path(__file__).with_name("wallclock_shift.c")
    done = subprocess.run(
        [compiler, "-shared", "-fPIC", "-O2", "-o", str(library), str(source), "-ldl"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return str(library)


def utc(text: str) -> float:
    """Seconds since the epoch of an ISO 8601 UTC time such as 2027-03-28T00:30:00."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


class FakeClock:
    """The file wallclock_shift.c reads: the daemon's wall clock is real time plus the seconds written there."""

    def __init__(self, path: Path):
        self.path = path
        self.offset = 0
        self.set_offset(0)

    def set_offset(self, seconds: int) -> None:
        self.offset = seconds
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(f"{seconds:+d}\n")
        tmp.replace(self.path)  # atomic: the daemon never reads a half-written file

    def step(self, seconds: int) -> None:
        self.set_offset(self.offset + seconds)

    def set_to(self, epoch: float) -> None:
        """Sets the daemon's clock to `epoch` now (it runs on from there)."""
        self.set_offset(round(epoch - time.time()))

    def env(self, library: str) -> dict[str, str]:
        return {"LD_PRELOAD": library, "WALLCLOCK_SHIFT_FILE": str(self.path), "TZ": "UTC"}


def config(line: str, rules: str, daemon_keys: str = "", plan: str = 'valid_for = "10d"') -> str:
    """A demo line (1 GB, 500 MB a day) polled hourly, so only the wall-clock check can notice a step in time."""
    head = daemon_section(time_scale=None) + daemon_keys + "\n"
    line = line_tables(line, name="Clock test", plan='quota = "1GB"\n' + plan, rules=textwrap.dedent(rules))
    return head + "\n" + line


LOW = """
[[line.rule]]
id = "low"
kind = "data_below"
threshold = "2GB"
repeat = "{repeat}"
"""

EXPIRY = """
[[line.rule]]
id = "exp"
kind = "expires_within"
within = "3d"
repeat = "every 6h"
"""


class Scenario:
    """One daemon under its own fake clock."""

    def __init__(self, name: str, binary: Path, journal: Journal, directory: Path, library: str):
        directory.mkdir()
        self.name = name
        self.journal = journal
        self.line = new_line_id()
        self.clock = FakeClock(directory / "wallclock-shift")
        self.factory = DaemonFactory(binary, directory)
        self.library = library
        self.daemon = None

    def start(self, text: str):
        # --foreground: the daemon's log also goes to its stderr, shown when a scenario fails.
        self.daemon = self.factory(text, env=self.clock.env(self.library), args=["--foreground"])
        return self.daemon

    def reminders(self) -> list[dict]:
        return self.journal.reminders(self.line)

    def wait_reminders(self, predicate: Callable[[list[dict]], object], timeout: float, what: str) -> list[dict]:
        try:
            return self.journal.wait_for_reminders(self.line, predicate, timeout=timeout)
        except AssertionError as error:
            raise AssertionError(f"{what}: {error}\n{self.describe()}") from None

    def describe(self) -> str:
        d = self.daemon
        return f"--- simwatchd pid {d.pid} (exit {d.proc.poll()}) stderr:\n{d.stderr_tail()}"

    def messages(self) -> list[str]:
        return [str(e.get("MESSAGE", "")) for e in self.journal.read(_PID=str(self.daemon.pid))]

    def state(self) -> dict:
        """The line's row in state.db (line_state), empty before there is one."""
        path = self.daemon.state_dir / "state.db"
        if not path.exists():
            return {}
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            db.row_factory = sqlite3.Row
            row = db.execute("SELECT * FROM line_state WHERE line_id = ?", (self.line,)).fetchone()
            return dict(row) if row else {}
        except sqlite3.OperationalError:  # not migrated yet
            return {}
        finally:
            db.close()

    def stop(self) -> None:
        if self.daemon is not None:
            self.daemon.kill()


def listing(entries: list[dict]) -> str:
    return "\n".join(summarize(e) for e in entries) or "(none)"


def after_year_no_storm(s: Scenario) -> None:
    """+1 year: one poll, and each rule at most its transition: low repeats once, the expiry fires once."""
    s.start(config(s.line, LOW.format(repeat="every 6h") + EXPIRY))
    first = s.wait_reminders(lambda e: len(e) >= 1, 20, "the first reminder")
    assert [e.get("SIMWATCH_RULE") for e in first] == ["low"], listing(first)
    s.clock.step(365 * 86_400)
    s.wait_reminders(
        lambda e: any(x.get("SIMWATCH_RULE") == "exp" for x in e), NOTICE, "the expiry reminder after +1 year"
    )
    time.sleep(6)  # a storm would be under way by now
    after = s.reminders()[1:]
    low = [e.get("SIMWATCH_EVENT") for e in after if e.get("SIMWATCH_RULE") == "low"]
    expiry = [e for e in after if e.get("SIMWATCH_RULE") == "exp"]
    assert low in ([], ["repeat"]), f"low data after +1 year:\n{listing(after)}"
    assert [e.get("SIMWATCH_EVENT") for e in expiry] == ["firing"], listing(after)
    assert expiry[0].get("SIMWATCH_SEVERITY") == "critical", listing(after)  # the expired stage
    assert s.daemon.alive(), s.daemon.stderr_tail()


def back_one_day_loses_nothing(s: Scenario) -> None:
    """−1 day: the repeat due a minute after the first reminder still comes then, not a day later."""
    s.start(config(s.line, LOW.format(repeat="every 1m")))
    s.wait_reminders(lambda e: len(e) >= 1, 20, "the first reminder")
    fired = time.monotonic()
    s.clock.step(-86_400)
    entries = s.wait_reminders(lambda e: len(e) >= 2, 60 + NOTICE, "the repeat after a step back of a day")
    assert [e.get("SIMWATCH_EVENT") for e in entries[:2]] == ["firing", "repeat"], listing(entries)
    assert time.monotonic() - fired >= 45, f"the repeat came too early:\n{listing(entries)}"
    assert any("went back" in m for m in s.messages()), "the step back was not logged"


def start_in_1970_then_ntp(s: Scenario) -> None:
    """Booted without a real-time clock: nothing is dated 1970; once NTP sets the clock the plan starts then."""
    s.clock.set_to(120)
    s.start(config(s.line, LOW.format(repeat="once")))
    wait_until(
        lambda: any("waiting for it to be set" in m for m in s.messages()),
        20,
        interval=0.5,
        what="the clock-not-set notice",
    )
    time.sleep(2)
    assert s.reminders() == [] and s.state() == {}, f"worked on a 1970 clock: {s.state()}"
    s.clock.set_offset(0)
    set_at = time.time()
    s.wait_reminders(lambda e: len(e) >= 1, NOTICE, "the first reminder once the clock is set")
    state = s.state()
    assert abs(state["first_seen"] - set_at) < NOTICE + 5, state
    assert state["period_started"] == state["first_seen"], state
    assert state["period_expires"] == pytest.approx(state["first_seen"] + 10 * 86_400), state
    entries = s.reminders()
    assert [e.get("SIMWATCH_SEVERITY") for e in entries] == ["warning"], listing(entries)  # not "expired"
    assert sum("waiting for it to be set" in m for m in s.messages()) == 1, "the notice was repeated"


def suspend_then_resume(s: Scenario) -> None:
    """SIGSTOP, two hours pass on the wall clock, SIGCONT: the repeat that fell due goes out within the check."""
    s.start(config(s.line, LOW.format(repeat="every 1h")))
    s.wait_reminders(lambda e: len(e) >= 1, 20, "the first reminder")
    s.daemon.signal(signal.SIGSTOP)
    try:
        s.clock.step(2 * 3600)
        time.sleep(1)
    finally:
        s.daemon.signal(signal.SIGCONT)
    entries = s.wait_reminders(lambda e: len(e) >= 2, NOTICE, "the repeat after the resume")
    assert [e.get("SIMWATCH_EVENT") for e in entries] == ["firing", "repeat"], listing(entries)


def dst_night_in_paris(s: Scenario) -> None:
    """Quiet hours 22:00-07:00 over the night clocks go forward (28 March 2027, 02:00 → 03:00 in Paris): a
    warning raised at 01:30 CET waits for 07:00 CEST (05:00 UTC), neither 06:00 nor 08:00 CEST."""
    s.clock.set_to(utc("2027-03-28T00:30:00"))
    s.start(
        config(
            s.line,
            LOW.format(repeat="once"),
            daemon_keys='time_zone = "Europe/Paris"\nquiet_hours = "22:00-07:00"',
            plan='valid_for = "30d"',
        )
    )
    wait_until(lambda: s.state().get("polls", 0) >= 1, 20, interval=0.5, what="the first poll")
    time.sleep(2)
    assert s.reminders() == [], f"a warning went out inside quiet hours:\n{listing(s.reminders())}"
    s.clock.set_to(utc("2027-03-28T04:58:00"))  # 06:58 CEST
    time.sleep(33)  # past the wall-clock check; still before 07:00 CEST
    assert s.reminders() == [], f"released before 07:00 CEST:\n{listing(s.reminders())}"
    s.clock.set_to(utc("2027-03-28T05:00:05"))  # 07:00:05 CEST
    entries = s.wait_reminders(lambda e: len(e) >= 1, NOTICE, "the held reminder at 07:00 CEST")
    assert [e.get("SIMWATCH_EVENT") for e in entries] == ["firing"], listing(entries)


SCENARIOS = [
    after_year_no_storm,
    back_one_day_loses_nothing,
    start_in_1970_then_ntp,
    suspend_then_resume,
    dst_night_in_paris,
]


def test_clock_steps(simwatchd_bin, journal, tmp_path):
    library = build_shift_library(tmp_path)
    scenarios = [Scenario(f.__name__, simwatchd_bin, journal, tmp_path / f.__name__, library) for f in SCENARIOS]
    failures: dict[str, str] = {}

    def run(function, scenario: Scenario) -> None:
        try:
            function(scenario)
        except BaseException:  # noqa: BLE001 - reported below with the scenario's name
            failures[scenario.name] = traceback.format_exc() + (scenario.describe() if scenario.daemon else "")

    threads = [threading.Thread(target=run, args=(f, s), name=s.name) for f, s in zip(SCENARIOS, scenarios)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=150)
        stuck = [t.name for t in threads if t.is_alive()]
        assert not stuck, f"scenarios still running after 150 s: {stuck}"
    finally:
        for s in scenarios:
            s.stop()
    assert not failures, "\n\n".join(f"=== {name}\n{text}" for name, text in failures.items())
