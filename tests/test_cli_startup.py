"""The command line starts fast because it imports lazily (app/cli.py): behaviour, not timing.

Each test runs a fresh interpreter and reads `sys.modules`, so an import that creeps back into the
parser's path (a command module, the engine, `cryptography`, Pillow, c2pa) fails here by name.
Timings live in bench/bench_cli.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("checks.engine", "checks.media", "cryptography", "c2pa", "PIL", "onnxruntime", "urllib.request")

PROBE = r"""
import io, json, sys, contextlib
import app.cli
stage = sys.argv[1]
if stage == "parser":
    app.cli.build_parser()
elif stage == "version":
    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
        app.cli.main(["--version"])
elif stage == "help":
    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
        app.cli.main(["--help"])
elif stage == "explain":
    with contextlib.redirect_stdout(io.StringIO()):
        app.cli.main(["explain", "ai_visible_label_missing"])
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(stage: str, tmp_path: Path) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFLIGHT_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", PROBE, stage], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    return set(json.loads(run.stdout.strip().splitlines()[-1]))


def _loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


@pytest.mark.parametrize("stage", ["parser", "version", "help"])
def test_building_the_parser_imports_no_command_and_no_heavy_library(stage: str, tmp_path: Path) -> None:
    modules = _modules_after(stage, tmp_path)
    assert not [m for m in HEAVY if _loaded(modules, m)]
    assert not [m for m in modules if m.startswith("app.commands.")]


def test_a_command_imports_only_itself(tmp_path: Path) -> None:
    """`explain` needs the rules' docs: not the other commands, Pillow, c2pa or pack signing."""
    modules = _modules_after("explain", tmp_path)
    assert "app.commands.explain" in modules
    assert not [m for m in modules if m.startswith("app.commands.") and m != "app.commands.explain"]
    assert not [m for m in ("cryptography", "PIL", "c2pa", "onnxruntime") if _loaded(modules, m)]


def _help_lines(parser: argparse.ArgumentParser) -> dict[str, str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {choice.dest: choice.help or "" for choice in sub._choices_actions}


def test_stub_help_lines_are_the_commands_own() -> None:
    """`preflight --help` lists the commands from cli.COMMANDS without importing them: each line
    must be the one the command's module registers, or the listing would drift from the truth."""
    stubs = _help_lines(cli.build_parser())
    assert list(stubs) == list(cli.COMMANDS)
    for name in cli.COMMANDS:
        assert _help_lines(cli.build_parser(name))[name] == stubs[name], name


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", "d.toml"], "check"),
        (["--help"], None),
        (["media", "--format", "json", "a.jpg"], "media"),
        (["chekc", "d.toml"], None),
        ([], None),
    ],
)
def test_the_command_named_on_the_line(argv: list[str], expected: str | None) -> None:
    assert cli.command_in(argv) == expected


def test_an_unknown_command_is_a_usage_error_naming_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["chekc", "d.toml"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'chekc'" in err and "check" in err


def test_engine_refusals_are_one_line_without_importing_them_up_front(tmp_path: Path) -> None:
    """DraftError and PackError are recognised from the modules that raised them."""
    not_a_draft = tmp_path / "notes.toml"
    not_a_draft.write_text('colour = "blue"\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "check", str(not_a_draft)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert run.stderr.startswith("preflight: ") and run.stderr.count("\n") == 1
    missing_pack = tmp_path / "no-such-pack"
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "pack", "info", str(missing_pack)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith("preflight: ") and "Traceback" not in run.stderr
