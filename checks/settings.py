"""User settings and the account profile, stored with platformdirs (shared by the CLI and the GUI).

`PREFLIGHT_HOME` overrides every location (tests, portable installs, MCN-preconfigured builds).
Saves are atomic. The explicit `Settings` object is the only global state.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from checks import resources
from checks.draft import account_from_dict, account_to_dict, atomic_write
from checks.model import Account

APP = "preflight"


def config_dir() -> Path:
    home = os.environ.get("PREFLIGHT_HOME")
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    home = os.environ.get("PREFLIGHT_HOME")
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    home = os.environ.get("PREFLIGHT_HOME")
    return Path(home) / "cache" if home else Path(platformdirs.user_cache_dir(APP, appauthor=False))


@dataclass
class Settings:
    lang: str = ""  # "" = follow the system
    platform: str = "generic"
    output_dir: str = ""
    last_output_dir: str = ""  # where the app last wrote media copies (asked once, then remembered)
    packs: list[str] = field(default_factory=list)  # extra rule packs (folders or zips)
    recent: list[str] = field(default_factory=list)  # recent drafts, newest first
    ocr: bool = True  # read the text shown in pictures and videos (checks.media.ocr)

    @classmethod
    def load(cls) -> Settings:
        file = config_dir() / "settings.toml"
        if not file.exists():
            # Until the creator saves their own, an agency's installer may ship defaults.
            file = resources.path("default_settings.toml")
        if not file.exists():
            return cls()
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return cls()  # a damaged settings file must never stop the app; defaults apply
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self) -> Path:
        data: dict[str, Any] = {k: v for k, v in asdict(self).items() if v is not None}
        return atomic_write(config_dir() / "settings.toml", tomli_w.dumps(data))

    def add_recent(self, path: str, keep: int = 10) -> None:
        p = str(Path(path).resolve())
        self.recent = [p, *[r for r in self.recent if r != p]][:keep]


def profile_path() -> Path:
    return config_dir() / "profile.toml"


def load_profile() -> Account | None:
    """The stored account profile, or None when the creator has not set one up."""
    file = profile_path()
    if not file.exists():
        return None
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    return account_from_dict(data.get("account", data), str(file))


def save_profile(account: Account) -> Path:
    return atomic_write(profile_path(), tomli_w.dumps({"account": account_to_dict(account)}))


def clean_stale_temps_in_user_dirs() -> int:
    """Remove temp files a killed save left in Preflight's own folders (settings, packs, cache).

    Run on start by the command line (the GUI may call it too); draft and output folders are
    cleaned as they are written (`atomic_write`, `fix`).
    """
    from checks.temp_files import clean_stale_temps

    folders = (config_dir(), config_dir() / "trusted_keys", data_dir(), data_dir() / "packs", cache_dir())
    return sum(clean_stale_temps(f) for f in folders)
