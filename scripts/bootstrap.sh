#!/usr/bin/env bash
# Installs what simwatch needs to build, test or demo, and only what is missing.
#
#   scripts/bootstrap.sh [build|unit|install|deb|test|demo|bench|all]    (default: all)
#
# Idempotent: when everything is present it prints nothing and returns at once.
# Prints one line per thing it installs. Needs root (or sudo) only when something is missing.
set -euo pipefail

mode="${1:-all}"
case "$mode" in
build | unit | install | deb | test | demo | bench | all) ;;
-h | --help)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
*)
    echo "bootstrap: unknown mode '$mode' (expected build, unit, install, deb, test, demo, bench or all)" >&2
    exit 2
    ;;
esac

# Swift is not an apt package here: it lives in /opt/swift. Say so plainly when it is missing.
if ! command -v swift >/dev/null 2>&1; then
    if [[ -x /opt/swift/usr/bin/swift ]]; then
        echo "bootstrap: swift is not on PATH; add it with: export PATH=\"/opt/swift/usr/bin:\$PATH\"" >&2
    else
        echo "bootstrap: swift not found (expected a Swift 6.3 toolchain at /opt/swift/usr/bin); install it first" >&2
    fi
    exit 1
fi

apt_wanted=()   # packages to install
apt_why=()      # one reason per package, printed after a successful install

want_pkg() { # want_pkg PACKAGE REASON
    local status
    status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        apt_wanted+=("$1")
        apt_why+=("$2")
    fi
}

need_build() {
    command -v git >/dev/null 2>&1 || want_pkg git "git (SwiftPM dependency checkouts)"
    want_pkg libsystemd-dev "libsystemd-dev (sd_journal/sd_notify headers, CSystemd)"
    want_pkg libsqlite3-dev "libsqlite3-dev (sqlite3.h and libsqlite3, CSQLite)"
    command -v pkg-config >/dev/null 2>&1 || want_pkg pkg-config "pkg-config (SwiftPM system library lookup)"
}

# simwatchd opens these with dlopen when it first needs them (no headers, no link): libcurl for HTTP providers
# and channels (and the HTTP unit tests), libcrypto for webhook signatures, the CA store for TLS.
need_runtime() {
    want_pkg libcurl4 "libcurl4 (libcurl.so.4: HTTP for providers and channels)"
    want_pkg libssl3 "libssl3 (libcrypto.so.3: webhook signatures)"
    want_pkg ca-certificates "ca-certificates (the CA store libcurl verifies TLS against)"
}

need_journald() {
    if [[ ! -x /lib/systemd/systemd-journald ]] || ! command -v journalctl >/dev/null 2>&1; then
        want_pkg systemd "systemd (systemd-journald and journalctl)"
    fi
}

python_has_pytest() {
    command -v python3 >/dev/null 2>&1 && python3 -m pytest --version >/dev/null 2>&1
}

system_python() { # true when python3 is Debian's, so that python3-pytest is what it imports
    [[ "$(python3 -c 'import sys; print(sys.prefix)' 2>/dev/null)" == /usr ]]
}

need_python_tests() {
    if ! command -v python3 >/dev/null 2>&1; then
        want_pkg python3 "python3 (integration tests)"
        want_pkg python3-pytest "python3-pytest (integration tests)"
    elif ! python_has_pytest && system_python; then
        want_pkg python3-pytest "python3-pytest (integration tests)"
    fi
}

# Unit tests: the Mustache renderer is checked against pystache, an independent implementation, run by python3
# (apt for Debian's python3, pip below for another).
need_unit_tests() {
    if ! command -v python3 >/dev/null 2>&1; then
        want_pkg python3 "python3 (runs pystache for the Mustache differential test)"
        want_pkg python3-pystache "python3-pystache (the Mustache differential test)"
    elif system_python && ! python3 -c 'import pystache' >/dev/null 2>&1; then
        want_pkg python3-pystache "python3-pystache (the Mustache differential test)"
    elif ! system_python && ! python3 -m pip --version >/dev/null 2>&1; then
        echo "bootstrap: $(command -v python3) has no pip to install pystache" >&2
        exit 1
    fi
}

# make install writes the man pages with a Python script (standard library only).
need_install() {
    command -v python3 >/dev/null 2>&1 || want_pkg python3 "python3 (make install writes the man pages)"
}

# make deb builds with dpkg-buildpackage and debhelper; the package test checks the package with lintian and
# installs it with apt (Tests/integration/test_package.py). Only on Debian and its derivatives.
need_deb() {
    command -v dpkg >/dev/null 2>&1 || return 0
    command -v dpkg-buildpackage >/dev/null 2>&1 || want_pkg dpkg-dev "dpkg-dev (dpkg-buildpackage, dpkg-shlibdeps: make deb)"
    command -v dh >/dev/null 2>&1 || want_pkg debhelper "debhelper (make deb)"
    command -v lintian >/dev/null 2>&1 || want_pkg lintian "lintian (checks the package in the package test)"
}

# Test-only extras: setpriv (util-linux) for the second-uid test, systemd-socket-activate (systemd), and pip for
# PyPI's varlink client (installed below, after apt). The user-service tests (Tests/integration/test_user_service.py)
# run a real `systemd --user` for a throwaway user (scripts/user-manager.sh): useradd (passwd), unshare/nsenter
# (util-linux), the user manager (systemd), its session bus (dbus-user-session), a system bus (dbus-daemon), groff to
# check the man pages, and a /usr/bin/python3 for the lab user's `make install` (the tests' python3 may be pyenv's).
need_test_extras() {
    command -v setpriv >/dev/null 2>&1 || want_pkg util-linux "util-linux (setpriv, for the peer-uid test)"
    command -v systemd-socket-activate >/dev/null 2>&1 || want_pkg systemd "systemd (systemd-socket-activate)"
    if system_python && ! python3 -m pip --version >/dev/null 2>&1; then
        want_pkg python3-pip "python3-pip (to install PyPI's varlink client)"
    fi
    command -v useradd >/dev/null 2>&1 || want_pkg passwd "passwd (useradd, for the user-service tests)"
    [[ -x /lib/systemd/systemd ]] || want_pkg systemd "systemd (the user manager)"
    want_pkg dbus-user-session "dbus-user-session (the user manager's session bus)"
    command -v dbus-daemon >/dev/null 2>&1 || want_pkg dbus-daemon "dbus-daemon (a system bus for the lab)"
    command -v groff >/dev/null 2>&1 || want_pkg groff-base "groff-base (checks the man pages)"
    [[ -x /usr/bin/python3 ]] || want_pkg python3 "python3 (the lab user's make install)"
    need_channel_tests
}

# Channel tests: msmtp as the sendmail (msmtp-mta, or plain msmtp beside another MTA), an SMTP sink (aiosmtpd: apt
# for Debian's python3, pip below for another), a private session bus (dbus-daemon) and python-dbusmock's
# notification server, run by whichever of python3 and /usr/bin/python3 imports it.
need_channel_tests() {
    if ! command -v msmtp >/dev/null 2>&1; then
        if [[ -e /usr/sbin/sendmail ]]; then
            want_pkg msmtp "msmtp (sendmail for the email tests)"
        else
            want_pkg msmtp-mta "msmtp-mta (msmtp as /usr/sbin/sendmail, for the email tests)"
        fi
    fi
    command -v dbus-daemon >/dev/null 2>&1 || want_pkg dbus-daemon "dbus-daemon (private session bus, desktop tests)"
    if ! python3 -c 'import dbusmock' >/dev/null 2>&1 && ! /usr/bin/python3 -c 'import dbusmock' >/dev/null 2>&1; then
        want_pkg python3-dbusmock "python3-dbusmock (notification server for the desktop tests)"
    fi
    if system_python && ! python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
        want_pkg python3-aiosmtpd "python3-aiosmtpd (SMTP sink for the email tests)"
    fi
    need_fleet_tests
}

# Fleet tests: a real Prometheus scrapes the metrics endpoint (Tests/integration/test_metrics.py), and two real
# Alertmanagers in a cluster take the alertmanager channel's alerts (test_alertmanager.py); both on loopback.
need_fleet_tests() {
    command -v prometheus >/dev/null 2>&1 || want_pkg prometheus "prometheus (scrapes /metrics in the metrics test)"
    command -v prometheus-alertmanager >/dev/null 2>&1 ||
        want_pkg prometheus-alertmanager "prometheus-alertmanager (the alertmanager channel's tests)"
}

# Provider tests: iproute2 (veth pair in network namespaces), dbus-daemon (a private bus for ModemManager's mock)
# and python-dbusmock. Debian's python3 takes python3-dbusmock from apt; another python3 (pyenv) builds dbus-python
# from PyPI, which needs libdbus and GLib headers and a C compiler.
need_provider_tests() {
    command -v ip >/dev/null 2>&1 || want_pkg iproute2 "iproute2 (ip netns and veth, for the counters test)"
    command -v dbus-daemon >/dev/null 2>&1 || want_pkg dbus-daemon "dbus-daemon (a private bus for the ModemManager test)"
    if system_python; then
        want_pkg python3-dbusmock "python3-dbusmock (mock ModemManager)"
    elif ! python3 -c "import dbusmock" >/dev/null 2>&1; then
        want_pkg libdbus-1-dev "libdbus-1-dev (to build dbus-python for python-dbusmock)"
        want_pkg libglib2.0-dev "libglib2.0-dev (to build dbus-python for python-dbusmock)"
        command -v cc >/dev/null 2>&1 || want_pkg gcc "gcc (to build dbus-python for python-dbusmock)"
    fi
}

# make bench measures simwatchd beside Debian's vnstatd and monit, times commands with hyperfine, finds the
# interface and the loopback server's port with iproute2, and runs the fleet case against nginx beside wrk.
need_bench() {
    command -v vnstatd >/dev/null 2>&1 || want_pkg vnstat "vnstat (vnstatd, a peer for make bench)"
    command -v monit >/dev/null 2>&1 || want_pkg monit "monit (a peer for make bench)"
    command -v hyperfine >/dev/null 2>&1 || want_pkg hyperfine "hyperfine (times simwatchctl status in make bench)"
    command -v ip >/dev/null 2>&1 || want_pkg iproute2 "iproute2 (ip and ss, for make bench)"
    command -v python3 >/dev/null 2>&1 || want_pkg python3 "python3 (make bench's loopback API and figures)"
    # The fleet case (scripts/bench-fleet.sh): nginx serves the loopback provider API, wrk drives it alongside.
    command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || want_pkg nginx "nginx (the fleet bench's loopback API)"
    command -v wrk >/dev/null 2>&1 || want_pkg wrk "wrk (the fleet bench's yardstick for request rates)"
    command -v curl >/dev/null 2>&1 || want_pkg curl "curl (the fleet bench waits for nginx with it)"
}

# pip_install MODULE PACKAGE: PyPI packages the tests import, for whichever python3 runs them.
pip_install() {
    python3 -c "import $1" >/dev/null 2>&1 && return 0
    local flags=(--quiet)
    # Debian's own python3 refuses pip installs without this (PEP 668); pyenv and venv pythons do not need it.
    system_python && flags+=(--break-system-packages)
    python3 -m pip install "${flags[@]}" "$2"
    python3 -c "import $1" >/dev/null 2>&1 || {
        echo "bootstrap: $2 is still not importable by $(command -v python3)" >&2
        exit 1
    }
    echo "bootstrap: installed $2 (pip, for $(command -v python3))"
}

case "$mode" in
build) need_build ;;
unit)
    need_build
    need_unit_tests
    ;;
install)
    need_build
    need_runtime
    need_install
    ;;
deb)
    need_build
    need_install
    need_deb
    ;;
demo)
    need_build
    need_runtime
    need_journald
    ;;
bench)
    need_build
    need_runtime
    need_install
    need_bench
    ;;
test | all)
    need_build
    need_unit_tests
    need_runtime
    need_journald
    need_python_tests
    need_install
    need_test_extras
    need_provider_tests
    need_deb
    ;;
esac

if ((${#apt_wanted[@]} > 0)); then
    sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "bootstrap: need root to install: ${apt_wanted[*]}" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq >/dev/null
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${apt_wanted[@]}" >/dev/null
    for why in "${apt_why[@]}"; do
        echo "bootstrap: installed $why"
    done
fi

# python3 may be a pyenv interpreter that cannot see Debian's python3-pytest: fall back to pip.
if [[ "$mode" == test || "$mode" == all ]] && ! python_has_pytest; then
    python3 -m pip install --quiet pytest
    python_has_pytest || {
        echo "bootstrap: pytest is still not importable by $(command -v python3)" >&2
        exit 1
    }
    echo "bootstrap: installed pytest (pip, for $(command -v python3))"
fi

if [[ "$mode" == unit || "$mode" == test || "$mode" == all ]]; then
    pip_install pystache pystache
fi

if [[ "$mode" == test || "$mode" == all ]]; then
    pip_install varlink varlink
    pip_install aiosmtpd aiosmtpd
    pip_install dbusmock python-dbusmock
fi
