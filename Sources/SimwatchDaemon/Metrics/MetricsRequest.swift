/// The request side of the metrics server, pure: where a request head ends, and the answer to it.
enum MetricsRequest {
    /// The request head (up to the blank line), once all of it arrived.
    static func head(of bytes: [UInt8]) -> ArraySlice<UInt8>? {
        let end: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index..<(index + 4)].elementsEqual(end) {
            return bytes[..<index]
        }
        return nil
    }

    /// The whole response to a request head: the page for GET (or its headers for HEAD) of /metrics.
    static func answer(_ head: ArraySlice<UInt8>, page: [UInt8]) -> [UInt8] {
        let firstLine = head.split(separator: 10, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let parts = String(decoding: firstLine, as: UTF8.self)
            .trimmingSuffix("\r")
            .split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0", parts[1].hasPrefix("/") else {
            return response(400, "bad request\n")
        }
        let path = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard path == "/metrics" else { return response(404, "not found; the metrics are at /metrics\n") }
        guard parts[0] == "GET" || parts[0] == "HEAD" else {
            return response(405, "only GET\n", extra: "Allow: GET, HEAD\r\n")
        }
        var out = Array(
            ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
                + "Content-Length: \(page.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n").utf8
        )
        if parts[0] == "GET" { out += page }
        return out
    }

    static func response(_ status: Int, _ text: String, extra: String = "") -> [UInt8] {
        let reason =
            [400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 431: "Request Header Fields Too Large"][
                status
            ] ?? "Error"
        return Array(
            ("HTTP/1.1 \(status) \(reason)\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: \(text.utf8.count)\r\n\(extra)Connection: close\r\n\r\n\(text)").utf8
        )
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self[...]
    }
}
