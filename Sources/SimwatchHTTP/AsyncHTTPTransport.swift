import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// `HTTPTransport` over async-http-client: one shared client with redirects turned off. Shut it down once, at exit.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient

    public init() {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func send(_ spec: HTTPRequestSpec) async throws(HTTPTransportError) -> HTTPResponseSpec {
        var request = HTTPClientRequest(url: spec.url)
        request.method = HTTPMethod(rawValue: spec.method)
        for header in spec.headers { request.headers.add(name: header.name, value: header.value) }
        if let body = spec.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(spec.totalTimeout * 1000)))
            let body = try await response.body.collect(upTo: spec.maxResponseBytes)
            return HTTPResponseSpec(
                status: Int(response.status.code),
                headers: response.headers.map { HTTPHeader($0.name, $0.value) },
                body: Array(body.readableBytesView)
            )
        } catch let error as HTTPClientError {
            throw Self.map(error)
        } catch let error as NIOTooManyBytesError {
            throw HTTPTransportError(.tooLarge, "response larger than \(spec.maxResponseBytes) bytes (\(error))")
        } catch {
            throw HTTPTransportError(.io, "\(error)")
        }
    }

    /// Closes connections; call once before the process exits.
    public func shutdown() async {
        try? await client.shutdown()
    }

    static func map(_ error: HTTPClientError) -> HTTPTransportError {
        if [.invalidURL, .emptyHost, .emptyScheme].contains(error) {
            return HTTPTransportError(.invalidURL, "\(error)")
        }
        if [.connectTimeout, .readTimeout, .deadlineExceeded, .writeTimeout].contains(error) {
            return HTTPTransportError(.timeout, "\(error)")
        }
        if error == .remoteConnectionClosed {
            return HTTPTransportError(.connect, "\(error)")
        }
        return HTTPTransportError(.io, "\(error)")
    }
}
