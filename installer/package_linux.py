"""Linux packages from the frozen folder: a `.deb` (dpkg-deb) and a `.tar.gz` with install.sh.

The .deb installs the folder to /opt/preflight, links /usr/bin/preflight and /usr/bin/preflight-gui,
and adds a menu entry, hicolor icons and the `application/x-preflight-draft` MIME type for
`*.preflight.toml`. Its Depends line is computed from the system libraries the frozen binaries
actually link to (ldd + dpkg -S), so it names this distribution's package names; build on the
oldest distribution you support.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINUX = HERE / "linux"
ICON_SVG = HERE / "assets" / "preflight.svg"
ICON_PNG = HERE / "assets" / "preflight.png"
MAINTAINER = "Preflight team <preflight@localhost>"
DESCRIPTION = """\
Pre-publish label checker for self-media drafts (发布前自检)
 Preflight reads a draft, the account profile and every media file, finds the labels
 Chinese regulations require that are missing (shooting time and place, AI-generated,
 source, fiction, credentials...), cites the clause and offers fixes. Runs offline."""


def deb_arch() -> str:
    try:
        return subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def elf_files(folder: Path) -> list[Path]:
    out = []
    for f in folder.rglob("*"):
        if f.is_file() and not f.is_symlink():
            with f.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.append(f)
    return out


def system_libraries(folder: Path) -> tuple[set[str], dict[str, list[str]]]:
    """(libraries outside the folder the binaries load, {library ldd cannot find: files needing it})."""
    inside = str(folder.resolve())
    found: set[str] = set()
    missing: dict[str, list[str]] = {}
    bundled = {f.name for f in folder.rglob("*")}
    for f in elf_files(folder):
        env = dict(os.environ, LD_LIBRARY_PATH=f"{f.parent}:{inside}/_internal")
        run = subprocess.run(["ldd", str(f)], capture_output=True, text=True, env=env)
        for line in run.stdout.splitlines():
            m = re.match(r"\s*(\S+) => (\S+)", line)
            if not m:
                continue
            name, where = m.groups()
            if where == "not":
                if name not in bundled:
                    missing.setdefault(name, []).append(str(f.relative_to(folder)))
            elif not where.startswith(inside):
                found.add(os.path.realpath(where))
    return found, missing


def depends(folder: Path) -> tuple[list[str], dict[str, list[str]]]:
    """Debian packages owning the system libraries the bundle links to, plus unresolved libraries."""
    libs, missing = system_libraries(folder)
    packages: set[str] = set()
    for lib in sorted(libs):
        run = subprocess.run(["dpkg", "-S", lib], capture_output=True, text=True)
        if run.returncode != 0:  # /usr/lib vs /lib (merged /usr): ask for the other spelling
            alt = lib.removeprefix("/usr") if lib.startswith("/usr/") else "/usr" + lib
            run = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True)
        if run.returncode == 0:
            packages.add(run.stdout.split(":", 1)[0].strip())
    return sorted(packages), missing


def share_tree(root: Path, bindir: str) -> None:
    """Desktop entry, MIME type and icons under `root` (a `usr/share`-like folder)."""
    apps = root / "applications"
    apps.mkdir(parents=True, exist_ok=True)
    desktop = (LINUX / "preflight.desktop").read_text(encoding="utf-8")
    (apps / "preflight.desktop").write_text(desktop.replace("@BINDIR@", bindir), encoding="utf-8")
    mime = root / "mime" / "packages"
    mime.mkdir(parents=True, exist_ok=True)
    shutil.copy2(LINUX / "preflight-mime.xml", mime / "preflight.xml")
    for sub, src, name in (
        ("scalable/apps", ICON_SVG, "preflight.svg"),
        ("256x256/apps", ICON_PNG, "preflight.png"),
        ("scalable/mimetypes", ICON_SVG, "application-x-preflight-draft.svg"),
    ):
        target = root / "icons" / "hicolor" / sub
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target / name)


def dir_size_kib(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) // 1024


def make_deb(app: Path, out_dir: Path, version: str, work: Path) -> Path:
    """Build `preflight_<version>_<arch>.deb` from the frozen folder `app`."""
    stage = work / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / "preflight"
    shutil.copytree(app, opt, symlinks=True)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for exe in ("preflight", "preflight-gui"):
        (bin_dir / exe).symlink_to(f"/opt/preflight/{exe}")
    share_tree(stage / "usr" / "share", "/usr/bin")
    doc = stage / "usr" / "share" / "doc" / "preflight"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Preflight is licensed under the Apache License 2.0.\n"
        "Bundled third-party libraries keep their own licences (Qt/PySide6: LGPLv3; FFmpeg: LGPL/GPL;\n"
        "libheif: LGPLv3; c2pa-rs: MIT/Apache-2.0; OpenCC: Apache-2.0).\n",
        encoding="utf-8",
    )
    debian = stage / "DEBIAN"
    debian.mkdir()
    pkgs, missing = depends(app)
    if missing:
        print(
            "note: not installed on this build machine, so left out of Depends (Recommends covers Wayland/xcb):"
        )
        for lib, users in sorted(missing.items()):
            print(f"  {lib}: needed by {len(users)} file(s), e.g. {users[0]}")
    arch = deb_arch()
    control = (
        f"Package: preflight\nVersion: {version}\nSection: utils\nPriority: optional\n"
        f"Architecture: {arch}\nMaintainer: {MAINTAINER}\nInstalled-Size: {dir_size_kib(stage)}\n"
        + (f"Depends: {', '.join(pkgs)}\n" if pkgs else "")
        + "Recommends: shared-mime-info, desktop-file-utils, libxcb-cursor0, libxkbcommon-x11-0,"
        + " libwayland-cursor0, libwayland-egl1\n"
        + "Homepage: https://example.invalid/preflight\n"
        + f"Description: {DESCRIPTION}\n"
    )
    (debian / "control").write_text(control, encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copy2(LINUX / script, debian / script)
        (debian / script).chmod(0o755)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"preflight_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb


def _as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Entries owned by root:root with no build-machine user names, like a distribution's archives."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_tarball(app: Path, out_dir: Path, version: str) -> Path:
    """`preflight-<version>-linux-<machine>.tar.gz`: the folder, install.sh and the share/ files."""
    name = f"preflight-{version}-linux-{platform.machine()}"
    stage = out_dir / name
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(app, stage, symlinks=True)
    shutil.copy2(LINUX / "install.sh", stage / "install.sh")
    (stage / "install.sh").chmod(0o755)
    shutil.copy2(LINUX / "README.txt", stage / "README.txt")
    share_tree(stage / "share", "@BINDIR@")  # install.sh fills in the real bin folder
    tar = out_dir / f"{name}.tar.gz"
    tmp = tar.with_suffix(".tmp")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tf:
        tf.add(stage, arcname=name, filter=_as_root)
    os.replace(tmp, tar)
    shutil.rmtree(stage)
    return tar
