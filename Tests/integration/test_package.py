"""The Debian package, end to end, as a user installs it: `make deb`'s package through lintian and apt, then the
packaged user unit under a real `systemd --user` (scripts/user-manager.sh) for a throw-away user.

In file order, sharing one package, one lab and one user: lintian finds no errors or warnings (the kept ones are
overridden with a reason in debian/simwatch.lintian-overrides); `apt install ./simwatch_*.deb` installs it with
its dependencies, the version agrees everywhere, the catalog trigger ran; a first start without a configuration
says what to do (journal, `simwatchctl status`) and is not restarted; the advice followed and the demo
configuration in place, the packaged unit reminds in `journalctl --user`; a newer build installed over it keeps the
configuration and state.db; `apt remove` leaves them; `apt purge` removes every file the package owned and nothing
of the user's.

Root only, on Debian (apt, dpkg-buildpackage, debhelper, lintian: scripts/bootstrap.sh test installs the last
three), and where systemd is not PID 1 (the lab's condition). At the end the package is purged, the lab stopped by
PID and the user removed, whatever happened. It changes the machine's /usr while it runs: run it through
/tmp/simwatch-integration.lock like the other integration tests, and not where simwatch is installed as a package.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from conftest import short_tempdir
from userlab import REPO, UserLab

LAB_USER = "simwatch-pkg"
LAB_DIR = Path("/tmp/simwatch-pkg-lab")
RELEASE = REPO / ".build" / "release"
EXAMPLES = Path("/usr/share/doc/simwatch/examples")
LOW_DATA = "b77ba049bdf54a0283165c1a785d857e"
APT_ENV = dict(os.environ, DEBIAN_FRONTEND="noninteractive")


def _why_it_cannot_run() -> str | None:
    if os.geteuid() != 0:
        return "needs root: installs a package with apt and creates a user"
    for tool in ("apt-get", "dpkg", "dpkg-deb"):
        if shutil.which(tool) is None:
            return f"not a Debian system: no {tool}"
    if Path("/proc/1/comm").read_text().strip() == "systemd":
        return "systemd is PID 1 here; scripts/user-manager.sh is for hosts without it (CI, containers)"
    return None


pytestmark = pytest.mark.skipif(_why_it_cannot_run() is not None, reason=_why_it_cannot_run() or "")


def project_version() -> str:
    return subprocess.run(
        [str(REPO / "scripts/package.sh"), "version"], capture_output=True, text=True, check=True
    ).stdout.strip()


def apt(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(["apt-get", "-y", "-q", *args], env=APT_ENV, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"apt-get {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
    return done


def installed_version() -> str | None:
    done = subprocess.run(["dpkg-query", "-W", "-f", "${Status} ${Version}", "simwatch"], capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.startswith("install ok installed"):
        return None
    return done.stdout.split()[-1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Scenario:
    """What the ordered tests share: the package, the lab, and what they found on the way."""

    def __init__(self, deb: Path, work: Path, lab: UserLab):
        self.deb = deb
        self.work = work
        self.lab = lab
        self.version = project_version()
        self.owned: list[Path] = []
        self.config_sum = ""
        self.advice = ""

    @property
    def config(self) -> Path:
        return self.lab.home / ".config/simwatch/config.toml"

    @property
    def state_db(self) -> Path:
        return self.lab.home / ".local/state/simwatch/state.db"

    def ctl(self, *args: str) -> subprocess.CompletedProcess:
        return self.lab.run("simwatchctl", *args, check=False)

    def state(self, unit: str = "simwatch") -> dict[str, str]:
        return self.lab.show(unit, "ActiveState", "SubState", "Result", "ExecMainStatus", "NRestarts", "MainPID")

    def messages(self) -> list[str]:
        return [e.get("MESSAGE", "") for e in self.lab.journal("-u", "simwatch")]

    def reminders(self) -> list[dict]:
        return [e for e in self.lab.journal("-u", "simwatch") if "SIMWATCH_KIND" in e]

    def readings(self) -> int:
        """Rows in the user's state.db `reading` table, read-only beside the running daemon (WAL)."""
        db = sqlite3.connect(f"file:{self.state_db}?mode=ro", uri=True, timeout=10)
        try:
            return db.execute("SELECT count(*) FROM reading").fetchone()[0]
        finally:
            db.close()


@pytest.fixture(scope="module")
def scn():
    for tool in ("dpkg-buildpackage", "dh", "lintian"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run scripts/bootstrap.sh test (it installs dpkg-dev, debhelper, lintian)")
    if not all((RELEASE / tool).is_file() for tool in ("simwatchd", "simwatchctl")):
        pytest.fail(f"no release build at {RELEASE}: run `make build` (make test builds it)", pytrace=False)
    if installed_version() is not None:
        pytest.fail("the simwatch package is installed on this machine; this test would replace and purge it")
    exists = subprocess.run(["id", "-u", LAB_USER], capture_output=True).returncode == 0
    if exists and not (LAB_DIR / "user.created").exists():
        pytest.fail(f"user {LAB_USER} exists and was not made by these tests; remove it first", pytrace=False)

    work = short_tempdir("simwatch-pkg-", "/tmp")
    lab = UserLab(LAB_USER, LAB_DIR)
    try:
        t0 = time.monotonic()
        built = subprocess.run(
            [str(REPO / "scripts/package.sh"), "deb"],
            env=dict(os.environ, OUT_DIR=str(work)),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert built.returncode == 0, f"scripts/package.sh deb failed:\n{built.stdout}{built.stderr}"
        debs = list(work.glob("simwatch_*.deb"))
        assert len(debs) == 1, built.stdout
        print(f"\npackage: built {debs[0].name} in {time.monotonic() - t0:.1f}s")
        yield Scenario(debs[0], work, lab)
    finally:
        if subprocess.run(["dpkg", "-s", "simwatch"], capture_output=True).returncode == 0:  # installed or removed
            subprocess.run(["apt-get", "-y", "-q", "purge", "simwatch"], env=APT_ENV, capture_output=True, timeout=600)
        if lab.info:
            print(lab.down())
        shutil.rmtree(work, ignore_errors=True)
        if not list(LAB_DIR.glob("*.pid")):  # down stopped everything: its logs and lock file go too
            shutil.rmtree(LAB_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def show_journal_on_failure(request, scn):
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and scn.lab.info:
        print(f"--- journalctl --user -u simwatch (last lines):\n{scn.lab.unit_log(lines=60)}")


def test_lintian_finds_no_errors_or_warnings(scn):
    """Every tag lintian keeps is overridden, with its reason, in debian/simwatch.lintian-overrides."""
    done = subprocess.run(
        ["lintian", "--fail-on", "error,warning", str(scn.deb)], capture_output=True, text=True, timeout=300
    )
    out = done.stdout + done.stderr
    print(out)
    assert done.returncode == 0, out
    assert not re.search(r"^[EW]: ", out, re.M), out
    # each override follows a comment that says why it is kept
    blocks = re.split(r"\n\s*\n", (REPO / "debian/simwatch.lintian-overrides").read_text())
    for block in blocks:
        lines = [line for line in block.strip().splitlines() if line]
        overrides = [line for line in lines if line.startswith("simwatch: ")]
        if overrides:
            assert lines[0].startswith("#") and lines[-len(overrides) :] == overrides, block


def test_package_fields_come_from_the_project_and_the_binaries(scn):
    info = subprocess.run(["dpkg-deb", "--field", str(scn.deb)], capture_output=True, text=True, check=True).stdout
    fields = dict(re.findall(r"^(\S+): (.*)$", info, re.M))
    assert fields["Package"] == "simwatch" and fields["Version"] == scn.version
    assert scn.deb.name == f"simwatch_{scn.version}_{fields['Architecture']}.deb"
    depends = fields["Depends"]
    for library in ("libc6", "libsqlite3-0", "libsystemd0"):  # from dpkg-shlibdeps, with version bounds
        assert re.search(rf"\b{library} \(>= [^)]+\)", depends), depends
    assert "libcurl4" in fields["Recommends"] and "libssl3" in fields["Recommends"], fields["Recommends"]
    # nothing is enabled or started for every user by the maintainer scripts
    control = scn.work / "control"
    subprocess.run(["dpkg-deb", "--control", str(scn.deb), str(control)], check=True)
    for script in control.iterdir():
        assert "deb-systemd" not in script.read_text(errors="replace"), script.name


def test_apt_installs_it_with_its_dependencies(scn):
    simulated = apt("install", "--simulate", str(scn.deb))
    assert re.search(r"^Inst simwatch ", simulated.stdout, re.M), simulated.stdout
    apt("install", str(scn.deb))
    assert installed_version() == scn.version
    subprocess.run(["apt-get", "check", "-q"], check=True, capture_output=True)
    listed = subprocess.run(["dpkg", "-L", "simwatch"], capture_output=True, text=True, check=True).stdout.split("\n")
    scn.owned = [Path(p) for p in listed if p and Path(p).is_file()]
    for path in (
        "/usr/bin/simwatchd",
        "/usr/bin/simwatchctl",
        "/usr/lib/systemd/user/simwatch.service",
        "/usr/lib/systemd/user/simwatch.socket",
        "/usr/lib/systemd/catalog/simwatch.catalog",
        "/usr/share/man/man1/simwatchd.1.gz",
        "/usr/share/man/man1/simwatchctl.1.gz",
        "/usr/share/bash-completion/completions/simwatchctl",
        "/usr/share/zsh/vendor-completions/_simwatchctl",
        "/usr/share/fish/vendor_completions.d/simwatchctl.fish",
        "/usr/share/doc/simwatch/examples/simwatch.example.toml",
        "/usr/share/doc/simwatch/examples/demo.toml",
        "/usr/share/doc/simwatch/examples/without-user-namespaces.conf",
        "/usr/share/doc/simwatch/operations.md",
        "/usr/share/doc/simwatch/copyright",
    ):
        assert Path(path) in scn.owned, path
    # one version everywhere: Version.swift, the package, simwatchd --version, simwatchctl version
    assert subprocess.run(["/usr/bin/simwatchd", "--version"], capture_output=True, text=True).stdout.strip() == (
        scn.version
    )
    ctl = subprocess.run(["/usr/bin/simwatchctl", "version", "--json"], capture_output=True, text=True)
    assert f'"simwatchctl":"{scn.version}"' in ctl.stdout.replace(" ", ""), ctl.stdout
    unit = Path("/usr/lib/systemd/user/simwatch.service").read_text()
    assert "\nExecStart=/usr/bin/simwatchd\n" in unit and "\nRestartPreventExitStatus=66 78\n" in unit
    # systemd's catalog trigger ran: journalctl -x knows the reminders
    catalog = subprocess.run(["journalctl", "--list-catalog", LOW_DATA], capture_output=True, text=True)
    assert LOW_DATA in catalog.stdout, catalog.stdout + catalog.stderr


def test_first_start_without_a_configuration_says_what_to_do(scn):
    lab = scn.lab
    lab.up()
    started = lab.systemctl("enable", "--now", "simwatch", check=False)
    assert started.returncode != 0  # the start job fails; what matters is how
    lab.wait_for(lambda: scn.state()["ActiveState"] == "failed", 30, "simwatch.service to fail")
    state = scn.state()
    # failed for good, not "activating (auto-restart)": exit 66 is in RestartPreventExitStatus=
    assert (state["SubState"], state["Result"], state["ExecMainStatus"], state["NRestarts"]) == (
        "failed",
        "exit-code",
        "66",
        "0",
    ), state
    def advice_logged() -> list[str]:
        return [m for m in scn.messages() if m.startswith("no configuration file at ~/.config/simwatch/config.toml")]

    advice = lab.wait_for(advice_logged, 15, "the first-start advice in journalctl --user")
    assert len(advice) == 1, scn.messages()  # one start, one message: no restart loop
    assert f"cp {EXAMPLES}/simwatch.example.toml ~/.config/simwatch/config.toml" in advice[0]
    # simwatchctl status says the same, whichever way it finds the daemon missing (the socket still listening and
    # giving up on the service, or gone)
    for _ in range(2):
        status = scn.ctl("status")
        assert status.returncode in (2, 3), status.stdout + status.stderr
        assert f"cp {EXAMPLES}/simwatch.example.toml ~/.config/simwatch/config.toml" in status.stderr, status.stderr
    scn.advice = advice[0]


def test_the_advice_followed_the_packaged_unit_runs_the_demo_and_reminds(scn):
    lab = scn.lab
    commands = [line.strip() for line in scn.advice.splitlines() if line.startswith("  mkdir -p ")]
    assert len(commands) == 1, scn.advice
    lab.sh(commands[0])  # exactly what the journal said
    assert lab.run("cat", str(scn.config)).stdout == (EXAMPLES / "simwatch.example.toml").read_text()
    assert "OK (1 line" in lab.run("simwatchctl", "check-config").stdout
    # the demo configuration instead, for a reminder within seconds (time runs 14 400 times faster)
    lab.sh(f"cp {EXAMPLES}/demo.toml ~/.config/simwatch/config.toml")
    lab.systemctl("enable", "--now", "simwatch")
    lab.wait_for(lambda: scn.state()["ActiveState"] == "active", 30, "simwatch.service to be active")
    reminders = lab.wait_for(scn.reminders, 90, "a reminder of the demo line in journalctl --user")
    r = reminders[0]
    assert r["_SYSTEMD_USER_UNIT"] == "simwatch.service" and r["SIMWATCH_LINE"] == "fr-holiday", r
    assert r["_EXE"] == "/usr/bin/simwatchd", r
    status = scn.ctl("status")
    assert re.match(rf"simwatchd {re.escape(scn.version)}, up ", status.stdout), status.stdout + status.stderr
    version = scn.ctl("version", "--json")
    assert f'"version":"{scn.version}"' in version.stdout.replace(" ", ""), version.stdout
    lab.wait_for(scn.readings, 30, "readings in state.db")


def test_the_drop_in_for_hosts_without_user_namespaces_turns_off_what_needs_them(scn):
    """The packaged unit cannot test each user's kernel as `make install` does: the shipped drop-in gives the same
    settings as make install's reduced unit (test_user_service.py runs that one)."""
    lab = scn.lab
    options = ("PrivateUsers", "PrivateDevices", "ProtectClock", "ProtectKernelModules", "ProtectKernelLogs")
    full = lab.show("simwatch.socket", "CapabilityBoundingSet")["CapabilityBoundingSet"]  # a unit that sets none
    assert lab.show("simwatch", *options)["PrivateUsers"] == "yes"
    dropin = lab.home / ".config/systemd/user/simwatch.service.d"
    lab.sh(f"mkdir -p {dropin} && cp {EXAMPLES}/without-user-namespaces.conf {dropin}/")
    try:
        lab.systemctl("daemon-reload")
        shown = lab.show("simwatch", *options, "CapabilityBoundingSet")
        assert shown == {**{o: "no" for o in options}, "CapabilityBoundingSet": full}, shown
        verify = lab.run("systemd-analyze", "--user", "verify", "simwatch.service", check=False)
        assert verify.returncode == 0, verify.stdout + verify.stderr
        lab.systemctl("restart", "simwatch")
        lab.wait_for(lambda: scn.state()["ActiveState"] == "active", 30, "simwatch.service active with the drop-in")
    finally:
        lab.sh(f"rm -rf {dropin}")
        lab.systemctl("daemon-reload")


def test_a_newer_build_installed_over_it_keeps_configuration_and_state(scn):
    lab = scn.lab
    scn.config_sum = lab.root("sha256sum", str(scn.config)).stdout.split()[0]
    inode = lab.root("stat", "-c", "%i", str(scn.state_db)).stdout.strip()
    before = scn.readings()
    # the same files as a newer version: unpacked, version raised, packed again
    tree, newer = scn.work / "newer", scn.work / f"simwatch_{scn.version}+pkgtest1.deb"
    subprocess.run(["dpkg-deb", "-R", str(scn.deb), str(tree)], check=True)
    control = tree / "DEBIAN/control"
    control.write_text(re.sub(r"^Version: .*$", f"Version: {scn.version}+pkgtest1", control.read_text(), flags=re.M))
    subprocess.run(["dpkg-deb", "--root-owner-group", "-b", str(tree), str(newer)], check=True, capture_output=True)
    apt("install", str(newer))
    assert installed_version() == f"{scn.version}+pkgtest1"

    assert lab.root("sha256sum", str(scn.config)).stdout.split()[0] == scn.config_sum
    assert lab.root("stat", "-c", "%i", str(scn.state_db)).stdout.strip() == inode
    lab.systemctl("restart", "simwatch")
    lab.wait_for(lambda: scn.state()["ActiveState"] == "active", 30, "simwatch.service to be active after restart")
    lab.wait_for(lambda: scn.readings() > before, 30, "new readings added to the kept state.db")
    assert scn.readings() > before > 0
    assert lab.systemctl("is-enabled", "simwatch").stdout.strip() == "enabled"


def test_remove_leaves_the_users_configuration_and_state(scn):
    lab = scn.lab
    lab.systemctl("stop", "simwatch", "simwatch.socket")
    apt("remove", "simwatch")
    assert installed_version() is None
    assert lab.systemctl("is-enabled", "simwatch", check=False).stdout.strip() != "enabled"  # no unit file now
    assert not Path("/usr/bin/simwatchd").exists() and not Path("/usr/lib/systemd/user/simwatch.service").exists()
    assert lab.root("sha256sum", str(scn.config)).stdout.split()[0] == scn.config_sum
    lab.root("test", "-s", str(scn.state_db))


def test_purge_removes_what_the_package_owned_and_nothing_else(scn):
    lab = scn.lab
    # without conffiles, apt remove already left nothing for purge to do: install again, then purge that
    apt("install", str(scn.deb))
    assert installed_version() == scn.version
    home_before = lab.files_under(lab.home)
    apt("purge", "simwatch")
    assert subprocess.run(["dpkg", "-s", "simwatch"], capture_output=True).returncode != 0
    assert scn.owned, "the install test listed the package's files"
    left = [str(p) for p in scn.owned if p.exists()]
    assert left == [], left
    assert not Path("/usr/share/doc/simwatch").exists()
    catalog = subprocess.run(["journalctl", "--list-catalog", LOW_DATA], capture_output=True, text=True)
    assert LOW_DATA not in catalog.stdout, catalog.stdout  # the trigger ran again
    # the user's files are as they were: configuration, state, the enable links (their own to remove)
    assert lab.files_under(lab.home) == home_before
    assert lab.root("sha256sum", str(scn.config)).stdout.split()[0] == scn.config_sum
    lab.root("test", "-s", str(scn.state_db))
