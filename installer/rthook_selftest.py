"""Runtime hook: with PREFLIGHT_FROZEN_SELFTEST=1 the frozen app loads every native piece and exits.

Runs before the entry script in both executables. A frozen build can miss a native library that
only loads lazily (c2pa's ctypes library, FFmpeg, libheif, OpenCC's dictionaries, a Qt platform
plugin), and nothing else would notice until a creator opens such a file. The build's smoke test
sets the variable and requires every line to say "ok"; without it this hook does nothing.
"""

import os
import sys


def _selftest() -> int:
    import json

    results: dict[str, str] = {}

    def probe(name, fn):
        try:
            results[name] = "ok " + str(fn())
        except BaseException as exc:  # report everything: this is a diagnostic
            results[name] = f"FAIL {type(exc).__name__}: {exc}"

    def c2pa_probe():
        import c2pa

        return c2pa.sdk_version()

    def av_probe():
        import av

        return f"{av.__version__} ffmpeg {av.library_versions.get('libavformat')}"

    def heif_probe():
        import pillow_heif

        return pillow_heif.libheif_version()

    def opencc_probe():
        import opencc

        out = opencc.OpenCC("t2s").convert("發佈前自檢")
        if out != "发布前自检":
            raise RuntimeError(f"t2s gave {out!r}")
        return out

    def ahocorasick_probe():
        import ahocorasick

        a = ahocorasick.Automaton()
        a.add_word("关注", 1)
        a.make_automaton()
        return len(list(a.iter("防失联请关注")))

    def re2_probe():
        from checks.vocabulary.safe_regex import compile_pattern  # pack patterns run on RE2

        hit = compile_pattern(r"(a|a)*b").search("a" * 64 + "b")
        if hit is None:
            raise RuntimeError("RE2 did not match")
        return "re2 " + str(hit.span())

    def exif_probe():
        import defusedxml
        import exifread
        import PIL

        return f"exifread {exifread.__version__} pillow {PIL.__version__} defusedxml {defusedxml.__version__}"

    def ssl_probe():
        import ssl

        ssl.create_default_context()  # pack subscriptions fetch over HTTPS
        return ssl.OPENSSL_VERSION

    def resources_probe():
        from checks import resources

        missing = [
            p for p in ("clauses.toml", "i18n", "packs/core/pack.toml") if not resources.path(p).exists()
        ]
        if missing:
            raise FileNotFoundError(", ".join(missing))
        return resources.root()

    def qt_probe():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(["preflight-selftest"])
        return f"{app.platformName()}"

    for name, fn in (
        ("c2pa", c2pa_probe),
        ("av", av_probe),
        ("pillow_heif", heif_probe),
        ("opencc", opencc_probe),
        ("ahocorasick", ahocorasick_probe),
        ("re2", re2_probe),
        ("exif", exif_probe),
        ("ssl", ssl_probe),
        ("resources", resources_probe),
        ("qt", qt_probe),
    ):
        probe(name, fn)
    stream = sys.stdout or sys.stderr
    if stream is not None:
        stream.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
        stream.flush()
    return 0 if all(v.startswith("ok") for v in results.values()) else 1


if os.environ.get("PREFLIGHT_FROZEN_SELFTEST") == "1":
    sys.exit(_selftest())
