#ifndef SIMWATCH_CFUZZDRIVER_H
#define SIMWATCH_CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). A Swift executable has its own `main`, which
/// replaces libFuzzer's, so each harness's main.swift calls the driver itself.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
