// Declarations only (include/CFuzzDriver.h): the driver is libFuzzer's. A C target needs one source file.
#include "CFuzzDriver.h"
