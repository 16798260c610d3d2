"""A scripted HTTP server on loopback for the provider API tests (Python standard library only).

Each route (METHOD, path) answers from a list of responses, one per request; the last one repeats. A response
is a dict: status, body (str, bytes or a JSON-able object), headers, delay (seconds to wait before answering, to
simulate a hang). Every request is recorded with its headers, body and monotonic arrival time.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorded:
    def __init__(self, method: str, path: str, headers: dict[str, str], body: bytes):
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.t = time.monotonic()

    def __repr__(self) -> str:
        return f"{self.method} {self.path} @{self.t:.2f}"


class FakeAPI:
    def __init__(self):
        self.routes: dict[tuple[str, str], list[dict]] = {}
        self.served: dict[tuple[str, str], int] = {}
        self.requests: list[Recorded] = []
        self.lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                key = (self.command, self.path)
                with api.lock:
                    api.requests.append(Recorded(self.command, self.path, dict(self.headers.items()), body))
                    script = api.routes.get(key)
                    n = api.served.get(key, 0)
                    api.served[key] = n + 1
                if not script:
                    response = {"status": 404, "body": {"error": "no route"}}
                else:
                    response = script[min(n, len(script) - 1)]
                if response.get("delay"):
                    time.sleep(response["delay"])
                payload = response.get("body", b"")
                if not isinstance(payload, (str, bytes)):
                    payload = json.dumps(payload)
                if isinstance(payload, str):
                    payload = payload.encode()
                try:
                    self.send_response(response.get("status", 200))
                    headers = {"Content-Type": "application/json", **response.get("headers", {})}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = _answer
            do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def route(self, method: str, path: str, *responses: dict) -> None:
        with self.lock:
            self.routes[(method, path)] = list(responses)

    def calls(self, method: str, path: str) -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.method == method and r.path == path]

    def __enter__(self) -> "FakeAPI":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
