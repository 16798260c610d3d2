// The loop behind SimwatchLoop: see include/CEventLoop.h.

#define _GNU_SOURCE
#include "CEventLoop.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

struct sw_timer {
    sw_loop_fn fn;
    void *context;
    uint64_t deadline;
    size_t index;  // in the heap; SIZE_MAX when not armed
};

struct sw_watch {
    int fd;
    uint32_t events;
    bool dead;
    sw_watch_fn fn;
    void *context;
    struct sw_watch *next_dead;
};

typedef struct {
    sw_loop_fn fn;
    void *context;
} sw_item;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int epoll_fd = -1;
static int wake_fd = -1;
static pthread_t loop_thread;
static bool loop_thread_known;
static bool runs_on_main;
static bool sleeping;

// Work queues: rings of items, grown by doubling. Urgent work (the control socket's requests) runs first.
typedef struct {
    sw_item *items;
    size_t capacity, head, count;
} sw_queue;
static sw_queue urgent_queue, work_queue;
static size_t queue_count;  // both queues

static void *checked_realloc(void *old, size_t count, size_t size);

static void queue_push_locked(sw_queue *q, sw_item item) {
    if (q->count == q->capacity) {
        size_t capacity = q->capacity ? q->capacity * 2 : 64;
        sw_item *grown = checked_realloc(NULL, capacity, sizeof *grown);
        for (size_t i = 0; i < q->count; i++) grown[i] = q->items[(q->head + i) % q->capacity];
        free(q->items);
        q->items = grown;
        q->capacity = capacity;
        q->head = 0;
    }
    q->items[(q->head + q->count) % q->capacity] = item;
    q->count += 1;
    queue_count += 1;
}

static sw_item queue_pop_locked(sw_queue *q) {
    sw_item item = q->items[q->head];
    q->head = (q->head + 1) % q->capacity;
    q->count -= 1;
    queue_count -= 1;
    return item;
}

// Timer heap, ordered by deadline.
static sw_timer **heap;
static size_t heap_count, heap_capacity;

// Watches destroyed while a batch of events is handled: freed after it.
static sw_watch *dead_watches;

void sw_loop_start(void);

static void fail(const char *what) {
    fprintf(stderr, "simwatch event loop: %s: %s\n", what, strerror(errno));
    abort();
}

static void *checked_realloc(void *old, size_t count, size_t size) {
    if (count != 0 && size > SIZE_MAX / count) { errno = ENOMEM; fail("allocation"); }
    void *p = realloc(old, count * size);
    if (p == NULL) fail("allocation");
    return p;
}

uint64_t sw_loop_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void init_once(void) {
    epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_fd < 0) fail("epoll_create1");
    wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_fd < 0) fail("eventfd");
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
    if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, wake_fd, &ev) != 0) fail("epoll_ctl");
}

static void wake_locked(void) {
    if (!sleeping) return;
    sleeping = false;
    uint64_t one = 1;
    ssize_t written;
    do { written = write(wake_fd, &one, sizeof one); } while (written < 0 && errno == EINTR);
}

// MARK: - Timer heap (lock held)

static void heap_swap(size_t a, size_t b) {
    sw_timer *t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
    heap[a]->index = a;
    heap[b]->index = b;
}

static void heap_up(size_t i) {
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (heap[parent]->deadline <= heap[i]->deadline) break;
        heap_swap(i, parent);
        i = parent;
    }
}

static void heap_down(size_t i) {
    for (;;) {
        size_t left = 2 * i + 1, right = left + 1, least = i;
        if (left < heap_count && heap[left]->deadline < heap[least]->deadline) least = left;
        if (right < heap_count && heap[right]->deadline < heap[least]->deadline) least = right;
        if (least == i) break;
        heap_swap(i, least);
        i = least;
    }
}

static void heap_remove(sw_timer *timer) {
    size_t i = timer->index;
    if (i == SIZE_MAX) return;
    heap_count -= 1;
    if (i != heap_count) {
        heap[i] = heap[heap_count];
        heap[i]->index = i;
        heap_up(i);
        heap_down(heap[i]->index);
    }
    timer->index = SIZE_MAX;
}

static void heap_insert(sw_timer *timer) {
    if (heap_count == heap_capacity) {
        heap_capacity = heap_capacity ? heap_capacity * 2 : 16;
        heap = checked_realloc(heap, heap_capacity, sizeof *heap);
    }
    heap[heap_count] = timer;
    timer->index = heap_count;
    heap_count += 1;
    heap_up(timer->index);
}

// MARK: - Timers

sw_timer *sw_timer_create(sw_loop_fn fn, void *context) {
    sw_timer *timer = checked_realloc(NULL, 1, sizeof *timer);
    *timer = (sw_timer){.fn = fn, .context = context, .deadline = 0, .index = SIZE_MAX};
    return timer;
}

void sw_timer_arm(sw_timer *timer, uint64_t deadline) {
    sw_loop_start();
    pthread_mutex_lock(&lock);
    heap_remove(timer);
    timer->deadline = deadline;
    heap_insert(timer);
    if (timer->index == 0) wake_locked();
    pthread_mutex_unlock(&lock);
}

void sw_timer_disarm(sw_timer *timer) {
    pthread_mutex_lock(&lock);
    heap_remove(timer);
    pthread_mutex_unlock(&lock);
}

void sw_timer_destroy(sw_timer *timer) {
    sw_timer_disarm(timer);
    free(timer);
}

// MARK: - Work

void sw_loop_execute(sw_loop_fn fn, void *context) {
    sw_loop_execute_urgent(fn, context, false);
}

void sw_loop_execute_urgent(sw_loop_fn fn, void *context, bool urgent) {
    sw_loop_start();
    pthread_mutex_lock(&lock);
    queue_push_locked(urgent ? &urgent_queue : &work_queue, (sw_item){fn, context});
    wake_locked();
    pthread_mutex_unlock(&lock);
}

// MARK: - Watches

sw_watch *sw_watch_create(int fd, sw_watch_fn fn, void *context) {
    sw_loop_start();
    sw_watch *watch = checked_realloc(NULL, 1, sizeof *watch);
    *watch = (sw_watch){.fd = fd, .events = 0, .dead = false, .fn = fn, .context = context, .next_dead = NULL};
    return watch;
}

// Registered only while some event is wanted: epoll reports EPOLLHUP and EPOLLERR whatever the mask, so a suspended
// descriptor that hung up would otherwise wake the loop on every turn.
int sw_watch_set(sw_watch *watch, uint32_t events) {
    if (watch->dead) return EBADF;
    if (watch->events == events) return 0;
    struct epoll_event ev = {.events = events, .data.ptr = watch};
    int op = watch->events == 0 ? EPOLL_CTL_ADD : events == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD;
    if (epoll_ctl(epoll_fd, op, watch->fd, &ev) != 0) return errno;
    watch->events = events;
    return 0;
}

void sw_watch_destroy(sw_watch *watch) {
    if (watch->dead) return;
    // The descriptor may already be closed by its owner: then the kernel dropped it from the set already.
    if (watch->events != 0) epoll_ctl(epoll_fd, EPOLL_CTL_DEL, watch->fd, NULL);
    watch->dead = true;
    watch->next_dead = dead_watches;
    dead_watches = watch;
}

// MARK: - The loop

static __thread bool on_loop_thread;

bool sw_loop_is_current(void) {
    return on_loop_thread;
}

static void run_due_timers(void) {
    for (;;) {
        pthread_mutex_lock(&lock);
        if (heap_count == 0 || heap[0]->deadline > sw_loop_now()) {
            pthread_mutex_unlock(&lock);
            return;
        }
        sw_timer *timer = heap[0];
        heap_remove(timer);
        sw_loop_fn fn = timer->fn;
        void *context = timer->context;
        pthread_mutex_unlock(&lock);
        fn(context);
    }
}

static void run_queued(void) {
    // Only as many items as were queued before this pass: work that queues more work does not starve timers and
    // descriptors. Urgent items go first, those queued during the pass too.
    pthread_mutex_lock(&lock);
    size_t count = queue_count;
    pthread_mutex_unlock(&lock);
    for (size_t i = 0; i < count; i++) {
        pthread_mutex_lock(&lock);
        if (queue_count == 0) {
            pthread_mutex_unlock(&lock);
            break;
        }
        sw_item item = queue_pop_locked(urgent_queue.count > 0 ? &urgent_queue : &work_queue);
        pthread_mutex_unlock(&lock);
        item.fn(item.context);
    }
}

static void wait_for_events(void) {
    struct epoll_event events[32];
    struct timespec timeout;
    struct timespec *bound = NULL;
    pthread_mutex_lock(&lock);
    if (queue_count > 0) {
        timeout = (struct timespec){0, 0};
        bound = &timeout;
    } else if (heap_count > 0) {
        uint64_t now = sw_loop_now(), deadline = heap[0]->deadline;
        uint64_t wait = deadline > now ? deadline - now : 0;
        timeout = (struct timespec){(time_t)(wait / 1000000000u), (long)(wait % 1000000000u)};
        bound = &timeout;
    }
    sleeping = bound == NULL || timeout.tv_sec != 0 || timeout.tv_nsec != 0;
    pthread_mutex_unlock(&lock);

    int ready = epoll_pwait2(epoll_fd, events, 32, bound, NULL);
    pthread_mutex_lock(&lock);
    sleeping = false;
    pthread_mutex_unlock(&lock);
    if (ready < 0) {
        if (errno == EINTR) return;
        fail("epoll_pwait2");
    }
    for (int i = 0; i < ready; i++) {
        sw_watch *watch = events[i].data.ptr;
        if (watch == NULL) {
            uint64_t drained;
            while (read(wake_fd, &drained, sizeof drained) < 0 && errno == EINTR) {}
            continue;
        }
        if (watch->dead || watch->events == 0) continue;
        watch->fn(watch->context, events[i].events);
    }
    while (dead_watches != NULL) {
        sw_watch *next = dead_watches->next_dead;
        free(dead_watches);
        dead_watches = next;
    }
}

static bool work_queued(void) {
    pthread_mutex_lock(&lock);
    bool queued = queue_count > 0;
    pthread_mutex_unlock(&lock);
    return queued;
}

static _Noreturn void run_forever(void) {
    on_loop_thread = true;
    for (unsigned turns = 0;; turns++) {
        run_queued();
        run_due_timers();
        // Work that queued more work (a task resuming another, an actor hop) goes on without a system call; the
        // descriptors are still looked at every few turns, so a busy loop does not starve them.
        if (turns % 16 != 15 && work_queued()) continue;
        wait_for_events();
    }
}

static void *thread_main(void *unused) {
    (void)unused;
    run_forever();
}

void sw_loop_start(void) {
    pthread_once(&once, init_once);
    pthread_mutex_lock(&lock);
    bool start = !loop_thread_known && !runs_on_main;
    if (start) loop_thread_known = true;
    pthread_mutex_unlock(&lock);
    if (!start) return;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    int error = pthread_create(&loop_thread, &attributes, thread_main, NULL);
    pthread_attr_destroy(&attributes);
    if (error != 0) { errno = error; fail("pthread_create"); }
}

// MARK: - Delayed work

// Work due later: its timer frees itself when it fires.
typedef struct {
    sw_timer timer;
    sw_loop_fn fn;
    void *context;
} sw_delayed;

static void run_delayed(void *context) {
    sw_delayed *delayed = context;
    sw_loop_fn fn = delayed->fn;
    void *inner = delayed->context;
    free(delayed);
    fn(inner);
}

void sw_loop_execute_after(uint64_t delay, sw_loop_fn fn, void *context) {
    sw_delayed *delayed = checked_realloc(NULL, 1, sizeof *delayed);
    delayed->timer = (sw_timer){.fn = run_delayed, .context = delayed, .deadline = 0, .index = SIZE_MAX};
    delayed->fn = fn;
    delayed->context = context;
    uint64_t now = sw_loop_now();
    sw_timer_arm(&delayed->timer, delay > UINT64_MAX - now ? UINT64_MAX : now + delay);
}

void sw_loop_will_run_on_main(void) {
    pthread_once(&once, init_once);
    pthread_mutex_lock(&lock);
    if (!loop_thread_known) runs_on_main = true;
    pthread_mutex_unlock(&lock);
}

void sw_loop_run(void) {
    pthread_once(&once, init_once);
    pthread_mutex_lock(&lock);
    if (loop_thread_known && !pthread_equal(loop_thread, pthread_self())) {
        pthread_mutex_unlock(&lock);
        errno = EBUSY;
        fail("the loop already runs on another thread");
    }
    runs_on_main = true;
    loop_thread = pthread_self();
    loop_thread_known = true;
    pthread_mutex_unlock(&lock);
    run_forever();
}

// MARK: - Signals

static int signal_pipe[2] = {-1, -1};
static pthread_once_t signal_once = PTHREAD_ONCE_INIT;

static void open_signal_pipe(void) {
    if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) signal_pipe[0] = signal_pipe[1] = -1;
}

int sw_signal_descriptor(void) {
    pthread_once(&signal_once, open_signal_pipe);
    return signal_pipe[0];
}

static void on_signal(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    // A full pipe drops the byte: the signal is already waiting to be read, several times over.
    ssize_t ignored = write(signal_pipe[1], &byte, 1);
    (void)ignored;
    errno = saved;
}

int sw_signal_catch(int sig) {
    if (sw_signal_descriptor() < 0) return errno ? errno : EMFILE;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, NULL) == 0 ? 0 : errno;
}

void sw_thread_set_name(const char *name) {
    char shortened[16];
    snprintf(shortened, sizeof shortened, "%s", name);
    pthread_setname_np(pthread_self(), shortened);
}
