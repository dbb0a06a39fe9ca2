"""The hand-kept registry of rules, in report order (Picard's explicit list, not discovery).

Adding a rule: write `checks/rules/<rule_id>.py` with a `RULE`, then list it here.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from checks.rules.base import Context, Rule, RuleDoc

RULE_IDS = (
    "media_unreadable",
    "shooting_time_place_missing",
    "ai_label_missing",
    "ai_visible_label_missing",
    "ai_implicit_label_missing",
    "capture_time_mismatch",
    "capture_place_mismatch",
    "edited_media_notice",
    "c2pa_invalid",
    "gps_privacy",
    "source_label_missing",
    "old_news_time_place_missing",
    "fiction_label_missing",
    "credential_required",
    "professional_title_without_credential",
    "impersonation_official",
    "impersonation_media",
    "admin_division_in_name",
    "follow_inducement",
    "clickbait_title",
    "disaster_exploitation",
    "vulnerable_group_exploitation",
    "mcn_name_not_displayed",
    "ad_label_missing",
    "absolute_claim_in_ad",
    "medical_claim_in_ad",
    "health_knowledge_with_purchase",
    "minor_warning_missing",
    "contact_diversion",
)


@cache
def all_rules() -> tuple[Rule, ...]:
    return tuple(import_module(f"checks.rules.{rid}").RULE for rid in RULE_IDS)


def get_rule(rule_id: str) -> Rule | None:
    return next((r for r in all_rules() if r.id == rule_id), None)


__all__ = ["RULE_IDS", "Context", "Rule", "RuleDoc", "all_rules", "get_rule"]
