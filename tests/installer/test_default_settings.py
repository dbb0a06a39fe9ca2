"""An agency's installer ships resources/default_settings.toml; it applies until the creator saves their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import settings


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bundle = tmp_path / "resources"
    bundle.mkdir()
    monkeypatch.setattr(settings.resources, "path", lambda *parts: bundle.joinpath(*parts))
    return bundle / "default_settings.toml"


def test_installer_defaults_apply_until_the_creator_saves(shipped: Path) -> None:
    shipped.write_text('lang = "zh"\nplatform = "douyin"\nunknown = 1\n', encoding="utf-8")
    loaded = settings.Settings.load()
    assert (loaded.lang, loaded.platform) == ("zh", "douyin")
    loaded.platform = "bilibili"
    loaded.save()
    assert settings.Settings.load().platform == "bilibili"  # the creator's own file wins
    assert "douyin" in shipped.read_text(encoding="utf-8")  # the bundle is never written


def test_no_or_damaged_defaults_fall_back_to_built_in(shipped: Path) -> None:
    assert settings.Settings.load() == settings.Settings()
    shipped.write_text("lang = ", encoding="utf-8")
    assert settings.Settings.load() == settings.Settings()
