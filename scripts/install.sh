#!/usr/bin/env bash
# Installs simwatch from a release build, or removes exactly what an earlier install put there.
#
#   scripts/install.sh install      (what `make install` runs, after the release build)
#   scripts/install.sh uninstall    (what `make uninstall` runs)
#
# Settings (environment; `make install PREFIX=/usr DESTDIR=/tmp/pkg` passes them on):
#   PREFIX       $HOME/.local                          DESTDIR     (empty)   prepended to every path written
#   BINDIR       $PREFIX/bin                           DATADIR     $PREFIX/share
#   MANDIR       $DATADIR/man                          DOCDIR      $DATADIR/doc/simwatch
#   EXAMPLEDIR   $DOCDIR (the example configurations)  ZSHDIR      $DATADIR/zsh/site-functions
#   UNITDIR      ~/.config/systemd/user for a home install (PREFIX is ~/.local), else $PREFIX/lib/systemd/user
#   CATALOGDIR   $PREFIX/lib/systemd/catalog           BUILD_DIR   .build/release
#   MANIFEST     $DATADIR/simwatch/install-manifest; empty: write none (a package manager keeps the list)
#   STRIP        strip --strip-unneeded (empty: install the binaries as built)
#   USERNS       auto: for a home install, check that you may create user namespaces (the sandbox needs them in a
#                user unit) and, if not, install the unit without PrivateUsers= and the options that need it;
#                yes: always the full sandbox; no: always the reduced one
# A home install also copies config/simwatch.example.toml to ~/.config/simwatch/config.toml when there is none,
# and runs `systemctl --user daemon-reload` (without DESTDIR). Every file written is listed, with its SHA-256, in
# $DATADIR/simwatch/install-manifest; uninstall removes those files (not ones changed since), then the directories
# install created if they are empty. Uninstall never touches the configuration or the state.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "simwatch: $*"; }
die() {
    echo "simwatch: error: $*" >&2
    exit 1
}
strip_slashes() {
    local p=$1
    while [[ $p == */ && $p != / ]]; do p=${p%/}; done
    echo "$p"
}

[[ -n ${HOME:-} ]] || die "HOME is not set"
config_home=$HOME/.config
[[ ${XDG_CONFIG_HOME:-} != /* ]] || config_home=$XDG_CONFIG_HOME

PREFIX=$(strip_slashes "${PREFIX:-$HOME/.local}")
DESTDIR=$(strip_slashes "${DESTDIR:-}")
[[ $PREFIX == /* ]] || die "PREFIX must be an absolute path, not '$PREFIX'"
BINDIR=${BINDIR:-$PREFIX/bin}
DATADIR=${DATADIR:-$PREFIX/share}
MANDIR=${MANDIR:-$DATADIR/man}
DOCDIR=${DOCDIR:-$DATADIR/doc/simwatch}
EXAMPLEDIR=${EXAMPLEDIR:-$DOCDIR}
ZSHDIR=${ZSHDIR:-$DATADIR/zsh/site-functions}
CATALOGDIR=${CATALOGDIR:-$PREFIX/lib/systemd/catalog}
BUILD_DIR=${BUILD_DIR:-.build/release}
STRIP=${STRIP-strip --strip-unneeded}
if [[ $(realpath -m "$PREFIX") == $(realpath -m "$HOME/.local") ]]; then
    home_install=1
    UNITDIR=${UNITDIR:-$config_home/systemd/user}
    CONFIGDIR=${CONFIGDIR:-$config_home/simwatch}
else
    home_install=0
    UNITDIR=${UNITDIR:-$PREFIX/lib/systemd/user}
    CONFIGDIR=${CONFIGDIR:-}
fi
MANIFEST=${MANIFEST-$DATADIR/simwatch/install-manifest}
UNITS=(simwatch.service simwatch.socket)
USERNS=${USERNS:-auto}
# Without user namespaces the user manager cannot apply these, and fails to start the service (218/CAPABILITIES
# and the like) instead of skipping them. The other namespace options are then skipped by itself.
NEEDS_USERNS='^(PrivateUsers|CapabilityBoundingSet|PrivateDevices|ProtectClock|ProtectKernelModules|ProtectKernelLogs)='

# A running user manager to tell about the units: only for a home install, straight into the live file system.
user_manager() {
    [[ -z $DESTDIR && $home_install == 1 ]] && command -v systemctl >/dev/null &&
        timeout 10 systemctl --user show-environment >/dev/null 2>&1
}

# --- manifest ---------------------------------------------------------------------------------------------------

declare -a manifest_files=() manifest_dirs=()
declare -A previous_dirs=()

# make_dirs DIR: creates DIR and its missing parents under DESTDIR, remembering the ones it created.
make_dirs() {
    local dir=$1 missing=()
    while [[ $dir != / && ! -d $DESTDIR$dir ]]; do
        missing=("$dir" "${missing[@]}")
        dir=$(dirname "$dir")
    done
    for dir in "${missing[@]}"; do
        mkdir -m 0755 "$DESTDIR$dir"
        manifest_dirs+=("$dir")
    done
}

# put SOURCE DEST MODE: installs one file and lists it in the manifest.
put() {
    local source=$1 dest=$2 mode=$3
    make_dirs "$(dirname "$dest")"
    install -m "$mode" "$source" "$DESTDIR$dest"
    manifest_files+=("$(sha256sum <"$DESTDIR$dest" | cut -d' ' -f1)	$dest")
}

# --- install ----------------------------------------------------------------------------------------------------

# is_cli BINARY: the binary is a swift-argument-parser command, which the man page and completions are made from.
is_cli() {
    local described
    described=$("$1" --experimental-dump-help 2>/dev/null) && [[ $described == *'"commandName"'* ]]
}

# Whether this user may make a user namespace with a mount namespace in it, as the user manager does for
# PrivateUsers=yes. Ubuntu's kernel.apparmor_restrict_unprivileged_userns=1 or user.max_user_namespaces=0 say no.
userns_available() {
    unshare --user --map-current-user --mount true 2>/dev/null ||
        unshare --user --map-root-user --mount true 2>/dev/null
}

# The path systemd should run: %h-relative when it is in the home directory, so the unit names no user.
unit_path() {
    local path=$1
    if [[ $path == "$HOME"/* ]]; then echo "%h/${path#"$HOME"/}"; else echo "$path"; fi
}

cmd_install() {
    local tools=(simwatchd simwatchctl) tool
    for tool in "${tools[@]}"; do
        [[ -x $BUILD_DIR/$tool ]] || die "$BUILD_DIR/$tool is missing: run 'make build' (or 'make install')"
        if ldd "$BUILD_DIR/$tool" 2>/dev/null | grep -q 'libswiftCore\.so'; then
            die "$BUILD_DIR/$tool links the Swift runtime dynamically (from the toolchain), so it would stop" \
                "working without it; build it with 'make build' (swift build -c release --static-swift-stdlib)"
        fi
        is_cli "$BUILD_DIR/$tool" || die "$BUILD_DIR/$tool does not describe itself (--experimental-dump-help)"
    done
    command -v python3 >/dev/null || die "python3 is needed to write the man pages (scripts/bootstrap.sh install)"

    stage=$(mktemp -d -t simwatch-install.XXXXXX)
    trap 'rm -rf "$stage"' EXIT
    mkdir -p "$stage/bin" "$stage/man" "$stage/bash" "$stage/zsh" "$stage/fish" "$stage/systemd"

    # Everything is generated first, so that a failure leaves nothing half-installed.
    local other date man_args
    date=$(git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)
    for tool in "${tools[@]}"; do
        cp "$BUILD_DIR/$tool" "$stage/bin/$tool"
        if [[ -n $STRIP ]]; then $STRIP "$stage/bin/$tool"; fi
        man_args=(--date "$date" --subst "DOCDIR=$DOCDIR")
        [[ ! -f man/$tool.1.tail ]] || man_args+=(--tail "man/$tool.1.tail")
        for other in "${tools[@]}"; do
            [[ $other == "$tool" ]] || man_args+=(--subst "SEE_ALSO=.BR $other (1),")
        done
        [[ ${#tools[@]} -gt 1 ]] || man_args+=(--subst "SEE_ALSO=")
        python3 scripts/manpage.py "$BUILD_DIR/$tool" "${man_args[@]}" >"$stage/man/$tool.1"
        # Sourced, not run: swift-argument-parser's "#!/bin/bash" first line is left out.
        "$BUILD_DIR/$tool" --generate-completion-script bash | sed '1{/^#!/d;}' >"$stage/bash/$tool"
        "$BUILD_DIR/$tool" --generate-completion-script zsh >"$stage/zsh/_$tool"
        "$BUILD_DIR/$tool" --generate-completion-script fish >"$stage/fish/$tool.fish"
    done
    local exec_start reduced=0
    exec_start=$(unit_path "$BINDIR/simwatchd")
    sed "s|^ExecStart=%h/.local/bin/simwatchd|ExecStart=$exec_start|" systemd/simwatch.service \
        >"$stage/systemd/simwatch.service"
    grep -q "^ExecStart=$exec_start\$" "$stage/systemd/simwatch.service" || die "could not set ExecStart"
    case $USERNS in
    yes) ;;
    no) reduced=1 ;;
    auto) [[ $home_install == 0 || -n $DESTDIR ]] || userns_available || reduced=1 ;;
    *) die "USERNS must be auto, yes or no, not '$USERNS'" ;;
    esac
    if ((reduced)); then
        cat >"$stage/reduced-note" <<'NOTE'
# make install: user namespaces are not available to you here (on Ubuntu, for example, because of
# kernel.apparmor_restrict_unprivileged_userns=1), so this copy leaves out PrivateUsers= and the options that
# cannot work without it, and the user manager skips the rest of the file system sandbox. The system call filters
# and NoNewPrivileges= still apply. Run make install again once user namespaces are allowed (docs/operations.md).
NOTE
        grep -Ev "$NEEDS_USERNS" "$stage/systemd/simwatch.service" |
            sed "/^\[Service\]\$/r $stage/reduced-note" >"$stage/simwatch.service.reduced"
        mv "$stage/simwatch.service.reduced" "$stage/systemd/simwatch.service"
        say "warning: you cannot create user namespaces here, so the service gets a reduced sandbox" \
            "(see 'Without user namespaces' in docs/operations.md)"
    fi
    cp systemd/simwatch.socket "$stage/systemd/simwatch.socket"
    sed "s|@DOCDIR@|$DOCDIR|g" systemd/simwatch.catalog >"$stage/systemd/simwatch.catalog"

    # An earlier install's directories stay ours; its files that this install does not write again are removed.
    [[ -z $DESTDIR ]] || mkdir -p "$DESTDIR"
    local old_manifest=$DESTDIR$MANIFEST kind sum path
    declare -A previous_files=()
    if [[ -n $MANIFEST && -f $old_manifest ]]; then
        while IFS=$'\t' read -r kind sum path; do
            case $kind in
            dir) previous_dirs[$sum]=1 ;;
            file) previous_files[$path]=$sum ;;
            esac
        done <"$old_manifest"
    fi

    for tool in "${tools[@]}"; do
        put "$stage/bin/$tool" "$BINDIR/$tool" 0755
        put "$stage/man/$tool.1" "$MANDIR/man1/$tool.1" 0644
        put "$stage/bash/$tool" "$DATADIR/bash-completion/completions/$tool" 0644
        put "$stage/zsh/_$tool" "$ZSHDIR/_$tool" 0644
        put "$stage/fish/$tool.fish" "$DATADIR/fish/vendor_completions.d/$tool.fish" 0644
    done
    local unit
    for unit in "${UNITS[@]}"; do put "$stage/systemd/$unit" "$UNITDIR/$unit" 0644; done
    put "$stage/systemd/simwatch.catalog" "$CATALOGDIR/simwatch.catalog" 0644
    local doc
    for doc in README.md docs/*.md; do put "$doc" "$DOCDIR/$(basename "$doc")" 0644; done
    put config/simwatch.example.toml "$EXAMPLEDIR/simwatch.example.toml" 0644
    put config/demo.toml "$EXAMPLEDIR/demo.toml" 0644
    put systemd/without-user-namespaces.conf "$EXAMPLEDIR/without-user-namespaces.conf" 0644

    for path in "${!previous_files[@]}"; do
        if ! printf '%s\n' "${manifest_files[@]}" | cut -f2 | grep -qxF "$path"; then
            remove_file "${previous_files[$path]}" "$path"
        fi
    done

    # The configuration is the user's from the moment it exists: written once, never overwritten, never removed.
    local config=""
    if [[ -n $CONFIGDIR ]]; then
        config=$CONFIGDIR/config.toml
        if [[ -e $DESTDIR$config ]]; then
            say "kept your configuration $config"
        else
            make_dirs "$CONFIGDIR"
            install -m 0600 config/simwatch.example.toml "$DESTDIR$config"
            say "wrote an example configuration to $config: edit it"
        fi
    fi

    if [[ -z $MANIFEST ]]; then
        say "installed ${#manifest_files[@]} files (no manifest: MANIFEST is empty)"
    else
        make_dirs "$(dirname "$MANIFEST")"
        {
            printf 'file\t%s\n' "${manifest_files[@]}"
            for path in "${!previous_dirs[@]}"; do printf 'dir\t%s\n' "$path"; done
            for path in "${manifest_dirs[@]}"; do [[ -n ${previous_dirs[$path]:-} ]] || printf 'dir\t%s\n' "$path"; done
        } >"$DESTDIR$MANIFEST"
        chmod 0644 "$DESTDIR$MANIFEST"
        say "installed ${#manifest_files[@]} files (listed in $DESTDIR$MANIFEST)"
    fi

    if user_manager; then
        systemctl --user daemon-reload
        say "systemctl --user daemon-reload: done"
    fi
    if [[ $home_install == 1 && -z $DESTDIR ]]; then
        local shown
        shown=$(unit_path "$BINDIR/simwatchd" | sed "s|^%h|~|")
        say "next: check the configuration with '$shown --check-config', then"
        say "      systemctl --user enable --now simwatch"
    fi
}

# --- uninstall --------------------------------------------------------------------------------------------------

# remove_file SHA256 PATH: removes PATH unless it changed since install (then it is kept, and said so).
removed=0
remove_file() {
    local sum=$1 path=$2 target=$DESTDIR$2
    [[ -e $target || -L $target ]] || return 0
    if [[ $(sha256sum <"$target" | cut -d' ' -f1) != "$sum" ]]; then
        say "kept $path: it changed since it was installed"
        return 0
    fi
    rm -f "$target"
    removed=$((removed + 1))
}

cmd_uninstall() {
    local manifest=$DESTDIR$MANIFEST kind sum path
    [[ -n $MANIFEST ]] || die "MANIFEST is empty: without the install manifest there is nothing to uninstall by"
    [[ -f $manifest ]] || die "no install manifest at $manifest: nothing to uninstall for PREFIX=$PREFIX"
    local files=() sums=() dirs=() units=()
    while IFS=$'\t' read -r kind sum path; do
        case $kind in
        file)
            files+=("$path")
            sums+=("$sum")
            [[ $path != "$UNITDIR"/simwatch.* ]] || units+=("$(basename "$path")")
            ;;
        dir) dirs+=("$sum") ;;
        esac
    done <"$manifest"

    if ((${#units[@]})) && user_manager; then
        say "systemctl --user disable --now ${units[*]}"
        systemctl --user disable --now "${units[@]}" || true
    fi
    local i
    for i in "${!files[@]}"; do remove_file "${sums[$i]}" "${files[$i]}"; done
    rm -f "$manifest"
    # `systemctl disable` leaves the .wants directories that `enable` made for the units' [Install] targets.
    if ((${#units[@]})); then
        rmdir "$DESTDIR$UNITDIR/default.target.wants" "$DESTDIR$UNITDIR/sockets.target.wants" 2>/dev/null || true
    fi
    # Directories install created, deepest first, and only when empty.
    while read -r path; do
        [[ -z $path ]] || rmdir "$DESTDIR$path" 2>/dev/null || true
    done < <(printf '%s\n' "${dirs[@]}" "$(dirname "$MANIFEST")" | awk '{ print length, $0 }' | sort -rn |
        cut -d' ' -f2-)
    if ((${#units[@]})) && user_manager; then systemctl --user daemon-reload; fi
    say "removed $removed installed files"
    if [[ -n $CONFIGDIR ]]; then
        say "left your configuration ($CONFIGDIR) and state (~/.local/state/simwatch); remove them yourself if you want"
    fi
}

case ${1:-} in
install) cmd_install ;;
uninstall) cmd_uninstall ;;
*)
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
