"""XMP packets → a flat property map, parsed as XML with defusedxml (entity bombs refused).

XMP writers disagree on form: a property may be an attribute of `rdf:Description`, a child
element, or an `rdf:Bag/Seq/Alt` of `rdf:li`; the TC260 label is HTML-escaped JSON in either an
element or an attribute. Flattening every leaf value under its (namespace, name) makes all of
those forms the same lookup, which is what the generator and provenance logic need.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

from checks.media.budget import DEEP_XML_NOTE, MAX_NESTING, MAX_XMP_ATTRS, MAX_XMP_ELEMENTS

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS = {
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "TC260": "http://www.tc260.org.cn/ns/AIGC/1.0/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "stEvt": "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "exifEX": "http://cipa.jp/exif/1.0/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "crs": "http://ns.adobe.com/camera-raw-settings/1.0/",
    "preflight": "http://ns.preflight.app/1.0/",
}
_PREFIX = {uri: prefix for prefix, uri in NS.items()}


@dataclass
class Xmp:
    """Every leaf value found, keyed "prefix:Name" for known namespaces, "{uri}Name" otherwise."""

    props: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    top: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # direct properties only
    namespaces: set[str] = field(default_factory=set)
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # blocks skipped (too deep), shown to the creator

    def get(self, key: str) -> list[str]:
        return self.props.get(key, [])

    def first(self, key: str) -> str | None:
        """A direct (top-level) property: nested structures such as IPTC LocationShown reuse
        exif:GPSLatitude for places *shown*, which are not where the photo was taken."""
        values = [v for v in self.top.get(key, []) if v.strip()]
        return values[0].strip() if values else None

    def merge(self, other: Xmp) -> None:
        for k, v in other.props.items():
            self.props[k].extend(v)
        for k, v in other.top.items():
            self.top[k].extend(v)
        self.namespaces |= other.namespaces
        self.error = self.error or other.error
        self.notes += [n for n in other.notes if n not in self.notes]


def _key(tag: str) -> str:
    if tag.startswith("{"):
        uri, _, name = tag[1:].partition("}")
        prefix = _PREFIX.get(uri)
        return f"{prefix}:{name}" if prefix else tag
    return tag


def _packet(raw: bytes) -> bytes:
    start = raw.find(b"<x:xmpmeta")
    if start < 0:
        start = raw.find(b"<rdf:RDF")
    if start < 0:
        start = raw.find(b"<")
    end_tag = b"</x:xmpmeta>" if raw.find(b"<x:xmpmeta") >= 0 else b"</rdf:RDF>"
    end = raw.rfind(end_tag)
    return raw[max(start, 0) : end + len(end_tag)] if end >= 0 else raw[max(start, 0) :]


def _deeper_than(root: Element, limit: int) -> bool:
    """Iterative depth check (the walk below recurses once per level)."""
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in el)
    return False


def parse_xmp(raw: bytes) -> Xmp:
    out = Xmp()
    data = _packet(raw.rstrip(b"\x00 \n\r\t"))
    # Counted in the bytes before expat builds anything: `<` bounds the elements, `=` the attributes.
    over = (
        f"XMP with more than {MAX_XMP_ELEMENTS} tags skipped (memory budget)"
        if data.count(b"<") > MAX_XMP_ELEMENTS
        else f"XMP with more than {MAX_XMP_ATTRS} attributes skipped (memory budget)"
        if data.count(b"=") > MAX_XMP_ATTRS
        else None
    )
    if over:
        out.error = "unreadable XMP (over budget)"
        out.notes.append(over)
        return out
    try:
        root = SafeET.fromstring(data)
    except Exception as exc:  # ParseError, defusedxml's EntitiesForbidden, DTDForbidden …
        out.error = f"unreadable XMP ({type(exc).__name__})"
        return out
    if _deeper_than(root, MAX_NESTING):
        out.error = "unreadable XMP (nested too deeply)"
        out.notes.append(DEEP_XML_NOTE)
        return out
    _walk(root, out)
    for rdf in root.iter(f"{{{RDF}}}RDF"):
        for desc in rdf.findall(f"{{{RDF}}}Description"):
            _top_level(desc, out)
    return out


def _top_level(desc: Element, out: Xmp) -> None:
    for attr, value in desc.attrib.items():
        if not attr.startswith("{" + RDF):
            out.top[_key(attr)].append(value)
    for child in desc:
        if not isinstance(child.tag, str) or child.tag.startswith("{" + RDF):
            continue
        values = (
            [(child.text or "").strip()]
            if len(child) == 0
            else [(li.text or "").strip() for li in child.iter(f"{{{RDF}}}li") if len(li) == 0]
        )
        out.top[_key(child.tag)].extend(v for v in values if v)


def _walk(el: Element, out: Xmp, prop: str | None = None) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.startswith("{"):
        out.namespaces.add(tag[1:].partition("}")[0])
    is_rdf = tag.startswith("{" + RDF)
    name = prop if is_rdf else _key(tag)
    for attr, value in el.attrib.items():
        if attr.startswith("{" + RDF) or attr.startswith("{http://www.w3.org/XML/1998/namespace}"):
            if attr == f"{{{RDF}}}resource" and name:
                out.props[name].append(value)
            continue
        if attr.startswith("{"):
            out.namespaces.add(attr[1:].partition("}")[0])
        out.props[_key(attr)].append(value)
    children = list(el)
    if not children:
        text = (el.text or "").strip()
        if text and name and not (is_rdf and tag.endswith("}Description")):
            out.props[name].append(text)
        return
    for child in children:
        _walk(child, out, name)


_DST = re.compile(rb"digitalsourcetype/([A-Za-z]+)|DigitalSourceType=\"([A-Za-z:/._-]+)\"")


def scan_broken_xmp(raw: bytes) -> list[str]:
    """DigitalSourceType terms in a packet too broken to parse (fallback only)."""
    out = []
    for m in _DST.finditer(raw):
        term = (m.group(1) or m.group(2) or b"").decode("latin-1").rsplit("/", 1)[-1]
        if term:
            out.append(term)
    return out
