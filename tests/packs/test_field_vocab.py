"""The field vocabularies derived from THUOCL are current, attributed and free of stop words."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "resources" / "packs" / "core" / "lexicons"


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_field_vocab", ROOT / "tools" / "build_field_vocab.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file loads
    spec.loader.exec_module(module)
    return module


BUILDER = _builder()


@pytest.mark.parametrize("vocab", BUILDER.VOCABULARIES, ids=lambda v: v.lexicon)
def test_shipped_vocabulary_is_what_the_script_derives(vocab) -> None:
    if vocab.source is not None and not BUILDER.THUOCL.is_dir():
        pytest.skip("THUOCL lists not present on this machine")
    shipped = (LEXICONS / f"{vocab.lexicon}.toml").read_text(encoding="utf-8")
    assert shipped == BUILDER.render(vocab, BUILDER.derive(vocab, BUILDER.THUOCL))


@pytest.mark.parametrize("vocab", BUILDER.VOCABULARIES, ids=lambda v: v.lexicon)
def test_vocabulary_is_attributed_and_keeps_out_its_stop_words(vocab) -> None:
    text = (LEXICONS / f"{vocab.lexicon}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["kind"] == "lexicon" and data["lexicon"] == vocab.lexicon
    if vocab.source is not None:
        assert "THUOCL" in text and "MIT" in text
    assert not set(data["entries"]) & (vocab.stop - set(vocab.extra))


def test_open_vocabulary_reaches_words_no_rule_lists() -> None:
    entries = {
        name: set(tomllib.loads((LEXICONS / f"{name}.toml").read_text(encoding="utf-8"))["entries"])
        for name in ("vocab_health_conditions", "vocab_health_drugs")
    }
    assert {"肩周炎", "荨麻疹", "胆囊炎"} <= entries["vocab_health_conditions"]
    assert {"阿莫西林", "六味地黄丸"} & entries["vocab_health_drugs"]
    assert not {"看病", "止痛", "农药", "图片"} & (
        entries["vocab_health_conditions"] | entries["vocab_health_drugs"]
    )
