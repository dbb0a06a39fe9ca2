"""Shared fixtures. Tests run headless: Qt uses the offscreen platform, set before any Qt import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

if not os.environ.get("QT_QPA_PLATFORM"):  # unset or empty: never try a real display in tests
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared real-file corpus; tests using it are skipped when it is absent."""
    if not (CORPUS / "MANIFEST.tsv").exists():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, profile, caches and trusted keys go to a temp folder, never the developer's home."""
    home = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("PREFLIGHT_HOME", str(home))
    # OCR costs ~0.3 s a picture; tests about reading media text switch it on (tests/media/ocr_support.py).
    monkeypatch.setenv("PREFLIGHT_OCR", "0")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every in-process test fails on a connection beyond this machine (tests/network_guard.py)."""
    from tests.network_guard import install

    install(monkeypatch)


def pytest_addoption(parser: pytest.Parser) -> None:
    """`pytest --update-golden` rewrites tests/golden/expected/ (here: options must be declared
    by the root conftest, which is loaded before the command line is parsed)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the CLI golden files in tests/golden/expected instead of comparing with them",
    )
