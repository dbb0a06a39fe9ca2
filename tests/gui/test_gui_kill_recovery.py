"""Kill the app mid-edit (SIGKILL, no chance to clean up), start it again: the text is back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_support import write_draft
from PySide6.QtWidgets import QMessageBox

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.gui.main_window import MainWindow
from checks.settings import Settings
app = QApplication([])
w = MainWindow(Settings(lang="en"))
w.show()
w.open_path(Path(sys.argv[1]))
w.editor.body_edit.insertPlainText("写到一半的句子")
autosave = Path(sys.argv[2])
end = time.monotonic() + 30
while not autosave.exists() and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.02)
print("AUTOSAVED" if autosave.exists() else "TIMEOUT", flush=True)
time.sleep(60)
"""


def test_text_survives_a_hard_kill(make_window, tmp_path, dialogs):
    from app.gui import autosave

    draft = write_draft(tmp_path, title="标题", text="", media=[])
    autosave_file = autosave.folder() / f"{autosave.key_for(draft)}.toml"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(draft), str(autosave_file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "AUTOSAVED"
    finally:
        proc.kill()  # SIGKILL: no closeEvent, no cleanup
        proc.wait(timeout=10)
    dialogs.answer = QMessageBox.StandardButton.Yes
    w = make_window()
    assert w.offer_restore()
    assert w.editor.text() == "写到一半的句子"
    assert w.session.path == draft.resolve()
