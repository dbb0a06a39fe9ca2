"""Preflight's engine: read a draft and its media, find missing labels, and fix them.

Pure Python; never imports Qt or the front ends (an import-linter contract enforces it).
The small public API front ends use is re-exported from `checks.engine`.
"""

from __future__ import annotations

__version__ = "0.1.0"
