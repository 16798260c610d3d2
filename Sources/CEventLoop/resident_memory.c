// Code pages simwatchd has run once and may not run again: see include/CEventLoop.h (sw_resident_settle).

#define _GNU_SOURCE
#include "CEventLoop.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// Start addresses of the executable mappings already settled: each is settled once, the first time it is seen.
static uintptr_t *settled;
static size_t settled_count, settled_capacity;

static bool already_settled(uintptr_t start) {
    for (size_t i = 0; i < settled_count; i++) {
        if (settled[i] == start) return true;
    }
    return false;
}

static void remember(uintptr_t start) {
    if (settled_count == settled_capacity) {
        size_t capacity = settled_capacity ? settled_capacity * 2 : 64;
        uintptr_t *grown = realloc(settled, capacity * sizeof *grown);
        if (grown == NULL) return;
        settled = grown;
        settled_capacity = capacity;
    }
    settled[settled_count++] = start;
}

int sw_resident_settle(void) {
    FILE *maps = fopen("/proc/self/maps", "re");
    if (maps == NULL) return -1;
    int count = 0;
    char line[4096];
    while (fgets(line, sizeof line, maps) != NULL) {
        unsigned long start, end;
        char perms[8];
        int path_offset = 0;
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %n", &start, &end, perms, &path_offset) < 3) continue;
        // Only executable code mapped from a file, never written: dropping its pages loses nothing, they are read
        // back from the file when the code runs again. (Read-only data may have been relocated in place: never.)
        if (strcmp(perms, "r-xp") != 0 || path_offset == 0 || line[path_offset] != '/') continue;
        if (already_settled(start)) continue;
        void *address = (void *)start;
        size_t length = end - start;
        // No read-around: a page of code is mapped when it runs, not because a neighbour did.
        madvise(address, length, MADV_RANDOM);
        // What start-up (or a library's initialisation) ran is let go; what runs again comes back page by page.
        madvise(address, length, MADV_DONTNEED);
        remember(start);
        count++;
    }
    fclose(maps);
    malloc_trim(0);
    return count;
}

void sw_resident_limit_arenas(int arenas) {
    mallopt(M_ARENA_MAX, arenas);
    // Freed memory at the top of the heap is kept up to 1 MiB instead of 128 KiB: each control call would
    // otherwise grow and shrink the heap (two brk calls); sw_resident_settle trims it after the work of a poll.
    mallopt(M_TRIM_THRESHOLD, 1 << 20);
}
