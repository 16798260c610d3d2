#!/usr/bin/env bash
# A real `systemd --user` manager for a throwaway user, on a machine where systemd is not PID 1 (CI, containers,
# build VMs). The end-to-end tests use it to prove that simwatch installs and runs as a user service; you can use it
# to try the service without touching your own session.
#
#   scripts/user-manager.sh up                 start the lab (creating the user if needed); prints its environment
#   scripts/user-manager.sh exec CMD [ARG...]  run CMD as the lab user inside the lab, as a login would
#   scripts/user-manager.sh root CMD [ARG...]  run CMD as root inside the lab's mount namespace
#   scripts/user-manager.sh down               stop every lab process by PID, remove its cgroups and state, and
#                                              remove the user if `up` created it
#   scripts/user-manager.sh status             exit 0 when the lab is up and the manager answers
#
# Environment: SIMWATCH_LAB_USER (simwatch-lab), SIMWATCH_LAB_DIR (/tmp/simwatch-lab: PID files and logs),
# SIMWATCH_LAB_TIMEOUT (30 seconds), SIMWATCH_LAB_KEEP_USER=1 (down keeps a user that up created).
# Runs as root. Needs util-linux (unshare, nsenter, setpriv), passwd (useradd), systemd, and dbus-daemon.
set -Eeuo pipefail

LAB_USER=${SIMWATCH_LAB_USER:-simwatch-lab}
LAB_DIR=${SIMWATCH_LAB_DIR:-/tmp/simwatch-lab}
TIMEOUT=${SIMWATCH_LAB_TIMEOUT:-30}
CGROUP_FS=/sys/fs/cgroup
SYSTEMD=/lib/systemd/systemd
JOURNALD=/lib/systemd/systemd-journald

# What the lab is made of (all inside one private mount namespace, held open by a `sleep infinity`):
# - /run is a tmpfs, so journald, the system bus and /run/user/UID are the lab's own and the host's are untouched;
# - /run/systemd/system exists: systemctl and the manager take it as "booted with systemd";
# - /run/systemd/unit-root exists: the manager mounts a unit's root there for PrivateUsers= and the other
#   namespace options (without it, sandboxed units fail with 226/NAMESPACE);
# - the journal directory is a tmpfs with Storage=persistent, because journald only splits user-UID.journal
#   files (what `journalctl --user` reads) from a persistent journal;
# - user.slice/user-UID.slice/user@UID.service is created in each cgroup hierarchy systemd tracks processes in and
#   delegated to the user (journald derives _SYSTEMD_USER_UNIT from that path);
# - a system bus (dbus-daemon --system) runs there too, standing in for the one ModemManager lives on.

log() { echo "user-manager: $*" >&2; }
die() {
    echo "user-manager: error: $*" >&2
    exit 1
}

pid_file() { echo "$LAB_DIR/$1.pid"; }
read_pid() { cat "$(pid_file "$1")" 2>/dev/null || true; }

# is_running PID COMM: the process exists, is not a zombie, and has the expected name (PID reuse guard).
is_running() {
    local pid=${1:-} comm=$2 stat
    [[ -n $pid && -r /proc/$pid/stat ]] || return 1
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z && $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]]
}

is_gone() { ! is_running "$@"; }

# in_lab PID: the process lives in the lab's mount namespace.
in_lab() {
    local ns
    ns=$(cat "$LAB_DIR/mntns" 2>/dev/null) || return 1
    [[ -n $ns && $(readlink "/proc/$1/ns/mnt" 2>/dev/null) == "$ns" ]]
}

# wait_until SECONDS WHAT CMD...: runs CMD every 0.2 s until it succeeds; returns 1 after SECONDS.
wait_until() {
    local seconds=$1 what=$2 deadline
    shift 2
    deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            log "timed out after ${seconds}s waiting for $what"
            return 1
        fi
        sleep 0.2
    done
}

lookup_user() {
    LAB_UID=$(id -u "$LAB_USER" 2>/dev/null) || return 1
    LAB_GID=$(id -g "$LAB_USER")
    LAB_HOME=$(getent passwd "$LAB_USER" | cut -d: -f6)
    RUNTIME_DIR=/run/user/$LAB_UID
    CGROUP_PATH=user.slice/user-$LAB_UID.slice/user@$LAB_UID.service
    LAB_ENV=(
        HOME="$LAB_HOME" USER="$LAB_USER" LOGNAME="$LAB_USER" SHELL=/bin/bash LANG=C.UTF-8
        PATH=/usr/local/bin:/usr/bin:/bin XDG_RUNTIME_DIR="$RUNTIME_DIR"
        DBUS_SESSION_BUS_ADDRESS="unix:path=$RUNTIME_DIR/bus"
    )
}

# The hierarchies systemd keeps its process tree in: the cgroup2 root, or (hybrid) name=systemd plus unified.
cgroup_roots() {
    if [[ $(stat -fc %T "$CGROUP_FS") == cgroup2fs ]]; then
        echo "$CGROUP_FS"
        return
    fi
    local h
    for h in systemd unified; do
        [[ ! -d $CGROUP_FS/$h ]] || echo "$CGROUP_FS/$h"
    done
}

# as_user CMD...: the prefix that runs CMD as the lab user in the lab (no PAM, no logind: setpriv and a clean env).
as_user() {
    nsenter -t "$(read_pid holder)" -m -- setpriv --reuid="$LAB_UID" --regid="$LAB_GID" --init-groups \
        env -i "${LAB_ENV[@]}" TERM="${TERM:-dumb}" sh -c 'cd "$HOME" 2>/dev/null || cd /; exec "$@"' sh "$@"
}

manager_answers() {
    local state
    state=$(as_user timeout 5 systemctl --user is-system-running 2>/dev/null || true)
    [[ $state == running || $state == degraded ]]
}

lab_is_up() {
    lookup_user &&
        is_running "$(read_pid holder)" sleep && in_lab "$(read_pid holder)" &&
        is_running "$(read_pid journald)" systemd-journal &&
        is_running "$(read_pid manager)" systemd && in_lab "$(read_pid manager)" &&
        manager_answers
}

print_env() {
    printf '%s\n' \
        "LAB_USER=$LAB_USER" "LAB_UID=$LAB_UID" "LAB_GID=$LAB_GID" "LAB_HOME=$LAB_HOME" \
        "XDG_RUNTIME_DIR=$RUNTIME_DIR" "DBUS_SESSION_BUS_ADDRESS=unix:path=$RUNTIME_DIR/bus" \
        "HOLDER_PID=$(read_pid holder)" "JOURNALD_PID=$(read_pid journald)" \
        "SYSTEM_BUS_PID=$(read_pid system-bus)" "MANAGER_PID=$(read_pid manager)" \
        "MOUNT_NAMESPACE=$(cat "$LAB_DIR/mntns")" "LAB_DIR=$LAB_DIR"
}

# start NAME CMD...: runs CMD detached in the lab's mount namespace, as root, recording its PID in NAME.pid.
start_in_lab() {
    local name=$1
    shift
    setsid nsenter -t "$(read_pid holder)" -m -- sh -c 'echo $$ >"$0"; cd /; exec "$@"' "$(pid_file "$name")" "$@" \
        </dev/null >>"$LAB_DIR/$name.log" 2>&1 9>&- &
    wait_until 10 "$name to record its PID" test -s "$(pid_file "$name")"
}

cmd_up() {
    if lab_is_up; then
        log "already up"
        print_env
        return
    fi
    if compgen -G "$LAB_DIR/*.pid" >/dev/null; then
        log "found a stale lab in $LAB_DIR; taking it down first"
        cmd_down
    fi
    trap 'log "up failed; last log lines:"; tail -n 20 "$LAB_DIR"/*.log >&2 2>/dev/null || true; cmd_down || true' ERR

    # 1. The user. The systemd-journal group lets it read the whole lab journal, not only its own part.
    if ! id -u "$LAB_USER" >/dev/null 2>&1; then
        useradd --create-home --shell /bin/bash "$LAB_USER"
        touch "$LAB_DIR/user.created"
        log "created user $LAB_USER"
    fi
    if getent group systemd-journal >/dev/null; then usermod -a -G systemd-journal "$LAB_USER"; fi
    lookup_user

    # 2. Delegated cgroups, recorded so that down removes only what up made.
    local root dir file
    : >"$LAB_DIR/cgroups"
    for root in $(cgroup_roots); do
        dir=$root/$CGROUP_PATH
        mkdir -p "$dir"
        echo "$dir" >>"$LAB_DIR/cgroups"
        chown "$LAB_UID:$LAB_GID" "$dir"
        for file in cgroup.procs tasks cgroup.subtree_control cgroup.threads; do
            [[ ! -e $dir/$file ]] || chown "$LAB_UID:$LAB_GID" "$dir/$file"
        done
    done

    # 3. The namespace holder: its PID anchors the mount namespace everything else joins.
    setsid unshare --mount --propagation private -- sh -c 'echo $$ >"$0"; exec sleep infinity' "$(pid_file holder)" \
        </dev/null >>"$LAB_DIR/holder.log" 2>&1 9>&- &
    wait_until 10 "the namespace holder" test -s "$(pid_file holder)"
    local holder
    holder=$(read_pid holder)
    wait_until 10 "the namespace holder to exec sleep" is_running "$holder" sleep
    readlink "/proc/$holder/ns/mnt" >"$LAB_DIR/mntns"
    [[ $(cat "$LAB_DIR/mntns") != $(readlink /proc/self/ns/mnt) ]] || die "the holder is not in a new mount namespace"

    # 4. The lab's own /run and journal directory (visible inside the namespace only).
    nsenter -t "$holder" -m -- sh -ec '
        uid=$1 gid=$2 runtime=$3
        mount -t tmpfs -o mode=0755,nosuid,nodev,size=64m simwatch-lab-run /run
        if [ -d /var/log/journal ]; then
            mount -t tmpfs -o mode=02755,nosuid,nodev,size=64m simwatch-lab-journal /var/log/journal
        else
            mount -t tmpfs -o mode=0755,nosuid,nodev,size=64m simwatch-lab-log /var/log
            mkdir -m 02755 /var/log/journal
        fi
        chgrp systemd-journal /var/log/journal 2>/dev/null || true
        mkdir -p /run/systemd/system /run/systemd/unit-root /run/systemd/journal /run/systemd/journald.conf.d \
            /run/credentials /run/lock /run/dbus /run/user
        chmod 1777 /run/lock
        install -d -m 0700 -o "$uid" -g "$gid" "$runtime"
        printf "[Journal]\nStorage=persistent\nForwardToSyslog=no\nForwardToWall=no\nForwardToKMsg=no\n" \
            >/run/systemd/journald.conf.d/simwatch-lab.conf
        touch /run/systemd/journal/flushed
    ' sh "$LAB_UID" "$LAB_GID" "$RUNTIME_DIR"

    # 5. journald, then the system bus, both inside the namespace.
    SYSTEMD_LOG_TARGET=console start_in_lab journald "$JOURNALD"
    wait_until "$TIMEOUT" "journald's socket" test -S "/proc/$holder/root/run/systemd/journal/socket"
    start_in_lab system-bus dbus-daemon --system --nofork --nopidfile --nosyslog
    wait_until "$TIMEOUT" "the system bus socket" test -S "/proc/$holder/root/run/dbus/system_bus_socket"

    # 6. The user manager: join the delegated cgroups as root, then become the user and exec systemd --user.
    local cgroups=()
    mapfile -t cgroups <"$LAB_DIR/cgroups"
    setsid nsenter -t "$holder" -m -- sh -ec '
        pid_file=$1; shift; echo $$ >"$pid_file"
        while [ "$1" != -- ]; do echo $$ >"$1/cgroup.procs"; shift; done; shift
        cd /; exec "$@"' \
        sh "$(pid_file manager)" "${cgroups[@]}" -- \
        setpriv --reuid="$LAB_UID" --regid="$LAB_GID" --init-groups \
        env -i "${LAB_ENV[@]}" "$SYSTEMD" --user --log-target=journal-or-kmsg \
        </dev/null >>"$LAB_DIR/manager.log" 2>&1 9>&- &
    wait_until 10 "the manager to record its PID" test -s "$(pid_file manager)"
    wait_until "$TIMEOUT" "systemctl --user is-system-running to say running or degraded" manager_answers
    trap - ERR
    print_env | tee "$LAB_DIR/env"
}

# remove_cgroup DIR: removes DIR and the groups below it, bottom-up; rmdir only removes empty groups.
remove_cgroup() {
    find "$1" -depth -type d -exec rmdir {} + 2>/dev/null
    [[ ! -d $1 ]]
}

# stop PID COMM SECONDS: SIGTERM, wait, then SIGKILL; only if PID is still that process and in the lab.
stop_pid() {
    local pid=$1 comm=$2 seconds=$3
    is_running "$pid" "$comm" && in_lab "$pid" || return 0
    log "stopping $comm (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_until "$seconds" "$comm ($pid) to exit" is_gone "$pid" "$comm"; then
        kill -KILL "$pid" 2>/dev/null || true
        wait_until 5 "$comm ($pid) to die" is_gone "$pid" "$comm" || true
    fi
}

cmd_down() {
    trap - ERR
    local holder journald bus manager pid dir
    holder=$(read_pid holder)
    journald=$(read_pid journald)
    bus=$(read_pid system-bus)
    manager=$(read_pid manager)
    lookup_user || true
    # The namespace id, if up died before writing it down.
    if [[ ! -s $LAB_DIR/mntns ]] && is_running "$holder" sleep &&
        [[ $(readlink "/proc/$holder/ns/mnt") != $(readlink /proc/self/ns/mnt) ]]; then
        readlink "/proc/$holder/ns/mnt" >"$LAB_DIR/mntns"
    fi

    # 1. The manager: SIGTERM makes it stop every user unit and exit.
    stop_pid "$manager" systemd "$TIMEOUT"

    # 2. Whatever is left in the lab's cgroups or namespace, except journald, the bus and the holder.
    local leftovers=()
    if [[ -s $LAB_DIR/cgroups ]]; then
        while read -r dir; do
            [[ -d $dir ]] || continue
            mapfile -t -O "${#leftovers[@]}" leftovers < <(find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null)
        done <"$LAB_DIR/cgroups"
    fi
    if [[ -s $LAB_DIR/mntns ]]; then
        for pid in /proc/[0-9]*; do
            pid=${pid#/proc/}
            [[ $pid == "$holder" || $pid == "$journald" || $pid == "$bus" ]] || ! in_lab "$pid" || leftovers+=("$pid")
        done
    fi
    for pid in "${leftovers[@]}"; do
        [[ -e /proc/$pid ]] || continue
        log "killing leftover pid $pid ($(cat "/proc/$pid/comm" 2>/dev/null || echo '?'))"
        kill -KILL "$pid" 2>/dev/null || true
    done

    # 3. The bus, journald, and last the holder: with its last process gone, the namespace and its mounts go too.
    stop_pid "$bus" dbus-daemon 10
    stop_pid "$journald" systemd-journal 10
    stop_pid "$holder" sleep 10

    # 4. The delegated cgroups, bottom-up (rmdir only removes empty groups), then their empty parents.
    if [[ -s $LAB_DIR/cgroups ]]; then
        while read -r dir; do
            [[ -d $dir ]] || continue
            wait_until 10 "$dir to empty" remove_cgroup "$dir" || log "warning: could not remove $dir"
            rmdir "${dir%/*}" "${dir%/*/*}" 2>/dev/null || true
        done <"$LAB_DIR/cgroups"
    fi

    # 5. The user, when up created it.
    if [[ -e $LAB_DIR/user.created && ${SIMWATCH_LAB_KEEP_USER:-0} != 1 ]] && id -u "$LAB_USER" >/dev/null 2>&1; then
        userdel --remove "$LAB_USER" 2>/dev/null || userdel "$LAB_USER"
        log "removed user $LAB_USER"
    fi
    rm -f "$LAB_DIR"/*.pid "$LAB_DIR/mntns" "$LAB_DIR/cgroups" "$LAB_DIR/env" "$LAB_DIR/user.created"
    log "down"
}

[[ $(id -u) == 0 ]] || die "run me as root"
# With systemd as PID 1 the cgroups below belong to it, and so does user@UID.service: use that instead.
if [[ $(cat /proc/1/comm 2>/dev/null) == systemd && ${1:-} == up ]]; then
    die "systemd is PID 1 here: start a real user manager with 'systemctl start user@UID.service' instead"
fi
for tool in unshare nsenter setpriv setsid useradd userdel dbus-daemon "$SYSTEMD" "$JOURNALD"; do
    command -v "$tool" >/dev/null || die "missing $tool (scripts/bootstrap.sh test installs what the lab needs)"
done
mkdir -p "$LAB_DIR"
chmod 0700 "$LAB_DIR"

command=${1:-}
[[ $# -eq 0 ]] || shift
case $command in
up | down)
    exec 9>"$LAB_DIR/lock"
    flock -w "$TIMEOUT" 9 || die "another up or down holds $LAB_DIR/lock"
    "cmd_$command"
    ;;
status)
    if lab_is_up; then print_env; else
        echo "user-manager: not up" >&2
        exit 1
    fi
    ;;
exec)
    (($#)) || die "usage: $0 exec CMD [ARG...]"
    lookup_user || die "no user $LAB_USER; run '$0 up' first"
    is_running "$(read_pid holder)" sleep || die "the lab is not up; run '$0 up' first"
    as_user "$@"
    ;;
root)
    (($#)) || die "usage: $0 root CMD [ARG...]"
    is_running "$(read_pid holder)" sleep || die "the lab is not up; run '$0 up' first"
    exec nsenter -t "$(read_pid holder)" -m -- "$@"
    ;;
*)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
