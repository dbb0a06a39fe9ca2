"""Pack subscriptions against a server on 127.0.0.1 only: installs, refusals, offline, privacy."""

from __future__ import annotations

import io
import socket
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.cli import main
from checks import __version__
from checks.packs import PackError, store, subscription


def zipped(folder: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                zf.write(f, f.relative_to(folder).as_posix())
    return buf.getvalue()


class Server:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests.append((self.path, dict(self.headers)))
                body = owner.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/zip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def test_good_pack_installs_and_request_carries_nothing_about_the_creator(server, make_pack, trusted) -> None:
    server.files["/packs/xinghe.zip"] = zipped(make_pack())
    url = server.url("/packs/xinghe.zip")
    subscription.subscribe(url)
    (result,) = subscription.update()
    assert result.status == "installed", result.message
    assert store.installed("mcn-xinghe").source == url
    path, headers = server.requests[0]
    assert path == "/packs/xinghe.zip"
    assert headers["User-Agent"] == f"Preflight/{__version__}"
    assert "Cookie" not in headers and "Authorization" not in headers
    (again,) = subscription.update()
    assert again.status == "unchanged"


def test_tampered_pack_is_refused_and_last_good_kept(server, make_pack, trusted) -> None:
    url = server.url("/p.zip")
    server.files["/p.zip"] = zipped(make_pack("v1", version="1"))
    assert subscription.update([url])[0].status == "installed"
    bad = make_pack("v2", version="2")
    (bad / "rules" / "clickbait.toml").write_text(
        'kind = "lexicon"\nlexicon = "clickbait_strong"\nentries = ["x"]\n'
    )
    server.files["/p.zip"] = zipped(bad)
    (result,) = subscription.update([url])
    assert result.status == "failed"
    assert "changed after signing" in result.message and "keeping mcn-xinghe 1" in result.message
    assert store.installed("mcn-xinghe").version == "1"


def test_older_version_is_refused(server, make_pack, trusted) -> None:
    url = server.url("/p.zip")
    server.files["/p.zip"] = zipped(make_pack("v2", version="2026.12.1"))
    subscription.update([url])
    server.files["/p.zip"] = zipped(make_pack("v1", version="2026.11.1"))
    (result,) = subscription.update([url])
    assert result.status == "failed" and "older" in result.message
    assert store.installed("mcn-xinghe").version == "2026.12.1"


def test_server_down_keeps_last_good(server, make_pack, trusted) -> None:
    url = server.url("/p.zip")
    server.files["/p.zip"] = zipped(make_pack())
    subscription.update([url])
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/p.zip"
    (result,) = subscription.update([dead], timeout=2)
    assert result.status == "failed" and "cannot download" in result.message
    (missing,) = subscription.update([server.url("/gone.zip")])
    assert missing.status == "failed" and "404" in missing.message
    assert store.installed("mcn-xinghe").trusted


def test_https_is_required_beyond_this_machine() -> None:
    for bad in (
        "http://packs.example.com/p.zip",
        "ftp://127.0.0.1/p.zip",
        "file:///etc/passwd",
        "example.com/p.zip",
    ):
        with pytest.raises(PackError, match="https://"):
            subscription.check_url(bad)
    assert subscription.check_url("https://packs.example.com/p.zip")
    assert subscription.check_url("http://localhost:8000/p.zip")


def test_cli_update_exit_codes(server, make_pack, trusted, capsys) -> None:
    assert main(["pack", "update"]) == 0  # nothing subscribed
    server.files["/p.zip"] = zipped(make_pack())
    assert main(["pack", "subscribe", server.url("/p.zip")]) == 0
    assert main(["pack", "update"]) == 0
    assert "installed mcn-xinghe" in capsys.readouterr().out
    assert main(["pack", "subscribe", "http://evil.example/p.zip"]) == 2
