"""Build Preflight for the current OS: PyInstaller folder → smoke test → OS package.

    python installer/build.py [--pack DIR|ZIP] [--trusted-key FILE.pub] [--settings FILE.toml]
                              [--subscription URL] [--skip-build] [--no-package]

Outputs (build/ and dist/ are git-ignored):
  dist/preflight/                      the frozen folder (preflight + preflight-gui + _internal/)
  dist/Preflight.app                   macOS only
  dist/packages/preflight_<v>_<arch>.deb, preflight-<v>-linux-<machine>.tar.gz     Linux
  dist/packages/Preflight-<v>.dmg                                                    macOS
  dist/packages/Preflight-<v>-setup.exe (Inno Setup, when iscc is installed)         Windows

An agency's branded build bundles its signed rule pack (resources/packs/bundled/<id>/), its public
key (resources/trusted_keys/<name>.pub) and default settings (resources/default_settings.toml).
Inputs are checked first — the pack must verify against the bundled (or already trusted) keys —
so a build never ships a pack the app would refuse.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from smoke import SmokeError, smoke  # noqa: E402

from checks import __version__  # noqa: E402


class BuildError(Exception):
    """A build input or step failed; printed as one line, exit 2."""


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--pack", action="append", default=[], metavar="DIR|ZIP", help="bundle a signed rule pack")
    p.add_argument("--trusted-key", action="append", default=[], metavar="FILE", help="bundle a public key")
    p.add_argument("--settings", metavar="FILE", help="default settings for new users (TOML)")
    p.add_argument("--subscription", action="append", default=[], metavar="URL", help="pack update URL")
    p.add_argument("--skip-build", action="store_true", help="reuse dist/ (re-smoke and re-package)")
    p.add_argument("--no-package", action="store_true", help="stop after the smoke test")
    p.add_argument("--dist", type=Path, default=ROOT / "dist")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    return p.parse_args(argv)


def check_inputs(args: argparse.Namespace) -> None:
    """Refuse bad agency inputs before spending minutes on PyInstaller."""
    from checks.packs import PackError
    from checks.packs.signing import PackSignatureError, read_pack
    from checks.packs.store import explicit_pack
    from checks.packs.trust import key_from_file, trusted_keys, verify_pack
    from checks.settings import Settings

    try:
        keys = [key_from_file(k, "bundled") for k in args.trusted_key]
    except PackError as exc:
        raise BuildError(f"--trusted-key: {exc}") from exc
    for pack in args.pack:
        try:
            explicit_pack(pack)  # the rule files parse
            verify_pack(read_pack(pack), keys=[*keys, *trusted_keys()])
        except (PackError, PackSignatureError) as exc:
            raise BuildError(f"--pack: {exc}") from exc
    if args.settings:
        try:
            data = tomllib.loads(Path(args.settings).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise BuildError(f"--settings {args.settings}: {exc}") from exc
        unknown = sorted(set(data) - set(Settings.__dataclass_fields__))
        if unknown:
            known = ", ".join(Settings.__dataclass_fields__)
            raise BuildError(f"--settings {args.settings}: unknown keys {unknown} (known: {known})")
    for url in args.subscription:
        if not url.startswith("https://"):
            raise BuildError(f"--subscription {url}: must be an https:// URL")


def pyinstaller(args: argparse.Namespace) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", str(HERE / "preflight.spec"), "--noconfirm", "--clean"]
    cmd += ["--distpath", str(args.dist), "--workpath", str(args.work), "--log-level", "WARN", "--"]
    for pack in args.pack:
        cmd += ["--pack", str(Path(pack).resolve())]
    for key in args.trusted_key:
        cmd += ["--trusted-key", str(Path(key).resolve())]
    if args.settings:
        cmd += ["--settings", str(Path(args.settings).resolve())]
    for url in args.subscription:
        cmd += ["--subscription", url]
    print("building:", " ".join(cmd), flush=True)
    if subprocess.run(cmd, cwd=ROOT, check=False).returncode != 0:
        raise BuildError("PyInstaller failed (see its output above)")


def strip_debug(app: Path) -> None:
    """Drop debug sections from the Python runtime (a pyenv libpython carries ~17 MB of them).

    Only CPython's own files: wheels' libraries were rewritten by auditwheel/patchelf, and
    stripping those is a known way to corrupt them for a few MB.
    """
    strip = shutil.which("strip")
    if not strip or not sys.platform.startswith("linux"):
        return
    internal = app / "_internal"
    files = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    files = [f for f in files if f.is_file() and not f.is_symlink()]
    if files:
        subprocess.run([strip, "--strip-debug", *map(str, files)], check=True)


def frozen_app(dist: Path) -> Path:
    return dist / "Preflight.app" if sys.platform == "darwin" else dist / "preflight"


def find_iscc() -> str | None:
    """Inno Setup's compiler: on PATH, or where its installer puts it."""
    found = shutil.which("iscc")
    for env, default in (
        ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
        ("ProgramFiles", r"C:\Program Files"),
    ):
        candidate = Path(os.environ.get(env, default)) / "Inno Setup 6" / "ISCC.exe"
        if not found and candidate.is_file():
            found = str(candidate)
    return found


def package(dist: Path, work: Path) -> list[Path]:
    out = dist / "packages"
    out.mkdir(parents=True, exist_ok=True)
    if sys.platform.startswith("linux"):
        from package_linux import make_deb, make_tarball

        made = [make_tarball(dist / "preflight", out, __version__)]
        if shutil.which("dpkg-deb"):
            made.insert(0, make_deb(dist / "preflight", out, __version__, work))
        else:
            print("note: dpkg-deb not found; skipped the .deb")
        return made
    if sys.platform == "darwin":
        dmg = out / f"Preflight-{__version__}.dmg"
        script = HERE / "macos" / "make_dmg.sh"
        subprocess.run(["bash", str(script), str(dist / "Preflight.app"), str(dmg)], check=True)
        return [dmg]
    if sys.platform == "win32":
        portable = out / f"preflight-{__version__}-windows-portable"
        made = [Path(shutil.make_archive(str(portable), "zip", dist, "preflight"))]
        iscc = find_iscc()
        if not iscc:
            print("note: Inno Setup (iscc) not found; made the portable zip only")
            return made
        ico = work / "preflight.ico"
        from PIL import Image

        Image.open(HERE / "assets" / "preflight.png").save(
            ico, sizes=[(16, 16), (32, 32), (48, 48), (256, 256)]
        )
        defines = [
            f"/DAppVersion={__version__}",
            f"/DDistDir={dist / 'preflight'}",
            f"/O{out}",
            f"/DIconFile={ico}",
        ]
        subprocess.run([iscc, *defines, str(HERE / "windows" / "preflight.iss")], check=True)
        return [*made, out / f"Preflight-{__version__}-setup.exe"]
    raise BuildError(f"no packaging for {sys.platform}")


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    args.dist = args.dist.resolve()
    args.work = args.work.resolve()
    started = time.perf_counter()
    try:
        check_inputs(args)
        if not args.skip_build:
            pyinstaller(args)
            strip_debug(args.dist / "preflight")
        app = frozen_app(args.dist)
        if not app.exists():
            raise BuildError(f"{app} does not exist (run without --skip-build)")
        print(f"smoke-testing {app} ({platform.system()} {platform.machine()})", flush=True)
        smoke(app, __version__)
        made = [] if args.no_package else package(args.dist, args.work)
    except (BuildError, SmokeError) as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"build.py: {' '.join(map(str, exc.cmd))} failed with exit {exc.returncode}", file=sys.stderr)
        return 2
    for f in made:
        print(f"made {f} ({f.stat().st_size / 1e6:.1f} MB)")
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
