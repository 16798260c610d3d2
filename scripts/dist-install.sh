#!/bin/sh
# simwatch from its release tarball (`make dist`): installs the files under a prefix, or removes what it installed.
# This is the tarball's install.sh; LIBRARIES beside it lists the system libraries simwatch needs.
#
#   ./install.sh install      (or no argument)
#   ./install.sh uninstall    removes exactly the files install listed; never anyone's configuration or state
#
# Settings (environment): PREFIX (/usr/local), DESTDIR (empty; prepended to every path written),
# UNITDIR ($PREFIX/lib/systemd/user), CATALOGDIR ($PREFIX/lib/systemd/catalog).
# systemd finds user units in /usr/lib/systemd/user, /usr/local/lib/systemd/user and /etc/systemd/user: with
# another PREFIX, set UNITDIR=/etc/systemd/user. The list of what was written: $PREFIX/share/simwatch/install-manifest.
# Plain POSIX sh, so that it runs on routers and phones without bash.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$here/files/usr/local

say() { echo "simwatch: $*"; }
die() {
    echo "simwatch: error: $*" >&2
    exit 1
}

PREFIX=${PREFIX:-/usr/local}
while [ "$PREFIX" != / ] && [ "${PREFIX%/}" != "$PREFIX" ]; do PREFIX=${PREFIX%/}; done
DESTDIR=${DESTDIR:-}
DESTDIR=${DESTDIR%/}
case $PREFIX in /*) ;; *) die "PREFIX must be an absolute path, not '$PREFIX'" ;; esac
UNITDIR=${UNITDIR:-$PREFIX/lib/systemd/user}
CATALOGDIR=${CATALOGDIR:-$PREFIX/lib/systemd/catalog}
MANIFEST=$PREFIX/share/simwatch/install-manifest

# make_dirs DIR: creates DIR and its missing parents under DESTDIR, listing each one it made in $list.dirs.
make_dirs() {
    missing=""
    dir=$1
    while [ "$dir" != / ] && [ ! -d "$DESTDIR$dir" ]; do
        missing="$dir
$missing"
        dir=$(dirname "$dir")
    done
    printf '%s' "$missing" | while IFS= read -r dir; do
        [ -n "$dir" ] || continue
        mkdir -m 0755 "$DESTDIR$dir"
        echo "dir $dir" >>"$list.dirs"
    done
}

# target REL: where the file files/usr/local/REL goes.
target() {
    case $1 in
    lib/systemd/user/*) echo "$UNITDIR/${1#lib/systemd/user/}" ;;
    lib/systemd/catalog/*) echo "$CATALOGDIR/${1#lib/systemd/catalog/}" ;;
    *) echo "$PREFIX/$1" ;;
    esac
}

# The linked libraries LIBRARIES lists ("  libfoo.so.1" lines), each checked with ldconfig; a missing one is named.
check_libraries() {
    command -v ldconfig >/dev/null 2>&1 || [ -x /sbin/ldconfig ] || return 0
    known=$( (ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null) | awk '{ print $1 }')
    missing=""
    for lib in $(awk '/^  lib[^ ]*\.so[^ ]*$/ { print $1 }' "$here/LIBRARIES"); do
        echo "$known" | grep -qxF "$lib" || missing="$missing $lib"
    done
    if [ -n "$missing" ]; then
        say "warning: these libraries are not installed here:$missing (see LIBRARIES for the packages)"
    fi
}

cmd_install() {
    [ -d "$src/bin" ] || die "no files/usr/local/bin beside $0: unpack the whole tarball"
    check_libraries
    case $UNITDIR in
    /usr/lib/systemd/user | /usr/local/lib/systemd/user | /etc/systemd/user) ;;
    *) say "warning: systemd does not look for user units in $UNITDIR; set UNITDIR=/etc/systemd/user" ;;
    esac
    [ -z "$DESTDIR" ] || mkdir -p "$DESTDIR"
    list=$(mktemp)
    trap 'rm -f "$list" "$list.out" "$list.dirs"' EXIT
    (cd "$src" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$list"
    count=0
    while IFS= read -r rel; do
        dest=$(target "$rel")
        make_dirs "$(dirname "$dest")"
        case $rel in
        bin/*) install -m 0755 "$src/$rel" "$DESTDIR$dest" ;;
        # The unit's ExecStart=, the catalog's and the man pages' links name the prefix they were staged for.
        lib/systemd/* | share/man/*)
            sed "s|/usr/local/|$PREFIX/|g" "$src/$rel" >"$DESTDIR$dest"
            chmod 0644 "$DESTDIR$dest"
            ;;
        *) install -m 0644 "$src/$rel" "$DESTDIR$dest" ;;
        esac
        echo "file $dest" >>"$list.out"
        count=$((count + 1))
    done <"$list"
    make_dirs "$(dirname "$MANIFEST")"
    touch "$list.dirs"
    cat "$list.out" "$list.dirs" >"$DESTDIR$MANIFEST"
    rm -f "$list.out" "$list.dirs"
    chmod 0644 "$DESTDIR$MANIFEST"
    say "installed $count files under $DESTDIR$PREFIX (listed in $DESTDIR$MANIFEST)"
    if [ -z "$DESTDIR" ] && [ "$(id -u)" = 0 ] && command -v journalctl >/dev/null 2>&1; then
        journalctl --update-catalog && say "journalctl --update-catalog: done"
    fi
    say "next, as each user who wants reminders:"
    say "  mkdir -p ~/.config/simwatch && cp $PREFIX/share/doc/simwatch/examples/simwatch.example.toml ~/.config/simwatch/config.toml"
    say "  \$EDITOR ~/.config/simwatch/config.toml && systemctl --user daemon-reload && systemctl --user enable --now simwatch"
}

cmd_uninstall() {
    [ -f "$DESTDIR$MANIFEST" ] || die "no $DESTDIR$MANIFEST: nothing installed under PREFIX=$PREFIX"
    count=0
    dirs=$(sed -n 's/^dir //p' "$DESTDIR$MANIFEST" | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-)
    while IFS= read -r line; do
        path=${line#file }
        if [ "$path" != "$line" ] && [ -f "$DESTDIR$path" ]; then
            rm -f "$DESTDIR$path"
            count=$((count + 1))
        fi
    done <"$DESTDIR$MANIFEST"
    rm -f "$DESTDIR$MANIFEST"
    # The directories install made, deepest first, and only when empty.
    printf '%s\n' "$dirs" | while IFS= read -r dir; do
        [ -z "$dir" ] || rmdir "$DESTDIR$dir" 2>/dev/null || true
    done
    if [ -z "$DESTDIR" ] && [ "$(id -u)" = 0 ] && command -v journalctl >/dev/null 2>&1; then
        journalctl --update-catalog || true
    fi
    say "removed $count files; users' configuration (~/.config/simwatch) and state (~/.local/state/simwatch) stay"
}

case ${1:-install} in
install) cmd_install ;;
uninstall) cmd_uninstall ;;
*)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
