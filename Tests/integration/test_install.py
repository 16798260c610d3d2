"""`make install` and `make uninstall` into throw-away directories, and what they install: the units (verified and
scored by systemd-analyze), the man pages, the completions and the journal message catalog.

The user-service tests (test_user_service.py) run the installed service under a real user manager; these check
the installed files themselves, for a home install and for a packager's install (PREFIX=/usr DESTDIR=...).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RELEASE = REPO / ".build" / "release"
MESSAGE_ID = re.compile(r"\b[0-9a-f]{32}\b")
# The settings scripts/install.sh reads; the tests pass their own, never the environment's.
INSTALL_VARS = set(
    "PREFIX DESTDIR BINDIR DATADIR MANDIR DOCDIR UNITDIR CATALOGDIR CONFIGDIR BUILD_DIR STRIP USERNS XDG_CONFIG_HOME "
    "MAKEFLAGS MAKELEVEL MFLAGS".split()
)


def make(target: str, home: Path, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in INSTALL_VARS}
    env["HOME"] = str(home)
    env["XDG_RUNTIME_DIR"] = str(home / "no-runtime-dir")  # no user manager to tell: install must not need one
    args = ["make", "--no-print-directory", "-C", str(REPO), target] + [f"{k}={v}" for k, v in variables.items()]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"make {target} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A home directory with simwatch installed in it the default way (PREFIX=~/.local)."""
    home = tmp_path_factory.mktemp("home")
    make("install", home)
    return home


def expected_tools() -> list[str]:
    return ["simwatchd", "simwatchctl"]


def test_home_install_puts_each_file_in_its_place(home):
    local = home / ".local"
    for tool in expected_tools():
        assert os.access(local / "bin" / tool, os.X_OK)
        assert (local / "share/man/man1" / f"{tool}.1").is_file()
        assert (local / "share/bash-completion/completions" / tool).is_file()
        assert (local / "share/zsh/site-functions" / f"_{tool}").is_file()
        assert (local / "share/fish/vendor_completions.d" / f"{tool}.fish").is_file()
    units = home / ".config/systemd/user"
    assert (units / "simwatch.service").is_file() and (units / "simwatch.socket").is_file()
    assert (local / "lib/systemd/catalog/simwatch.catalog").is_file()
    for doc in ["README.md", "configuration.md", "journal.md", "operations.md", "simwatch.example.toml"]:
        assert (local / "share/doc/simwatch" / doc).is_file(), doc
    config = home / ".config/simwatch/config.toml"
    assert config.read_text() == (REPO / "config/simwatch.example.toml").read_text()
    assert config.stat().st_mode & 0o777 == 0o600
    service = (units / "simwatch.service").read_text()
    assert "\nExecStart=%h/.local/bin/simwatchd\n" in service
    assert "@DOCDIR@" not in (local / "lib/systemd/catalog/simwatch.catalog").read_text()


def test_installed_binary_needs_no_toolchain(home):
    linked = subprocess.run(["ldd", home / ".local/bin/simwatchd"], capture_output=True, text=True).stdout
    assert "libswift" not in linked and "/opt/swift" not in linked, linked
    version = subprocess.run([home / ".local/bin/simwatchd", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip()


def test_reinstall_keeps_the_users_configuration(home):
    config = home / ".config/simwatch/config.toml"
    config.write_text("# mine\n")
    done = make("install", home)
    assert config.read_text() == "# mine\n"
    assert f"kept your configuration {config}" in done.stdout


def test_uninstall_removes_what_install_added_and_nothing_else(tmp_path):
    home = tmp_path / "home"
    (home / ".local/bin").mkdir(parents=True)
    (home / ".local/bin/other-tool").write_text("#!/bin/sh\n")
    (home / ".config/systemd/user").mkdir(parents=True)
    (home / ".config/systemd/user/other.service").write_text("[Service]\nExecStart=/bin/true\n")
    before = tree(home)
    make("install", home)
    state = home / ".local/state/simwatch"
    state.mkdir(parents=True)
    (state / "state.db").write_text("the user's state")
    make("uninstall", home)
    left = tree(home) - before
    assert left == {
        ".config/simwatch",
        ".config/simwatch/config.toml",
        ".local/state",
        ".local/state/simwatch",
        ".local/state/simwatch/state.db",
    }, sorted(left)
    assert before <= tree(home)


def test_uninstall_keeps_a_file_changed_since_install(tmp_path):
    home = tmp_path / "home"
    make("install", home)
    unit = home / ".config/systemd/user/simwatch.service"
    unit.write_text(unit.read_text() + "\n# a local change\n")
    done = make("uninstall", home)
    assert unit.is_file()
    assert f"kept {unit}: it changed since it was installed" in done.stdout
    assert not (home / ".local/bin/simwatchd").exists()


def test_packager_install_into_destdir(tmp_path):
    home, dest = tmp_path / "home", tmp_path / "pkg"
    home.mkdir()
    make("install", home, PREFIX="/usr", DESTDIR=str(dest))
    files = tree(dest)
    assert "usr/bin/simwatchd" in files
    assert "usr/lib/systemd/user/simwatch.service" in files and "usr/lib/systemd/user/simwatch.socket" in files
    assert "usr/lib/systemd/catalog/simwatch.catalog" in files
    assert "usr/share/man/man1/simwatchd.1" in files
    assert "usr/share/bash-completion/completions/simwatchd" in files
    assert "usr/share/doc/simwatch/simwatch.example.toml" in files
    assert "\nExecStart=/usr/bin/simwatchd\n" in (dest / "usr/lib/systemd/user/simwatch.service").read_text()
    catalog = (dest / "usr/lib/systemd/catalog/simwatch.catalog").read_text()
    assert "file:///usr/share/doc/simwatch/journal.md" in catalog
    assert tree(home) == set(), "a packager's install must not write into anyone's home"
    make("uninstall", home, PREFIX="/usr", DESTDIR=str(dest))
    assert tree(dest) == set()


def test_without_user_namespaces_the_unit_leaves_out_what_needs_them(tmp_path):
    home = tmp_path / "home"
    done = make("install", home, USERNS="no")
    assert "reduced sandbox" in done.stdout
    unit = (home / ".config/systemd/user/simwatch.service").read_text()
    for option in ("PrivateUsers", "CapabilityBoundingSet", "PrivateDevices", "ProtectClock", "ProtectKernelModules"):
        assert f"\n{option}=" not in unit
    assert "\nSystemCallFilter=@system-service\n" in unit and "\nNoNewPrivileges=yes\n" in unit
    assert "# make install: user namespaces are not available to you here" in unit
    make("uninstall", home)
    assert tree(home) == {".config", ".config/simwatch", ".config/simwatch/config.toml"}


def runtime_env(home: Path, tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return dict(
        os.environ,
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),  # systemd-analyze --user needs one, even offline
        PATH=f"{home}/.local/bin:{os.environ['PATH']}",
        MANPATH=f"{home}/.local/share/man:",
    )


def test_installed_units_verify_clean(home, tmp_path):
    units = home / ".config/systemd/user"
    done = subprocess.run(
        ["systemd-analyze", "--user", "verify", units / "simwatch.service", units / "simwatch.socket"],
        env=runtime_env(home, tmp_path),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stdout == "" and done.stderr == "", done.stdout + done.stderr


def exposure(unit: Path, env: dict[str, str]) -> float:
    done = subprocess.run(
        ["systemd-analyze", "security", "--user", "--offline=true", unit], env=env, capture_output=True, text=True
    )
    found = re.search(r"Overall exposure level for simwatch\.service: (\d+\.\d+)", done.stdout)
    assert found, done.stdout + done.stderr
    return float(found.group(1))


def test_service_exposure_is_low_and_documented(home, tmp_path):
    score = exposure(home / ".config/systemd/user/simwatch.service", runtime_env(home, tmp_path))
    assert score <= 2.5
    operations = (REPO / "docs/operations.md").read_text()
    assert f"exposure level for simwatch.service: {score}" in operations, (
        f"docs/operations.md must report the exposure figure systemd-analyze gives now ({score})"
    )


def test_man_pages_are_clean_and_cover_every_option(home):
    for tool in expected_tools():
        page = home / f".local/share/man/man1/{tool}.1"
        lint = subprocess.run(["groff", "-man", "-ww", "-z", "-Tutf8", page], capture_output=True, text=True)
        assert lint.returncode == 0 and lint.stderr == "", lint.stderr
        rendered = subprocess.run(
            ["man", "-l", page], env=dict(os.environ, MANWIDTH="200", MAN_KEEP_FORMATTING="0"), capture_output=True
        ).stdout.decode()
        rendered = re.sub(r".\x08", "", rendered)
        helptext = subprocess.run([RELEASE / tool, "--help"], capture_output=True, text=True).stdout
        for option in set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", helptext)):
            assert option in rendered, f"{tool}.1 does not mention {option}"
        dump = json.loads(subprocess.run([RELEASE / tool, "--experimental-dump-help"], capture_output=True).stdout)
        for sub in dump["command"].get("subcommands") or []:
            if sub["commandName"] == "help":
                continue
            heading = ".SS " + sub["commandName"].replace("-", "\\-") + "\n"
            assert heading in page.read_text(), f"{tool}.1 has no section for {sub['commandName']}"
            subhelp = subprocess.run([RELEASE / tool, sub["commandName"], "--help"], capture_output=True, text=True)
            for option in set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", subhelp.stdout)) - {"--help"}:
                assert option in rendered, f"{tool}.1 does not mention {sub['commandName']} {option}"
    page = (home / ".local/share/man/man1/simwatchd.1").read_text()
    for section in ("CONFIGURATION", "SIGNALS", "EXIT STATUS", "ENVIRONMENT", "SYSTEMD", "SEE ALSO"):
        assert f".SH {section}" in page


def test_completions_load(home):
    share = home / ".local/share"
    for tool in expected_tools():
        bash = share / f"bash-completion/completions/{tool}"
        done = subprocess.run(["bash", "-c", f"source {bash} && complete -p {tool}"], capture_output=True, text=True)
        assert done.returncode == 0 and tool in done.stdout, done.stderr
        assert (share / f"zsh/site-functions/_{tool}").read_text().startswith(f"#compdef {tool}")
        assert f"complete -c '{tool}'" in (share / f"fish/vendor_completions.d/{tool}.fish").read_text()


def message_ids_in_docs() -> set[str]:
    return set(MESSAGE_ID.findall((REPO / "docs/journal.md").read_text()))


def test_catalog_has_an_entry_for_every_message_id():
    catalog = (REPO / "systemd/simwatch.catalog").read_text()
    entries = set(re.findall(r"^-- ([0-9a-f]{32})$", catalog, re.MULTILINE))
    source = (REPO / "Sources/SimwatchCore/Reminders/ReminderKind.swift").read_text()
    assert message_ids_in_docs() == entries == set(MESSAGE_ID.findall(source))


@pytest.mark.skipif(shutil.which("journalctl") is None, reason="journalctl missing")
def test_catalog_compiles_with_journalctl(home, tmp_path):
    root = tmp_path / "root"
    catalogs = root / "usr/lib/systemd/catalog"
    catalogs.mkdir(parents=True)
    shutil.copy(home / ".local/lib/systemd/catalog/simwatch.catalog", catalogs)
    done = subprocess.run(["journalctl", f"--root={root}", "--update-catalog"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(["journalctl", f"--root={root}", "--list-catalog"], capture_output=True, text=True)
    assert set(MESSAGE_ID.findall(listed.stdout)) == message_ids_in_docs(), listed.stdout
    assert "simwatch: @SIMWATCH_LINE_NAME@ is running low on data" in listed.stdout
