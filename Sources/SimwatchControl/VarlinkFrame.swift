/// Varlink framing: every message is one JSON object followed by a NUL byte.
public enum VarlinkFrame {
    /// The byte that ends each message.
    public static let terminator: UInt8 = 0

    /// Accumulates bytes as they are read and yields each complete message (without its NUL).
    ///
    /// A message longer than `limit` bytes, complete or still arriving, makes `next()` throw `.tooLarge`; the
    /// connection should then be closed, since the rest of the stream cannot be trusted.
    public struct Buffer: Sendable {
        /// The largest message accepted, in bytes, not counting the NUL.
        public let limit: Int
        private var bytes: [UInt8] = []
        private var start = 0
        // Bytes before this index are known to hold no NUL, so a slow sender is not rescanned from the start.
        private var scanned = 0

        public init(limit: Int) {
            self.limit = limit
        }

        /// Bytes received and not yet returned as a message.
        public var pendingCount: Int { bytes.count - start }

        /// Adds bytes just read.
        public mutating func append(_ chunk: UnsafeRawBufferPointer) {
            bytes.append(contentsOf: chunk)
        }

        /// Adds bytes just read.
        public mutating func append(contentsOf chunk: some Sequence<UInt8>) {
            bytes.append(contentsOf: chunk)
        }

        /// The next complete message, or nil when more bytes are needed.
        public mutating func next() throws(VarlinkTransportError) -> [UInt8]? {
            let from = Swift.max(scanned, start)
            guard let end = bytes[from...].firstIndex(of: VarlinkFrame.terminator) else {
                scanned = bytes.count
                if pendingCount > limit { throw .tooLarge(limit: limit) }
                return nil
            }
            if end - start > limit { throw .tooLarge(limit: limit) }
            let message = Array(bytes[start..<end])
            start = end + 1
            scanned = start
            compact()
            return message
        }

        private mutating func compact() {
            if start == bytes.count {
                bytes.removeAll(keepingCapacity: bytes.capacity <= 64 * 1024)
                start = 0
                scanned = 0
            } else if start >= 64 * 1024 && start * 2 >= bytes.count {
                bytes.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
        }
    }
}
