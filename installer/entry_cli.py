"""Frozen entry point of the `preflight` console executable (PyInstaller runs this as __main__)."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # A frozen app re-runs its own executable for worker processes (parallel audit/media reads);
    # freeze_support makes those children run the worker instead of the CLI.
    multiprocessing.freeze_support()
    from app.cli import main

    sys.exit(main())
