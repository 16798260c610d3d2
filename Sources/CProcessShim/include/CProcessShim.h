// The few process calls Swift's Glibc module does not show (it is imported without _GNU_SOURCE): pipe2 with
// O_CLOEXEC, posix_spawn_file_actions_addclosefrom_np (glibc 2.34+), and a look at a child's exit that leaves it
// unreaped, so its pid (and process group id) cannot be reused while we still signal the group.
#ifndef CPROCESSSHIM_H
#define CPROCESSSHIM_H

#include <spawn.h>
#include <sys/types.h>

/// pipe2(fds, O_CLOEXEC): both ends close-on-exec from the start, so a spawn on another thread between pipe() and
/// fcntl() cannot inherit them. 0, or -1 with errno set.
int cprocess_pipe_cloexec(int fds[2]);

/// Adds "close every descriptor from `low` up" to `actions`, so the child gets only what the actions dup2'ed, even
/// descriptors a library opened without O_CLOEXEC. 0 when added; ENOSYS when this glibc has no
/// posix_spawn_file_actions_addclosefrom_np (the caller then relies on close-on-exec alone).
int cprocess_spawn_closefrom(posix_spawn_file_actions_t *actions, int low);

/// 1 when `pid` has exited (left as a zombie: waitid with WNOWAIT), 0 while it runs, -1 with errno on error
/// (ECHILD: already reaped or not ours).
int cprocess_has_exited(pid_t pid);

#endif
