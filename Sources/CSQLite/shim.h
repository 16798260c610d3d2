#ifndef SIMWATCH_CSQLITE_SHIM_H
#define SIMWATCH_CSQLITE_SHIM_H

// The system's SQLite (libsqlite3-dev), used directly by SimwatchSQLite instead of through a wrapper library.
#include <sqlite3.h>

#endif
