"""Bad packs are refused with a PackError that names the file, the line when known, and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.packs import PackError, load_pack
from checks.packs.validate import unsafe_pattern

META = 'id = "bad"\nversion = "1"\npublisher = "me"\nmin_app_version = "0.1.0"\n'


def pack(tmp_path: Path, body: str, meta: str = META) -> Path:
    (tmp_path / "pack.toml").write_text(meta, encoding="utf-8")
    (tmp_path / "rule.toml").write_text(body, encoding="utf-8")
    return tmp_path


def refused(path: Path) -> str:
    with pytest.raises(PackError) as exc:
        load_pack(path)
    return str(exc.value)


def test_relaxing_without_reason(tmp_path: Path) -> None:
    msg = refused(pack(tmp_path, 'kind = "override"\nrule = "source_label_missing"\nseverity = "warning"\n'))
    assert "rule.toml" in msg and "'reason'" in msg


def test_override_of_unknown_rule(tmp_path: Path) -> None:
    msg = refused(pack(tmp_path, 'kind = "override"\nrule = "no_such_rule"\nenabled = false\nreason = "x"\n'))
    assert "rule.toml:2" in msg and "'rule'" in msg


def test_unknown_kind_names_line_and_key(tmp_path: Path) -> None:
    msg = refused(pack(tmp_path, '# comment\nkind = "script"\n'))
    assert "rule.toml:2" in msg and "'kind'" in msg and "script" in msg


def test_invalid_toml_gives_the_line(tmp_path: Path) -> None:
    msg = refused(pack(tmp_path, 'kind = "lexicon"\nentries = ["a"]\nlexicon = = 3\n'))
    assert "rule.toml" in msg and "invalid TOML" in msg and "line" in msg


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("(a+)+b", "nested"),
        ("(\\w*)*x", "nested"),
        ("(?:ab|a)+(?:c+)+", "nested"),
        ("(?:ab|cd)+x{1,3}", ""),
        ("(a)\\1", "backreference"),
        ("x" * 201, "longer"),
        ("([a-z]", "not a valid"),
    ],
)
def test_dangerous_or_broken_patterns_are_refused(tmp_path: Path, pattern: str, why: str) -> None:
    body = f'kind = "existence"\nid = "x"\nmessage = "m"\npatterns = [\'{pattern}\']\n'
    if why:
        msg = refused(pack(tmp_path, body))
        assert why in msg and "'patterns'" in msg
    else:
        load_pack(pack(tmp_path, body))


def test_nested_quantifier_detection() -> None:
    assert unsafe_pattern("(a+)+") and unsafe_pattern("(?:x*y*)*") and unsafe_pattern("((ab)*c)+")
    assert unsafe_pattern(r"据[^，。]{2,30}?(报道|消息)") is None
    assert unsafe_pattern(r"(19|20)\d{2}年(\d{1,2}月)?") is None


def test_newer_min_app_version(tmp_path: Path) -> None:
    meta = 'id = "future"\nversion = "1"\npublisher = "me"\nmin_app_version = "9.0"\n'
    msg = refused(pack(tmp_path, 'kind = "lexicon"\nlexicon = "x"\nentries = []\n', meta))
    assert "pack.toml:4" in msg and "9.0" in msg and "update Preflight" in msg


def test_missing_required_keys(tmp_path: Path) -> None:
    assert "'publisher'" in refused(
        pack(tmp_path, 'kind = "lexicon"\nlexicon = "x"\n', 'id = "a"\nversion = "1"\n')
    )
    body = 'kind = "requirement"\nid = "r"\nmessage = "m"\n[trigger]\ntokens = ["a"]\n'
    assert "'require'" in refused(pack(tmp_path, body))
    assert "'message'" in refused(pack(tmp_path, 'kind = "existence"\nid = "r"\ntokens = ["a"]\n'))


def test_bad_values(tmp_path: Path) -> None:
    assert "'severity'" in refused(
        pack(tmp_path, 'kind = "existence"\nid = "r"\nmessage = "m"\nseverity = "fatal"\ntokens = ["a"]\n')
    )
    assert "'id'" in refused(
        pack(tmp_path, 'kind = "existence"\nid = "Bad Id"\nmessage = "m"\ntokens = ["a"]\n')
    )
    assert "'scope'" in refused(
        pack(tmp_path, 'kind = "existence"\nid = "r"\nmessage = "m"\nscope = ["bio"]\ntokens = ["a"]\n')
    )
    assert "'entries'" in refused(pack(tmp_path, 'kind = "lexicon"\nlexicon = "x"\nentries = "a"\n'))


def test_not_a_pack(tmp_path: Path) -> None:
    assert "no pack.toml" in refused(tmp_path)
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    assert "not a rule pack" in refused(tmp_path / "junk.zip")
    assert "no such rule pack" in refused(tmp_path / "missing")
