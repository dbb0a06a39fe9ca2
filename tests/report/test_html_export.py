"""The single-draft HTML report reads like the window: the post, the account, what to tick on the
platform (the same three groups), findings in plain words with the clause cited in words, human
platform names and local times; rule ids only in the labelled support appendix."""

from __future__ import annotations

import re
import time

import pytest
from report_support import APPENDIX, example_draft, reader_part, visible_text

from app.cli import main
from checks.engine import check_file
from checks.fixes.publish_checklist import GROUP_TITLES, checklist_entries
from checks.i18n import tr
from checks.report.citation import chinese_number, cite
from checks.report.html import render_html


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch):
    """Run with this machine's clock in a given zone (restored afterwards)."""

    def use(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_report_shows_the_post_the_account_and_what_to_tick(tmp_path, local_zone) -> None:
    local_zone("Asia/Shanghai")
    report = check_file(example_draft(tmp_path), lang="zh")
    html = render_html(report)
    reader = reader_part(html, "zh")
    # the post as it will be published, the account it was checked with
    for words in ("震惊！西湖边突然排起长队", "断桥边排起了长队。", "配图二是我用AI画的想象图。"):
        assert words in reader
    for words in ("账号名称", "杭州新闻速递", "每天分享身边事", "星河文化传媒（主页未展示）"):
        assert words in reader
    # human platform name, never the id
    assert "抖音" in reader and "douyin" not in visible_text(html)
    # the checklist is the engine's one computation, group by group, in its order
    assert "发布时勾选：抖音" in reader
    entries = checklist_entries(report.draft.platform, report.draft.declarations, report, "zh")
    for group in ("must", "recommended", "not_relevant"):
        members = [e for e in entries if e.group == group]
        if members:
            assert f"{tr(GROUP_TITLES[group], 'zh')} ({len(members)})" in reader
    positions = [reader.index(f"「{e.label}」") for e in entries if e.group == "recommended"]
    assert positions == sorted(positions) and positions
    assert "第 2 个媒体由 AI 生成或处理" in reader  # the reason is printed
    # local time with its offset: the photo says 15:42 +08:00, the machine is in Shanghai
    assert "2026-11-21 15:42 UTC+08:00" in reader


def test_times_are_on_the_local_clock_not_the_files_or_utc(tmp_path, local_zone) -> None:
    local_zone("America/New_York")
    reader = reader_part(render_html(check_file(example_draft(tmp_path), lang="en")), "en")
    assert "2026-11-21 02:42 UTC-05:00" in reader
    assert re.search(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC-0[45]:00", reader)


def test_no_rule_ids_field_paths_or_raw_evidence_before_the_appendix(tmp_path) -> None:
    report = check_file(example_draft(tmp_path), lang="zh")
    html = render_html(report)
    reader = reader_part(html, "zh")
    rules = {f.rule for f in report.findings}
    assert {"clickbait_title", "ai_visible_label_missing", "mcn_name_not_displayed"} <= rules
    for rule in rules:
        assert rule not in reader
        assert f'data-rule="{rule}"' in html  # kept for support, out of sight
    appendix = visible_text(html).split(APPENDIX["zh"])[1]
    assert all(rule in appendix for rule in rules) and "rule id" in visible_text(html)
    assert "media:" not in reader and "account/" not in reader
    assert "第 2 个媒体（ai.png）" in reader and "位置: 账号信息" in reader
    assert "tEXt" not in reader  # technical evidence only in the appendix
    # the clause in words: what it asks, and where it is written, in Chinese
    assert "《关于加强“自媒体”管理的通知》（国家网信办，2023年7月）第十一条" in reader
    assert "MCN机构名称须在其签约账号主页显著展示" in reader
    assert "N2023-11" not in reader


def test_english_report_uses_english_names(tmp_path) -> None:
    reader = reader_part(render_html(check_file(example_draft(tmp_path), lang="en")), "en")
    for words in ("What to tick on Douyin", "Account checked", "Account name", "The post", "Findings"):
        assert words in reader
    assert "抖音" not in reader and "douyin" not in reader
    assert "Notice on Strengthening the Management of Self-Media" in reader
    assert "Media 2 (ai.png)" in reader


def test_cli_html_carries_the_post_and_the_checklist(tmp_path, capsys) -> None:
    path = example_draft(tmp_path)
    assert main(["check", str(path), "--format", "html"]) == 1
    reader = reader_part(capsys.readouterr().out, "zh")
    assert "断桥边排起了长队" in reader and "发布时勾选：抖音" in reader


def test_every_clause_is_cited_in_chinese_words() -> None:
    from checks.clauses import clauses

    assert cite("ADL-9.3", "zh") == "《中华人民共和国广告法》第九条第（三）项"
    assert cite("SA2023-2.1", "zh").endswith("第二部分（二）第1项")
    assert cite("N2023-3b", "en").startswith("Notice on Strengthening")
    assert [chinese_number(n) for n in (1, 10, 12, 20, 25)] == ["一", "十", "十二", "二十", "二十五"]
    for cid in clauses():
        zh = cite(cid, "zh")
        assert zh and not re.search(r"[A-Za-z]{4,}", zh.replace("GB 45438-2025", "")), (cid, zh)


def test_a_time_without_an_offset_is_shown_as_written_and_says_so() -> None:
    from datetime import datetime

    from checks.report.plain import local_time, target_name

    assert local_time(datetime(2026, 11, 21, 15, 42), "zh") == "2026-11-21 15:42（文件未记录时区）"
    assert local_time("2026-11-21T15:42:00", "en") == "2026-11-21 15:42 (the file records no time zone)"
    assert local_time(None) == "" and local_time("not a time") == "not a time"
    assert target_name("media:0", "en", ["photos/a.jpg"]) == "Media 1 (a.jpg)"
    assert target_name("account", "zh") == "账号信息"
