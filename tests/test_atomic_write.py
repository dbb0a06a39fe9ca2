"""atomic_write: all-or-nothing replacement that keeps a file's permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from checks.draft import atomic_write

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def test_replacing_a_file_keeps_its_mode(tmp_path: Path) -> None:
    """Saving a draft the user made group-readable must not make it private (mkstemp's 0600)."""
    draft = tmp_path / "draft.toml"
    draft.write_text('title = "old"\n', encoding="utf-8")
    draft.chmod(0o664)
    atomic_write(draft, 'title = "new"\n')
    assert draft.read_text(encoding="utf-8") == 'title = "new"\n'
    assert stat.S_IMODE(draft.stat().st_mode) == 0o664


def test_new_file_gets_the_umask_mode_and_secrets_stay_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "media" / "copy.jpg", b"\xff\xd8")
        atomic_write(tmp_path / "key.pem", b"secret", mode=0o600)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "media" / "copy.jpg").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "key.pem").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
