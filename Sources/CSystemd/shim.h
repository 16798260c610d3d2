#ifndef SIMWATCH_CSYSTEMD_SHIM_H
#define SIMWATCH_CSYSTEMD_SHIM_H

// Suppress CODE_FILE/CODE_LINE/CODE_FUNC, which would point into this shim rather than the caller.
#define SD_JOURNAL_SUPPRESS_LOCATION 1

#include <systemd/sd-bus.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#include <systemd/sd-bus.h>
#include <sys/socket.h>
#include <sys/types.h>

// Glibc hides struct ucred behind _GNU_SOURCE; mirror it so Swift can read SO_PEERCRED.
struct simwatch_ucred {
    pid_t pid;
    uid_t uid;
    gid_t gid;
};

#endif
