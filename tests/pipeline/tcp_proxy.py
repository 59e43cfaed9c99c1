"""A loopback TCP proxy the test controls, to make a real PostgreSQL refuse or stall.

``refuse()`` closes the listening socket (new connections get ECONNREFUSED) and resets every
open connection; ``stall()`` keeps every socket open but forwards nothing, in either
direction, as a server that hangs or a network that drops packets would; ``resume()``
forwards again (listening again on the same port after a refusal).
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import suppress


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.mode = "pass"
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._closed = False
        self._listener = self._listen(0)
        self.port: int = self._listener.getsockname()[1]

    def _listen(self, port: int) -> socket.socket:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(64)
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return listener

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed: refusing, or the proxy is closed
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                while self.mode == "stall" and not self._closed:
                    time.sleep(0.01)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        for sock in (src, dst):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _cut_all(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00"
                                b"\x00\x00")
                sock.shutdown(socket.SHUT_RDWR)
            with suppress(OSError):
                sock.close()

    def _stop_listening(self) -> None:
        # shutdown first: close alone leaves a socket blocked in accept() listening
        with suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()

    def refuse(self) -> None:
        self.mode = "refuse"
        self._stop_listening()
        self._cut_all()

    def stall(self) -> None:
        self.mode = "stall"

    def resume(self) -> None:
        if self.mode == "refuse":
            self._listener = self._listen(self.port)
        self.mode = "pass"

    def close(self) -> None:
        self._closed = True
        self._stop_listening()
        self._cut_all()
