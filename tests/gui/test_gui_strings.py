"""Every GUI string exists in Chinese and English, and the catalogue still serves the engine's keys."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from checks.i18n import _catalogue, tr

ROOT = Path(__file__).resolve().parents[2]


def test_every_gui_key_used_in_code_is_in_the_catalogue():
    used: set[str] = set()
    for f in (ROOT / "app" / "gui").glob("*.py"):
        used |= set(re.findall(r"""["'](gui\.[a-z_.]+[a-z_])["']""", f.read_text(encoding="utf-8")))
    assert used, "no keys found: the pattern no longer matches the code"
    missing = sorted(k for k in used if k not in _catalogue())
    assert not missing, missing


def test_every_gui_entry_has_both_languages_and_the_same_placeholders():
    data = tomllib.loads((ROOT / "resources" / "i18n" / "gui.toml").read_text(encoding="utf-8"))
    problems = []

    def walk(node: dict, prefix: str) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict) and set(value) <= {"zh", "en"}:
                if set(value) != {"zh", "en"} or not all(value.values()):
                    problems.append(f"{name}: missing a language")
                elif set(re.findall(r"\{(\w+)\}", value["zh"])) != set(re.findall(r"\{(\w+)\}", value["en"])):
                    problems.append(f"{name}: placeholders differ")
            elif isinstance(value, dict):
                walk(value, name)

    walk(data, "")
    assert not problems, problems


def test_gui_and_engine_catalogues_load_together():
    assert tr("gui.action.open", "zh") == "打开草稿…"
    assert tr("gui.action.open", "en") == "Open draft…"
    assert tr("verdict.ready", "en") == "Ready to publish"  # strings.toml still loads
