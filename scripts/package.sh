#!/usr/bin/env bash
# Packages the release build: a Debian package, or a tarball for other distributions.
#
#   scripts/package.sh version   the project's version (SimwatchVersion.current in Sources/SimwatchModel/Version.swift)
#   scripts/package.sh deb       simwatch_VERSION_ARCH.deb in the source tree (what `make deb` runs)
#   scripts/package.sh dist      simwatch-VERSION-linux-ARCH.tar.gz in the source tree (what `make dist` runs)
#
# OUT_DIR (default: the source tree) is where the .deb or the tarball is written.
# Both take the release build in .build/release (make deb and make dist build it first) and put the files in place
# with scripts/install.sh, so the package, the tarball and `make install` install the same things. The version has
# one source, Version.swift: `simwatchd --version`, `simwatchctl version` and the packages all read it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
OUT_DIR=${OUT_DIR:-$root}

say() { echo "package: $*"; }
die() {
    echo "package: error: $*" >&2
    exit 1
}

version() {
    local v
    v=$(sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/SimwatchModel/Version.swift)
    [[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+([~+.][0-9A-Za-z.~+]*)?$ ]] ||
        die "no version (a.b.c) in Sources/SimwatchModel/Version.swift: found '$v'"
    echo "$v"
}

# The release binaries, and that they say the version the package will carry.
check_build() {
    local v=$1 tool said
    for tool in simwatchd simwatchctl; do
        [[ -x .build/release/$tool ]] || die ".build/release/$tool is missing: run 'make build'"
    done
    said=$(.build/release/simwatchd --version)
    [[ $said == "$v" ]] || die "simwatchd --version says '$said', Version.swift '$v': rebuild with 'make build'"
    said=$(.build/release/simwatchctl --version)
    [[ $said == "$v" ]] || die "simwatchctl --version says '$said', Version.swift '$v': rebuild with 'make build'"
}

# The commit's date (reproducible), else now, in the changelog's RFC 2822 form.
release_date() {
    git log -1 --format=%cD 2>/dev/null || date -R
}

cmd_deb() {
    command -v dpkg-buildpackage >/dev/null || die "dpkg-buildpackage is missing (apt install dpkg-dev debhelper)"
    command -v dh >/dev/null || die "debhelper is missing (apt install debhelper)"
    local v arch work commit
    v=$(version)
    check_build "$v"
    arch=$(dpkg --print-architecture)
    work=.build/deb
    rm -rf "$work"
    mkdir -p "$work/simwatch-$v"
    cp -a debian "$work/simwatch-$v/debian"
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo "an unknown commit")
    # The changelog, and with it the package's version, is written from Version.swift: no second place to edit.
    cat >"$work/simwatch-$v/debian/changelog" <<CHANGELOG
simwatch ($v) unstable; urgency=medium

  * simwatch $v, built from commit $commit.

 -- $(sed -n 's/^Maintainer: //p' debian/control)  $(release_date)
CHANGELOG
    say "dpkg-buildpackage in $work/simwatch-$v (log: $work/build.log)"
    if ! (cd "$work/simwatch-$v" && SIMWATCH_SOURCE=$root dpkg-buildpackage -b -us -uc) >"$work/build.log" 2>&1; then
        tail -n 40 "$work/build.log" >&2
        die "dpkg-buildpackage failed (whole log: $work/build.log)"
    fi
    local deb=simwatch_${v}_$arch.deb
    [[ -f $work/$deb ]] || die "dpkg-buildpackage made no $work/$deb"
    cp "$work/$deb" "$OUT_DIR/$deb"
    say "built $OUT_DIR/$deb"
    dpkg-deb --field "$OUT_DIR/$deb" Version Depends Recommends | sed 's/^/package:   /'
}

cmd_dist() {
    local v arch name stage
    v=$(version)
    check_build "$v"
    arch=$(uname -m)
    name=simwatch-$v-linux-$arch
    stage=.build/dist/$name
    rm -rf .build/dist
    mkdir -p "$stage"
    # The files as the package has them, under /usr/local; the tarball's install.sh moves them to its PREFIX.
    env PREFIX=/usr/local DESTDIR="$root/$stage/files" EXAMPLEDIR=/usr/local/share/doc/simwatch/examples \
        MANIFEST= USERNS=yes HOME="$root/$stage/no-home" scripts/install.sh install >/dev/null
    rm -rf "$stage/no-home"
    cp scripts/dist-install.sh "$stage/install.sh"
    chmod 0755 "$stage/install.sh"
    libraries "$v" >"$stage/LIBRARIES"
    echo "$v" >"$stage/VERSION"
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$(git log -1 --format=%ct 2>/dev/null || date +%s)" \
        -C .build/dist -czf "$OUT_DIR/$name.tar.gz" "$name"
    say "built $OUT_DIR/$name.tar.gz"
    sed 's/^/package:   /' "$stage/LIBRARIES"
}

# The system libraries the binaries need, read from them (NEEDED entries, the newest glibc symbol version), and the
# ones simwatchd opens with dlopen when it first needs them.
libraries() {
    local v=$1 tool needed glibc
    command -v objdump >/dev/null || die "objdump is missing (apt install binutils)"
    echo "simwatch $v: system libraries"
    echo
    for tool in simwatchd simwatchctl; do
        # Read whole, not piped into `grep -q`: its early exit would fail the pipeline (pipefail) at random.
        needed=$(objdump -p ".build/release/$tool" | awk '/NEEDED/ { print "  " $2 }')
        glibc=$(objdump -T ".build/release/$tool" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1 || true)
        if [[ -n $needed ]]; then
            echo "$tool needs (linked; ${glibc:-GLIBC_?} or newer):"
            echo "$needed"
        else
            echo "$tool needs nothing: it is one static executable."
        fi
    done
    cat <<'TEXT'
simwatchd opens these with dlopen when it first needs them (optional):
  libcurl.so.4     HTTP providers and channels (Airalo, 1NCE, JSON sources, webhooks, ntfy)
  libcrypto.so.3   webhook signatures (OpenSSL 3)
  and a CA store for libcurl (ca-certificates)
It runs as a systemd user service (systemd 252 or newer); desktop notices need a session bus, the modemmanager
provider ModemManager on the system bus, e-mail a sendmail (msmtp).
On Debian and Ubuntu: libsqlite3-0 libsystemd0 libstdc++6 libgcc-s1, and libcurl4 libssl3 ca-certificates.
On Fedora: sqlite-libs systemd-libs libstdc++ libgcc, and libcurl openssl-libs ca-certificates.
TEXT
}

case ${1:-} in
version) version ;;
deb) cmd_deb ;;
dist) cmd_dist ;;
*)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
