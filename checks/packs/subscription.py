"""Optional pack updates from URLs an MCN configures: the only network access in Preflight.

A subscription is a list of HTTPS URLs, each serving one signed pack zip, in
`config_dir()/subscription.toml` (`urls = [...]`, written by `preflight pack subscribe`) or in
`resources/subscription.toml` (preconfigured by an MCN's installer). Nothing about the creator
leaves the machine: a plain GET, no cookies, no query added, a fixed User-Agent
"Preflight/<version>". The zip is verified exactly like a manual install before it replaces
anything, an older version than the installed one is refused (a replayed old pack), and any
failure — offline, server down, tampered zip — keeps the last good pack in force.
"""

from __future__ import annotations

import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import tomli_w

from checks import __version__, resources, settings
from checks.draft import atomic_write
from checks.packs import store
from checks.packs.files import MAX_BYTES, read_pack, read_pack_bytes
from checks.packs.model import PackError
from checks.packs.trust import verify_pack

USER_AGENT = f"Preflight/{__version__}"
TIMEOUT = 20.0
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class UpdateResult:
    url: str
    status: str  # "installed" | "unchanged" | "failed"
    message: str
    pack: store.InstalledPack | None = None


def config_file() -> Path:
    return settings.config_dir() / "subscription.toml"


def _urls_in(file: Path) -> list[str]:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return []
    urls = data.get("urls", [])
    return [u for u in urls if isinstance(u, str) and u.strip()] if isinstance(urls, list) else []


def subscription_urls() -> list[str]:
    """The creator's URLs, then the installer's, without duplicates."""
    both = _urls_in(config_file()) + _urls_in(resources.path("subscription.toml"))
    return list(dict.fromkeys(both))


def check_url(url: str) -> str:
    """HTTPS only; plain http is accepted for this machine alone (127.0.0.1/localhost), never beyond."""
    parts = urlsplit(url.strip())
    if parts.scheme == "https" and parts.hostname:
        return url.strip()
    if parts.scheme == "http" and parts.hostname in LOOPBACK:
        return url.strip()
    raise PackError(f"subscription URL must start with https:// (got {url!r})")


def subscribe(url: str) -> list[str]:
    urls = _urls_in(config_file())
    url = check_url(url)
    if url not in urls:
        urls.append(url)
        atomic_write(config_file(), tomli_w.dumps({"urls": urls}))
    return urls


def unsubscribe(url: str) -> list[str]:
    urls = _urls_in(config_file())
    if url not in urls:
        raise PackError(f"not subscribed to {url!r}")
    urls.remove(url)
    atomic_write(config_file(), tomli_w.dumps({"urls": urls}))
    return urls


class _SafeRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float = TIMEOUT) -> bytes:
    """GET `url` and return the body (capped at the pack size limit); PackError on any failure."""
    url = check_url(url)
    opener = urllib.request.build_opener(_SafeRedirect())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/zip"})
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise PackError(f"{url}: server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PackError(f"{url}: cannot download ({reason})") from exc
    if len(body) > MAX_BYTES:
        raise PackError(f"{url}: download larger than {MAX_BYTES >> 20} MB; not a rule pack")
    return body


def update(urls: list[str] | None = None, timeout: float = TIMEOUT) -> list[UpdateResult]:
    """Fetch and install every subscribed pack; one failure never affects the others or the installed packs."""
    results = []
    for url in subscription_urls() if urls is None else urls:
        try:
            pack = read_pack_bytes(fetch(url, timeout), url)
            verify_pack(pack)
            before = store.installed(pack.pack_id)
            if before and before.trusted and read_pack(before.path).hashes() == pack.hashes():
                results.append(
                    UpdateResult(url, "unchanged", f"{pack.pack_id} {pack.version} is up to date", before)
                )
                continue
            after = store.install(pack, source=url)
            results.append(UpdateResult(url, "installed", f"installed {after.id} {after.version}", after))
        except PackError as exc:
            kept = [p for p in store.list_installed() if p.source == url and p.trusted]
            tail = f"; keeping {kept[0].id} {kept[0].version}" if kept else ""
            results.append(UpdateResult(url, "failed", f"{exc}{tail}", kept[0] if kept else None))
    return results
