"""Running the application: a listening socket on the asked address, then uvicorn on it
until Ctrl-C. Nothing is printed here; the command line says what happens."""

from __future__ import annotations

import ipaddress
import os
import socket

from indexer.errors import ReportsError


def is_loopback(host: str) -> bool:
    """Only this machine can reach the address."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may well be reachable from outside


def listen(host: str, port: int) -> socket.socket:
    """A socket bound and listening (port 0: any free port); a ``ReportsError`` saying
    why when the address cannot be had."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ReportsError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ReportsError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def run(app, sock: socket.socket, workers: int = 1) -> None:
    """Serve until Ctrl-C (or SIGTERM); returns once the open requests are answered.
    ``workers`` over 1: that many processes answer on the one socket, each building the
    application from ``app.state.index`` (Python runs one search at a time per
    process)."""
    import uvicorn

    options = {"log_level": "warning", "access_log": False, "lifespan": "on",
               "server_header": False}
    try:
        if workers > 1:
            from uvicorn.supervisors import Multiprocess

            os.environ["REPORTS_SERVE_INDEX"] = str(app.state.index)
            if app.state.people_file:
                os.environ["REPORTS_SERVE_PEOPLE"] = str(app.state.people_file)
            app.state.live.close()  # this process only watches over the workers
            config = uvicorn.Config("search.web.app:from_environment", factory=True,
                                    workers=workers, **options)
            Multiprocess(config, sockets=[sock]).run()
        else:
            uvicorn.Server(uvicorn.Config(app, **options)).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn passes the signal on once it has stopped
        pass
    finally:
        sock.close()
