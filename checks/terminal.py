"""Text from files, made safe to print on a terminal.

File names and metadata come from anywhere; a name holding ESC sequences could recolour, move the
cursor or retitle the creator's terminal when `preflight media` prints it. Everything printed from
a file goes through `printable`, which shows control characters as Python escapes (`\\x1b`).
"""

from __future__ import annotations


def printable(text: str) -> str:
    """`text` with control and other non-printing characters shown as escapes (spaces kept)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


def printable_lines(text: str) -> str:
    """Multi-line `text` with each line made `printable` (the line breaks themselves kept)."""
    return "\n".join(printable(line) for line in text.split("\n"))
