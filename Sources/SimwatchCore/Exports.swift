// Core's users (the daemon, the store, the tests) see the shared model through Core, as before the split.
@_exported public import SimwatchModel
