/* Steps the wall clock of one process, and nothing else, for Tests/integration/test_clock.py.
 *
 * Preloaded (LD_PRELOAD) into simwatchd: CLOCK_REALTIME, gettimeofday() and time() read as real time plus the number
 * of seconds in the file named by $WALLCLOCK_SHIFT_FILE, read again at every call. CLOCK_MONOTONIC, CLOCK_BOOTTIME
 * and every timer stay real, as after an NTP step or a suspend, where the wall clock jumps and the monotonic clock
 * does not. (libfaketime cannot do this: it also rewrites timerfd_settime() deadlines by the offset, so libdispatch's
 * monotonic timers fire a day late after a step back of a day.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long shift_seconds(void) {
    const char *path = getenv("WALLCLOCK_SHIFT_FILE");
    if (path == NULL) return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char text[32];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0) return 0;
    text[n] = 0;
    return strtoll(text, NULL, 10);
}

int clock_gettime(clockid_t id, struct timespec *ts) {
    static int (*real)(clockid_t, struct timespec *);
    if (real == NULL) real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
    int result = real(id, ts);
    if (result == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) {
        ts->tv_sec += shift_seconds();
    }
    return result;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz) {
    static int (*real)(struct timeval *restrict, void *restrict);
    if (real == NULL) real = (int (*)(struct timeval *restrict, void *restrict))dlsym(RTLD_NEXT, "gettimeofday");
    int result = real(tv, tz);
    if (result == 0) tv->tv_sec += shift_seconds();
    return result;
}

time_t time(time_t *out) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (out != NULL) *out = ts.tv_sec;
    return ts.tv_sec;
}
