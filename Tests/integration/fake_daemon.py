"""A scripted stand-in for simwatchd's control socket, for testing the real simwatchctl binary.

It speaks Varlink (NUL-terminated JSON messages on a Unix stream socket), records every call, and answers from a
table: method name -> a reply's parameters, an error, or a list of streamed replies. Standard library only.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

CONTROL = "io.simwatch.Control."


@dataclass
class Error:
    """An error reply: `name` unqualified for io.simwatch.Control errors ("NoSuchLine"), else fully qualified."""

    name: str
    parameters: dict[str, Any] = field(default_factory=dict)

    def message(self) -> dict[str, Any]:
        qualified = self.name if "." in self.name else CONTROL + self.name
        return {"error": qualified, "parameters": self.parameters}


@dataclass
class Stream:
    """Replies sent with continues=true; `end` sends the last one without it, else the stream stays open."""

    replies: list[dict[str, Any]]
    end: bool = False
    pause: float = 0.0


class FakeDaemon:
    def __init__(self, path: str, answers: dict[str, Any]):
        self.path = path
        self.answers = answers
        self.calls: list[dict[str, Any]] = []
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(path)
        self._server.listen(8)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [c["parameters"] for c in self.calls if c["method"] == CONTROL + method]

    def close(self):
        self._stop.set()
        self._server.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket):
        buffer = b""
        with conn:
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                buffer += chunk
                while b"\0" in buffer:
                    raw, buffer = buffer.split(b"\0", 1)
                    call = json.loads(raw)
                    call.setdefault("parameters", {})
                    self.calls.append(call)
                    if not self._answer(conn, call):
                        return

    def _send(self, conn: socket.socket, message: dict[str, Any]) -> bool:
        try:
            conn.sendall(json.dumps(message).encode() + b"\0")
            return True
        except OSError:
            return False

    def _answer(self, conn: socket.socket, call: dict[str, Any]) -> bool:
        method = call["method"]
        short = method[len(CONTROL):] if method.startswith(CONTROL) else method
        answer = self.answers.get(short, self.answers.get(method))
        if callable(answer):
            answer = answer(call["parameters"])
        if answer is None:
            return self._send(conn, Error("org.varlink.service.MethodNotFound", {"method": method}).message())
        if isinstance(answer, Error):
            return self._send(conn, answer.message())
        if isinstance(answer, Stream):
            for index, reply in enumerate(answer.replies):
                last = answer.end and index == len(answer.replies) - 1
                message = {"parameters": reply} if last else {"parameters": reply, "continues": True}
                if not self._send(conn, message):
                    return False
                if last:
                    return True
                if answer.pause:
                    self._stop.wait(answer.pause)
            # Keep the stream open, as the real daemon does, until the client goes away.
            self._stop.wait(30)
            return False
        return self._send(conn, {"parameters": answer})
