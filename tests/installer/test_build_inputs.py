"""installer/build.py refuses bad agency inputs before it spends minutes on PyInstaller (fast tests).

Also checks the Linux desktop integration files as a desktop would read them.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checks.packs import signing

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installer" / "build.py"
LINUX = ROOT / "installer" / "linux"


def build_module():
    spec = importlib.util.spec_from_file_location("preflight_installer_build", BUILD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_pack(folder: Path, key: Path | None) -> Path:
    (folder / "rules").mkdir(parents=True)
    (folder / "pack.toml").write_text(
        'id = "mcn-test"\nversion = "1.0"\npublisher = "测试机构"\nmin_app_version = "0.1.0"\n',
        encoding="utf-8",
    )
    (folder / "rules" / "words.toml").write_text(
        'kind = "lexicon"\nlexicon = "clickbait_strong"\nentries = ["家人们谁懂啊"]\n', encoding="utf-8"
    )
    if key:
        signing.sign_pack(folder, signing.load_private_key(key))
    return folder


def run_build(*args: str) -> subprocess.CompletedProcess[str]:
    # --no-package --skip-build --dist <empty>: if the inputs were accepted, build.py stops at the missing app.
    return subprocess.run(
        [sys.executable, str(BUILD), *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    private, public, _ = signing.generate_keypair(tmp_path / "keys" / "agency.pem")
    return private, public


def test_signed_pack_with_its_key_is_accepted(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    pack = make_pack(tmp_path / "pack", keys[0])
    settings = tmp_path / "settings.toml"
    settings.write_text('lang = "zh"\nplatform = "douyin"\n', encoding="utf-8")
    build = build_module()
    args = build.parse(["--pack", str(pack), "--trusted-key", str(keys[1]), "--settings", str(settings)])
    build.check_inputs(args)  # raises BuildError when refused


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("unsigned", "not signed"),
        ("unknown_key", "key"),
        ("tampered", "words.toml"),
        ("missing", "no-such-pack"),
    ],
)
def test_bad_packs_are_refused_before_building(
    tmp_path: Path, keys: tuple[Path, Path], case: str, message: str
) -> None:
    other_private, _, _ = signing.generate_keypair(tmp_path / "keys" / "other.pem")
    if case == "unsigned":
        pack = make_pack(tmp_path / "pack", None)
    elif case == "unknown_key":
        pack = make_pack(tmp_path / "pack", other_private)
    elif case == "tampered":
        pack = make_pack(tmp_path / "pack", keys[0])
        (pack / "rules" / "words.toml").write_text(
            'kind = "lexicon"\nlexicon = "clickbait_strong"\nentries = ["改过"]\n', encoding="utf-8"
        )
    else:
        pack = tmp_path / "no-such-pack"
    done = run_build("--pack", str(pack), "--trusted-key", str(keys[1]), "--dist", str(tmp_path / "dist"))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "--pack" in done.stderr
    assert message in done.stderr
    assert "building:" not in done.stdout  # PyInstaller never started


def test_bad_key_and_settings_are_refused(tmp_path: Path) -> None:
    not_a_key = tmp_path / "agency.pub"
    not_a_key.write_text("hello", encoding="utf-8")
    done = run_build("--trusted-key", str(not_a_key), "--dist", str(tmp_path / "dist"))
    assert done.returncode == 2 and "--trusted-key" in done.stderr
    settings = tmp_path / "settings.toml"
    settings.write_text('colour = "red"\n', encoding="utf-8")
    done = run_build("--settings", str(settings), "--dist", str(tmp_path / "dist"))
    assert done.returncode == 2 and "unknown keys ['colour']" in done.stderr
    settings.write_text("lang = \n", encoding="utf-8")
    done = run_build("--settings", str(settings), "--dist", str(tmp_path / "dist"))
    assert done.returncode == 2 and "--settings" in done.stderr
    done = run_build("--subscription", "http://example.invalid/p.zip", "--dist", str(tmp_path / "dist"))
    assert done.returncode == 2 and "https://" in done.stderr


def test_accepted_inputs_reach_the_build_step(tmp_path: Path) -> None:
    done = run_build("--skip-build", "--no-package", "--dist", str(tmp_path / "dist"))
    assert done.returncode == 2 and "does not exist" in done.stderr


def test_desktop_entry_and_mime_type() -> None:
    desktop = (LINUX / "preflight.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-preflight-draft;" in desktop
    assert "Exec=@BINDIR@/preflight-gui %f" in desktop
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(LINUX / "preflight.desktop")], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(LINUX / "preflight-mime.xml").getroot()
    kind = mime.find("m:mime-type", ns)
    assert kind is not None and kind.get("type") == "application/x-preflight-draft"
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.preflight.toml"]


def test_mime_database_maps_draft_files(tmp_path: Path) -> None:
    """update-mime-database (shared-mime-info) compiles our type and glob as a desktop will."""
    if not shutil.which("update-mime-database"):
        pytest.skip("shared-mime-info is not installed")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(LINUX / "preflight-mime.xml", packages / "preflight.xml")
    subprocess.run(["update-mime-database", str(tmp_path / "mime")], check=True, capture_output=True)
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-preflight-draft:*.preflight.toml" in globs


def test_shell_scripts_parse() -> None:
    for script in (LINUX / "install.sh", LINUX / "postinst", LINUX / "postrm"):
        subprocess.run(["sh", "-n", str(script)], check=True)
        assert script.stat().st_mode & 0o111, f"{script.name} must be executable"
