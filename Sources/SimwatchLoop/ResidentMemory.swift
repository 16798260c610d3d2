internal import CEventLoop

/// Keeps simwatchd's resident memory to what it runs. Code pages start-up or a library's initialisation touched
/// once (argument parsing, the configuration parser, OpenSSL's set-up) would stay mapped for the daemon's life,
/// along with the kernel's read-around of every page that did run; `settle()` lets them go and turns the
/// read-around off for that code, so what stays resident is what the daemon's periodic work runs.
public enum ResidentMemory {
    /// Settles executable mappings not seen before and trims the heap. Cheap (one read of /proc/self/maps):
    /// called after start-up and after the work of a poll, never per tick.
    @discardableResult
    public static func settle() -> Int {
        Int(sw_resident_settle())
    }

    /// One malloc arena for the whole process: the loop and the short-lived worker threads share it.
    public static func limitArenas() {
        sw_resident_limit_arenas(1)
    }
}
