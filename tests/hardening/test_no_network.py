"""No network, proven: check, fix, media, audit and pack list never connect beyond this machine.

A Python socket patch (tests/network_guard.py, on for every in-process test) cannot see the native
c2pa library, so the command line also runs under `strace -f -e trace=connect,sendto,sendmsg`
(inside `unshare -n` where allowed), which records every connection attempt of every process and
thread. Any AF_INET/AF_INET6 connect or send to a non-loopback address — or to port 53 anywhere
(a DNS query) — fails the test. AF_UNIX is fine. Skipped where strace cannot run.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import socket
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image

from tests.network_guard import NetworkUsed

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
ADDR = re.compile(
    r"sa_family=(?P<fam>AF_INET6?)(?:, sin6?_port=htons\((?P<port>\d+)\))?.*?"
    r"(?:inet_addr\(\"(?P<v4>[^\"]+)\"\)|inet_pton\(AF_INET6, \"(?P<v6>[^\"]+)\")"
)


def _works(argv: list[str]) -> bool:
    try:
        return subprocess.run(argv, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.fixture(scope="module")
def tracer() -> list[str]:
    strace = shutil.which("strace")
    if not strace or not _works([strace, "-f", "-qq", "-e", "trace=connect", "-o", os.devnull, "true"]):
        pytest.skip("strace is not available (or ptrace is not permitted) here")
    unshare = shutil.which("unshare")
    prefix = [unshare, "-n"] if unshare and _works([unshare, "-n", "true"]) else []
    return [*prefix, strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg"]


def remote_attempts(log: str) -> list[str]:
    bad = []
    for line in log.splitlines():
        m = ADDR.search(line)
        if not m:
            continue
        address = ipaddress.ip_address(m["v4"] or m["v6"])
        if not address.is_loopback or m["port"] == "53":
            bad.append(line.strip())
    return bad


def traced(tracer: list[str], tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    log = tmp_path / f"strace-{argv[0]}-{len(list(tmp_path.glob('strace-*')))}.log"
    env = {**os.environ, "PREFLIGHT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [*tracer, "-o", str(log), sys.executable, "-m", "app.cli", *argv],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=600,
    )
    assert "Traceback" not in run.stderr, run.stderr
    bad = remote_attempts(log.read_text(encoding="utf-8", errors="replace"))
    assert not bad, f"preflight {' '.join(argv)} tried the network:\n" + "\n".join(bad[:5])
    return run


def test_the_log_parser_flags_remote_and_dns_but_not_local() -> None:
    log = (
        '1 connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("203.0.113.9")}, 16) = -1\n'
        '2 connect(4, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 0\n'
        '3 connect(5, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), '
        'inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28) = -1\n'
        '4 connect(6, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0\n'
        '5 connect(7, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0\n'
    )
    assert [line.split()[0] for line in remote_attempts(log)] == ["1", "2", "3"]


def test_the_python_guard_stops_a_connection_in_process() -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.com", 443)


def _photo(path: Path, *, gps: bool) -> None:
    exif = Image.Exif()
    if gps:
        g = exif.get_ifd(0x8825)
        g[1], g[2], g[3], g[4] = "N", (Fraction(30), Fraction(15), Fraction(0)), "E", (Fraction(120), Fraction(10), Fraction(0))
    Image.new("RGB", (64, 48), (120, 30, 60)).save(path, "JPEG", exif=exif.tobytes())


def test_no_command_reaches_the_network(tracer: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    _photo(folder / "gps.jpg", gps=True)
    media = ["gps.jpg"]
    c2pa = sorted((CORPUS / "c2pa").glob("*")) if (CORPUS / "c2pa").is_dir() else []
    for src in c2pa:  # content credentials, CAWG identity included, read by the native library
        shutil.copy(src, folder / src.name)
        media.append(src.name)
    names = ", ".join(f'"{m}"' for m in media)
    (folder / "post.toml").write_text(
        f'title = "周末"\ntext = "AI生成的图片，来源：网络"\nmedia = [{names}]\n', encoding="utf-8"
    )
    traced(tracer, tmp_path, "check", str(folder / "post.toml"), "--format", "json")
    traced(tracer, tmp_path, "fix", str(folder / "post.toml"), "--out", str(tmp_path / "out"), "--unsafe")
    traced(tracer, tmp_path, "media", "--no-cache", *(str(folder / m) for m in media))
    traced(tracer, tmp_path, "audit", str(folder), "--jobs", "2", "--report", str(tmp_path / "a.html"))
    assert traced(tracer, tmp_path, "pack", "list").returncode == 0
