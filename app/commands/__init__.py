"""One module per `preflight` subcommand, each with `register(subparsers)` and a `run(args)`."""

from __future__ import annotations

import argparse
import os


def add_ocr_flag(parser: argparse.ArgumentParser) -> None:
    """`--no-ocr`: don't read text in pictures, video frames or subtitles (faster; see README)."""
    parser.add_argument(
        "--no-ocr",
        action="store_true",
        help="don't read the text shown in pictures and videos (OCR, subtitles); faster",
    )


def apply_ocr_flag(args: argparse.Namespace) -> None:
    """The flag reaches every reader, including audit worker processes, through the environment."""
    if getattr(args, "no_ocr", False):
        from checks.media.ocr import ENV

        os.environ[ENV] = "0"
