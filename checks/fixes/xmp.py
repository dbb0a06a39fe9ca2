"""Merging Preflight's properties into a file's XMP packet, keeping everything already there.

The GB 45438 implicit label goes in as `TC260:AIGC` (namespace below, value the bare seven-key
JSON) and the visible-label marker as `preflight:VisibleLabel`, each in its own rdf:Description
appended to the existing rdf:RDF — XMP allows several, so other writers' properties, prefixes and
layout survive untouched. GPS properties of the EXIF schema are removed for privacy copies.
"""

from __future__ import annotations

from xml.dom.minidom import Document, Element

from defusedxml import minidom

TC260_NS = "http://www.tc260.org.cn/ns/AIGC/1.0/"
PREFLIGHT_NS = "http://ns.preflight.app/1.0/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
X_NS = "adobe:ns:meta/"
EXIF_NS = "http://ns.adobe.com/exif/1.0/"

_EMPTY = (
    f'<x:xmpmeta xmlns:x="{X_NS}" x:xmptk="Preflight"><rdf:RDF xmlns:rdf="{RDF_NS}"></rdf:RDF></x:xmpmeta>'
)
_BEGIN = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
_END = '\n<?xpacket end="w"?>'


def has_aigc(xmp: str | None) -> bool:
    return bool(xmp) and TC260_NS in xmp  # type: ignore[operator]


def merge_xmp(
    existing: str | None,
    *,
    aigc_json: str | None = None,
    visible_label: str | None = None,
    strip_gps: bool = False,
    warning_label: str | None = None,
) -> str:
    """The packet to write: `existing` (if it parses) plus our properties, minus GPS if asked."""
    doc = _parse(existing) or minidom.parseString(_EMPTY)
    rdf = _rdf(doc)
    if strip_gps:
        _remove_gps(rdf)
    if aigc_json and not _has_property(rdf, TC260_NS, "AIGC"):
        _add(doc, rdf, "TC260", TC260_NS, "AIGC", aigc_json)
    if visible_label:
        for desc in rdf.getElementsByTagNameNS(RDF_NS, "Description"):
            if desc.hasAttributeNS(PREFLIGHT_NS, "VisibleLabel"):
                desc.removeAttributeNS(PREFLIGHT_NS, "VisibleLabel")
        _add(doc, rdf, "preflight", PREFLIGHT_NS, "VisibleLabel", visible_label)
    if warning_label:
        for desc in rdf.getElementsByTagNameNS(RDF_NS, "Description"):
            if desc.hasAttributeNS(PREFLIGHT_NS, "WarningLabel"):
                desc.removeAttributeNS(PREFLIGHT_NS, "WarningLabel")
        _add(doc, rdf, "preflight", PREFLIGHT_NS, "WarningLabel", warning_label)
    root = doc.documentElement
    if root is None:  # minidom always has one after a successful parse; typeshed allows None
        raise ValueError("XMP packet without a root element")
    return _BEGIN + root.toxml() + _END


def _parse(xmp: str | None) -> Document | None:
    if not xmp or "<" not in xmp:
        return None
    start = xmp.find("<x:xmpmeta")
    if start < 0:
        start = xmp.find("<rdf:RDF")
    end_tag = "</x:xmpmeta>" if xmp.startswith("<x:xmpmeta", start) else "</rdf:RDF>"
    end = xmp.rfind(end_tag)
    if start < 0 or end < 0:
        return None
    try:
        doc = minidom.parseString(xmp[start : end + len(end_tag)].encode("utf-8"))
    except Exception:  # a broken packet is replaced by a fresh one rather than crash the export
        return None
    return doc if doc.getElementsByTagNameNS(RDF_NS, "RDF") else None


def _rdf(doc: Document) -> Element:
    return doc.getElementsByTagNameNS(RDF_NS, "RDF")[0]


def _has_property(rdf: Element, ns: str, name: str) -> bool:
    for desc in rdf.getElementsByTagNameNS(RDF_NS, "Description"):
        if desc.hasAttributeNS(ns, name) or desc.getElementsByTagNameNS(ns, name):
            return True
    return False


def _add(doc: Document, rdf: Element, prefix: str, ns: str, name: str, value: str) -> None:
    desc = doc.createElementNS(RDF_NS, f"{rdf.prefix or 'rdf'}:Description")
    desc.setAttributeNS(RDF_NS, f"{rdf.prefix or 'rdf'}:about", "")
    desc.setAttribute(f"xmlns:{prefix}", ns)
    desc.setAttributeNS(ns, f"{prefix}:{name}", value)
    rdf.appendChild(doc.createTextNode("\n "))
    rdf.appendChild(desc)


def _remove_gps(rdf: Element) -> None:
    for desc in rdf.getElementsByTagNameNS(RDF_NS, "Description"):
        for attr in list(desc.attributes.values()):
            if attr.namespaceURI == EXIF_NS and attr.localName.startswith("GPS"):
                desc.removeAttributeNode(attr)
        for child in list(desc.childNodes):
            if getattr(child, "namespaceURI", None) == EXIF_NS and (child.localName or "").startswith("GPS"):
                desc.removeChild(child)
