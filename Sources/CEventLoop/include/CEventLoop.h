#ifndef SIMWATCH_C_EVENT_LOOP_H
#define SIMWATCH_C_EVENT_LOOP_H

#include <stdbool.h>
#include <stdint.h>

/// One epoll loop per process: work items, timers on CLOCK_MONOTONIC and descriptor watches, all run on the loop's
/// thread. simwatchd runs it on its main thread as Swift concurrency's executor (SimwatchLoop's LoopExecutor); other
/// programs (the tests) get it on a thread of its own on first use (sw_loop_start).

typedef void (*sw_loop_fn)(void *_Nullable context);
typedef void (*sw_watch_fn)(void *_Nullable context, uint32_t events);

typedef struct sw_timer sw_timer;
typedef struct sw_watch sw_watch;

/// Starts the loop on a thread of its own, unless it runs (or will run) on the main thread. Idempotent, any thread.
void sw_loop_start(void);
/// Whether the caller is on the loop's thread.
bool sw_loop_is_current(void);
/// Runs `fn(context)` on the loop's thread, after the work already queued. Any thread.
void sw_loop_execute(sw_loop_fn _Nonnull fn, void *_Nullable context);
/// As sw_loop_execute; `urgent` work runs before the other work queued (the control socket's requests).
void sw_loop_execute_urgent(sw_loop_fn _Nonnull fn, void *_Nullable context, bool urgent);
/// Runs `fn(context)` on the loop's thread `delay` nanoseconds from now. Any thread.
void sw_loop_execute_after(uint64_t delay, sw_loop_fn _Nonnull fn, void *_Nullable context);
/// Says the loop will run on the main thread (sw_loop_run): sw_loop_start then starts no thread of its own.
void sw_loop_will_run_on_main(void);
/// Runs the loop on the calling thread (the main thread, as Swift concurrency's main executor), forever.
_Noreturn void sw_loop_run(void);
/// CLOCK_MONOTONIC in nanoseconds.
uint64_t sw_loop_now(void);

// Names the calling thread (at most 15 bytes are kept), as `top -H` and /proc/PID/task/TID/comm show it.
void sw_thread_set_name(const char *_Nonnull name);

/// A timer that calls `fn(context)` on the loop's thread once per arming.
sw_timer *_Nonnull sw_timer_create(sw_loop_fn _Nonnull fn, void *_Nullable context);
/// Arms (or re-arms) for `deadline` (CLOCK_MONOTONIC nanoseconds). Any thread.
void sw_timer_arm(sw_timer *_Nonnull timer, uint64_t deadline);
/// Disarms; a firing already under way on the loop's thread still completes. Any thread.
void sw_timer_disarm(sw_timer *_Nonnull timer);
/// Disarms and frees. Loop thread only (so it cannot race a firing).
void sw_timer_destroy(sw_timer *_Nonnull timer);

/// Watches `fd` (not owned) for the events sw_watch_set asks for (none at first). Loop thread only.
sw_watch *_Nonnull sw_watch_create(int fd, sw_watch_fn _Nonnull fn, void *_Nullable context);
/// Sets the events watched (0 suspends). Returns 0 or an errno. Loop thread only.
int sw_watch_set(sw_watch *_Nonnull watch, uint32_t events);
/// Stops watching and frees (after the current batch of events). Loop thread only.
void sw_watch_destroy(sw_watch *_Nonnull watch);

/// Catches `sig` (sigaction, SA_RESTART) and reports it as one byte on the descriptor sw_signal_descriptor returns.
/// Returns 0 or an errno.
int sw_signal_catch(int sig);
/// The read end of the signal pipe (non-blocking, close-on-exec), created on first use; -1 if it cannot be.
int sw_signal_descriptor(void);

/// Lets go of the code pages already run in executable mappings not seen before (its own binary at the first call,
/// a library loaded since), and asks the kernel not to map code ahead of use in them; then returns freed heap to the
/// system. Pages come back one at a time, from the page cache, as code runs again. Returns how many mappings were
/// settled, or -1 if /proc/self/maps cannot be read.
int sw_resident_settle(void);
/// At most `arenas` malloc arenas (worker threads would otherwise get one each, kept after they end).
void sw_resident_limit_arenas(int arenas);

#endif
