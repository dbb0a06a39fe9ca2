"""Non-AI provenance traces: editing software, screenshots, and camera capture.

These decide between `edited`, `screenshot` and `self_shot` once no AI marker is found. Editing
traces come from every place editors sign their work (EXIF Software, XMP CreatorTool and
History, Lightroom's camera-raw settings, the Photoshop IRB writer name), because "Save for Web"
style exports keep only one of them.
"""

from __future__ import annotations

import re
import struct

from checks.media.generators import short
from checks.media.xmp import NS, Xmp
from checks.model import Evidence, MediaFacts, Provenance

EDITORS = re.compile(
    r"photoshop|lightroom|\bgimp\b|paint\.net|darktable|shotwell|noise ninja|photo viewer|capture one|"
    r"affinity|pixelmator|snapseed|picsart|meitu|美图|醒图|hypic|canva|rawtherapee|acdsee|luminar|fotor|"
    r"\bvsco\b|after effects|premiere|final cut|davinci|剪映|capcut|inshot|photoscape|paintshop|"
    r"illustrator|krita|inkscape|photopea|polarr|facetune|美颜|picasa|photo ?editor|imagemagick",
    re.I,
)
SCREENSHOT_NAME = re.compile(
    r"(screenshot|screen ?shot|screen_?capture|截屏|截图|屏幕快照|snipaste|snip_)", re.I
)
# Common phone and desktop screen sizes (portrait or landscape) for PNGs with no camera data.
SCREEN_SIZES = {
    (1080, 1920),
    (1080, 2340),
    (1080, 2400),
    (1080, 2412),
    (1080, 2460),
    (1170, 2532),
    (1179, 2556),
    (1284, 2778),
    (1290, 2796),
    (1125, 2436),
    (1242, 2688),
    (750, 1334),
    (1242, 2208),
    (1440, 3200),
    (1440, 3120),
    (1440, 2560),
    (720, 1280),
    (720, 1600),
    (1920, 1080),
    (2560, 1440),
    (1366, 768),
    (1440, 900),
    (1536, 864),
    (1680, 1050),
    (2880, 1800),
    (2560, 1600),
    (3024, 1964),
    (3456, 2234),
    (1280, 800),
    (1600, 900),
    (3840, 2160),
    (2732, 2048),
    (2048, 1536),
    (2224, 1668),
    (2388, 1668),
}


def editor_evidence(value: str | None, where: str) -> list[Evidence]:
    if value and EDITORS.search(value):
        return [Evidence("edit:software", where, short(value), Provenance.EDITED)]
    return []


def irb_writer(irb: bytes | None) -> str | None:
    """Photoshop image resource 0x0421 (version info): the writer name, e.g. 'Adobe Photoshop'."""
    if not irb:
        return None
    pos = 0
    while pos + 12 <= len(irb) and irb[pos : pos + 4] == b"8BIM":
        rid = struct.unpack(">H", irb[pos + 4 : pos + 6])[0]
        name_len = irb[pos + 6]
        pos += 7 + name_len + ((name_len + 1) & 1)
        if pos + 4 > len(irb):
            return None
        size = struct.unpack(">I", irb[pos : pos + 4])[0]
        data = irb[pos + 4 : pos + 4 + size]
        pos += 4 + size + (size & 1)
        if rid == 0x0421 and len(data) >= 9:
            n = struct.unpack(">I", data[5:9])[0]
            writer = data[9 : 9 + 2 * n].decode("utf-16-be", "replace").strip("\x00 ")
            return writer or None
    return None


def xmp_edit_evidence(xmp: Xmp) -> list[Evidence]:
    ev: list[Evidence] = []
    for tool in xmp.get("xmp:CreatorTool"):
        ev += editor_evidence(tool, "XMP xmp:CreatorTool")
    agents = dict.fromkeys(xmp.get("stEvt:softwareAgent"))
    for agent in agents:
        ev += editor_evidence(agent, "XMP xmpMM:History softwareAgent")
    if NS["crs"] in xmp.namespaces and any(k.startswith("crs:") for k in xmp.props):
        ev.append(
            Evidence("edit:camera_raw", "XMP crs (Camera Raw / Lightroom settings)", "", Provenance.EDITED)
        )
    return ev


def screenshot_evidence(facts: MediaFacts, xmp: Xmp, user_comment: str | None, name: str) -> list[Evidence]:
    ev: list[Evidence] = []
    comments = [*xmp.get("exif:UserComment"), user_comment or ""]
    if any(c.strip().lower() == "screenshot" for c in comments):
        ev.append(Evidence("screenshot:comment", "UserComment", "Screenshot", Provenance.SCREENSHOT))
    no_camera = not (facts.make or facts.model or facts.capture_time)
    if no_camera and SCREENSHOT_NAME.search(name):
        ev.append(Evidence("screenshot:name", "file name", name, Provenance.SCREENSHOT))
    elif no_camera and facts.format == "png" and (facts.width, facts.height) in SCREEN_SIZES:
        ev.append(
            Evidence(
                "screenshot:size", "PNG pixel size", f"{facts.width}×{facts.height}", Provenance.SCREENSHOT
            )
        )
    return ev


def capture_evidence(facts: MediaFacts) -> list[Evidence]:
    """A camera make/model together with a capture time is what a camera writes, not an editor."""
    if (facts.make or facts.model) and facts.capture_time:
        return [
            Evidence(
                "capture:camera",
                facts.capture_time_source or "capture metadata",
                f"{facts.device}, {facts.capture_time.isoformat()}",
                Provenance.SELF_SHOT,
            )
        ]
    return []
