"""The `declare` fix a rule attaches: tick the platform's declaration toggle, worded as it shows it.

Rules build it (so it sits in the rules layer); the publish checklist (checks.fixes.declarations)
collects the toggles the findings ask for.
"""

from __future__ import annotations

from checks.i18n import L, tr
from checks.model import Applicability, Fix, FixKind
from checks.platforms import declaration_menu, platform_name, wording


def declare_fix(declaration: str, platform: str, lang: str = "zh") -> Fix | None:
    """The `declare` fix for a rule to attach, or None when the platform has no such toggle."""
    toggle = wording(platform, declaration)
    if toggle is None:
        return None
    title = tr(
        L(zh="在{platform}「{menu}」勾选「{w}」", en="On {platform}, in '{menu}', tick '{w}'"),
        lang,
        platform=platform_name(platform, lang),
        menu=declaration_menu(platform, lang),
        w=toggle,
    )
    return Fix(
        FixKind.DECLARE,
        title,
        Applicability.SAFE,
        {"declaration": declaration, "platform": platform, "wording": toggle},
    )
