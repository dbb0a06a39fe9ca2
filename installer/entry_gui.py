"""Frozen entry point of the windowed `preflight-gui` executable (PyInstaller runs this as __main__)."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from app.gui import main

    sys.exit(main(sys.argv[1:]))
