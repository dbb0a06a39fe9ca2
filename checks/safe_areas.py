"""Platform safe areas (resources/platforms/safe_areas.toml): where feed controls cover a portrait post.

A visible label is only visible if the platform's UI does not sit on it: the caption and progress
bar cover the bottom strip of a vertical video, the avatar/like/share column its right edge. The
label stamper places Preflight's own labels outside these areas, and the visible-label rule warns
when a label already on the media sits inside one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from checks import resources

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class SafeArea:
    platform: str
    top: float = 0.0
    bottom: float = 0.0
    right: float = 0.0
    right_from: float = 0.0
    right_to: float = 1.0
    kinds: tuple[str, ...] = ("video",)

    def covered(self, w: int, h: int) -> list[tuple[str, Box]]:
        """The covered regions of a w×h frame, named: top band, bottom strip, right column."""
        regions = [
            ("top", (0, 0, w, round(h * self.top))),
            ("bottom", (0, round(h * (1 - self.bottom)), w, h)),
            ("right", (round(w * (1 - self.right)), round(h * self.right_from), w, round(h * self.right_to))),
        ]
        return [(name, box) for name, box in regions if box[2] > box[0] and box[3] > box[1]]

    def covering(self, box: Box, w: int, h: int, share: float = 0.3) -> str | None:
        """The region that hides at least `share` of `box`, if any."""
        area = max(1, (box[2] - box[0]) * (box[3] - box[1]))
        for name, region in self.covered(w, h):
            dx = min(box[2], region[2]) - max(box[0], region[0])
            dy = min(box[3], region[3]) - max(box[1], region[1])
            if dx > 0 and dy > 0 and dx * dy / area >= share:
                return name
        return None


@cache
def _table() -> dict[str, SafeArea]:
    data = tomllib.loads(resources.path("platforms", "safe_areas.toml").read_text(encoding="utf-8"))
    out = {}
    for platform, v in data.items():
        fields = {k: v[k] for k in ("top", "bottom", "right", "right_from", "right_to") if k in v}
        out[platform] = SafeArea(platform, kinds=tuple(v.get("kinds", ("video",))), **fields)
    return out


def area(platform: str, kind: str, w: int, h: int) -> SafeArea | None:
    """The platform's covered layout for this media, or None (no table entry, or not portrait)."""
    entry = _table().get(platform)
    if entry is None or kind not in entry.kinds or h <= w:
        return None
    return entry


def label_corner(platform: str | None, kind: str, w: int, h: int) -> tuple[str, int]:
    """Corner and extra inset (px from the frame edge) for a label that the platform UI leaves visible.

    Default: bottom-right. On a covered portrait layout: top-left, just below the top band — a
    corner, as GB 45438 asks, and the one place no feed control covers.
    """
    safe = area(platform or "", kind, w, h)
    if safe is None:
        return "bottom_right", 0
    return "top_left", round(h * safe.top)
