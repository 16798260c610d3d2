"""`make dist`'s tarball, as someone on another distribution uses it: unpack, `./install.sh` under a prefix, then
`./install.sh uninstall`. Uses the release build (make test builds it); needs no root (it installs into DESTDIR)."""

import os
import re
import subprocess
import tarfile
from pathlib import Path

import pytest
from userlab import REPO

RELEASE = REPO / ".build" / "release"


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    if not all((RELEASE / tool).is_file() for tool in ("simwatchd", "simwatchctl")):
        pytest.fail(f"no release build at {RELEASE}: run `make build` (make test builds it)", pytrace=False)
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [str(REPO / "scripts/package.sh"), "dist"],
        env=dict(os.environ, OUT_DIR=str(out)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    version = subprocess.run([str(REPO / "scripts/package.sh"), "version"], capture_output=True, text=True).stdout
    tarballs = list(out.glob("simwatch-*.tar.gz"))
    assert [t.name for t in tarballs] == [f"simwatch-{version.strip()}-linux-{os.uname().machine}.tar.gz"]
    with tarfile.open(tarballs[0]) as tar:
        assert all(m.uid == 0 and m.gid == 0 for m in tar.getmembers())
        tar.extractall(out)
    return out / tarballs[0].name.removesuffix(".tar.gz")


def install(unpacked: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(unpacked / "install.sh"), *args],
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_libraries_lists_what_the_binaries_link_and_open(unpacked):
    libraries = (unpacked / "LIBRARIES").read_text()
    for soname in ("libsqlite3.so.0", "libsystemd.so.0", "libc.so.6"):
        assert re.search(rf"^  {re.escape(soname)}$", libraries, re.M), libraries
    assert re.search(r"^simwatchd needs \(linked; GLIBC_2\.\d+ or newer\):$", libraries, re.M), libraries
    assert "simwatchctl needs nothing: it is one static executable." in libraries
    assert "libcurl.so.4" in libraries and "libcrypto.so.3" in libraries


def test_install_under_a_prefix_then_uninstall_leaves_nothing(unpacked, tmp_path):
    dest = tmp_path / "root"
    done = install(unpacked, PREFIX="/opt/simwatch", DESTDIR=str(dest), UNITDIR="/etc/systemd/user")
    assert done.returncode == 0, done.stdout + done.stderr
    prefix = dest / "opt/simwatch"
    version = (unpacked / "VERSION").read_text().strip()
    said = subprocess.run([str(prefix / "bin/simwatchd"), "--version"], capture_output=True, text=True)
    assert said.stdout.strip() == version
    unit = (dest / "etc/systemd/user/simwatch.service").read_text()
    assert "\nExecStart=/opt/simwatch/bin/simwatchd\n" in unit
    assert "file:///opt/simwatch/share/doc/simwatch/journal.md" in (
        prefix / "lib/systemd/catalog/simwatch.catalog"
    ).read_text()
    assert (prefix / "share/doc/simwatch/examples/simwatch.example.toml").is_file()
    assert "/usr/local" not in (prefix / "share/man/man1/simwatchd.1").read_text()
    assert "/opt/simwatch/share/doc/simwatch/examples/simwatch.example.toml" in done.stdout

    done = install(unpacked, "uninstall", PREFIX="/opt/simwatch", DESTDIR=str(dest), UNITDIR="/etc/systemd/user")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [p for p in dest.rglob("*")] == [], "uninstall removes the files and the directories install made"


def test_a_unit_directory_systemd_does_not_read_is_warned_about(unpacked, tmp_path):
    done = install(unpacked, PREFIX="/opt/simwatch", DESTDIR=str(tmp_path / "root"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "warning: systemd does not look for user units in /opt/simwatch/lib/systemd/user" in done.stdout
