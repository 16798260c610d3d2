/// A C pointer handed to the loop's thread to be freed there.
struct Handle: @unchecked Sendable {
    // @unchecked: used once, on the loop's thread, after its owner is gone.
    let pointer: OpaquePointer
    let raw: UnsafeMutableRawPointer
    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
        raw = UnsafeMutableRawPointer(pointer)
    }
    init(_ raw: UnsafeMutableRawPointer) {
        self.pointer = OpaquePointer(raw)
        self.raw = raw
    }
}
