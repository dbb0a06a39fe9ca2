"""The window: editor, account and media on the left; verdict, checklist and findings on the right.

It only wires widgets to a `checks.session.DraftSession` (document, account, report, undo,
fixes): read media facts once (worker), re-check on every edit after a short pause (worker,
newest generation wins), render the session. File handling, fixing and dialogs live in their
own mixins (file_ops, fixing, dialogs).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.gui import services, theme
from app.gui.account_panel import AccountPanel
from app.gui.checklist import Checklist
from app.gui.dialogs import Dialogs
from app.gui.editor import DraftEditor
from app.gui.file_ops import FileOps
from app.gui.findings_view import FindingsView
from app.gui.fixing import Fixing
from app.gui.media_loader import MediaLoader
from app.gui.media_strip import THUMB, MediaEntry, MediaStrip
from app.gui.texts import apply_qt_translation, lang, set_lang, t
from app.gui.window_state import WindowState
from app.gui.worker import Runner
from checks.model import Account, Report
from checks.session import DraftSession
from checks.settings import Settings

# A burst of keys (auto-repeat, an input-method commit, a paste) is one edit; a longer pause
# re-checks. Checks run one at a time (see `recheck`), so this can be short without piling work up.
DEBOUNCE_MS = 50
AUTOSAVE_MS = 3000


class MainWindow(WindowState, FileOps, Dialogs, Fixing, QMainWindow):
    def __init__(self, settings: Settings | None = None):
        super().__init__()
        self.settings = settings or Settings.load()
        apply_qt_translation(set_lang(self.settings.lang))
        self.profile: Account | None = None
        self.session = DraftSession.new(self.settings.platform)
        self.packs: Any = None
        self.results_sheet: Any = None
        self._syncing = False
        self.media = MediaLoader(THUMB * 2, self)
        self.checks_done = 0
        self.last_error: str | None = None
        self.check_pending = False  # the draft changed while a check ran: check again when it ends
        self.pending_force = False

        self.editor = DraftEditor()
        self.account_panel = AccountPanel()
        self.media_strip = MediaStrip()
        self.findings_view = FindingsView()
        self.checklist = Checklist()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.editor)
        account_scroll = QScrollArea()
        account_scroll.setWidget(self.account_panel)
        account_scroll.setWidgetResizable(True)
        account_scroll.setFrameShape(QFrame.Shape.NoFrame)
        account_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.addWidget(account_scroll)
        left.addWidget(self.media_strip)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        left.setStretchFactor(2, 1)
        left.setCollapsible(1, False)
        self.left_splitter = left
        right = QSplitter(Qt.Orientation.Vertical)
        scroll = QScrollArea()
        scroll.setWidget(self.checklist)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        right.addWidget(scroll)  # verdict and what to tick first: they decide whether to publish
        right.addWidget(self.findings_view)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setCollapsible(0, False)
        self.checklist_scroll = scroll
        self.right_splitter = right
        right.splitterMoved.connect(self._on_user_sized)
        self.user_sized = False
        right_box = QWidget()
        rl = QVBoxLayout(right_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.checklist.header)  # verdict and platform: always in view
        rl.addWidget(right, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.setWindowIcon(theme.icon("app"))
        self.setAcceptDrops(True)

        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

        self.media.progress.connect(self._on_media_progress)
        self.media.facts_ready.connect(self._on_media_read)
        self.media.thumb_ready.connect(self._on_thumb)
        self.media.failed.connect(self._on_job_failed)
        self.check_runner = Runner(self)
        self.check_runner.finished.connect(self._on_checked)
        self.check_runner.failed.connect(self._on_job_failed)
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self.recheck)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        # A child timer, not QTimer.singleShot(0, self.fit_checklist): a pending single-shot
        # outlives a closed window and fired into its deleted splitter during whatever ran next.
        self.fit_timer = QTimer(self, singleShot=True, interval=0)
        self.fit_timer.timeout.connect(self.fit_checklist)

        self._build_actions()
        self.editor.changed.connect(self._on_edited)
        self.editor.body_edit.files_dropped.connect(self.handle_dropped)
        from app.gui.hover_card import HoverCard

        self.hover_card = HoverCard(self)
        self.hover_card.fix_requested.connect(self.apply_fix)
        self.editor.body_edit.hovered.connect(self.hover_card.show_for)
        self.editor.body_edit.finding_clicked.connect(self._on_word_clicked)
        self.editor.body_edit.fix_requested.connect(self.apply_fix)
        self.findings_view.finding_selected.connect(self._on_finding_selected)
        self.findings_view.fix_requested.connect(self.apply_fix)
        self.findings_view.batch_requested.connect(self.apply_batch)
        self.findings_view.copy_requested.connect(self.copy_text)
        self.findings_view.clause_requested.connect(self.show_clause)
        self.media_strip.add_requested.connect(self.add_media_dialog)
        self.media_strip.remove_requested.connect(self.remove_media)
        self.checklist.platform_changed.connect(self._on_platform)
        self.checklist.declarations_changed.connect(self._on_declarations)
        self.checklist.export_html.connect(self.export_html)
        self.checklist.export_pdf.connect(self.export_pdf)
        self.checklist.content_changed.connect(self.fit_timer.start)
        self.account_panel.account_edited.connect(self._on_account_edited)
        self.account_panel.save_default.connect(self.save_default_profile)
        self.load_profile()
        self.session = DraftSession.new(self.settings.platform, self.profile)
        self.show_state()
        self.retranslate()
        self._restore_geometry()
        self.refresh_media()
        self.schedule_check(immediate=True)

    # ------------------------------------------------------------------ actions and menus
    def _action(self, key: str, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        act = QAction(self)
        act.setData(key)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _=False: slot())
        self.actions_by_key[key] = act
        return act

    def _build_actions(self) -> None:
        self.actions_by_key: dict[str, QAction] = {}
        a = self._action
        S = QKeySequence.StandardKey
        self.file_menu = QMenu(self)
        for act in (
            a("gui.action.new", self.new_draft, S.New),
            a("gui.action.open", self.open_dialog, S.Open),
        ):
            self.file_menu.addAction(act)
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        for act in (
            a("gui.action.save", self.save, S.Save),
            a("gui.action.save_as", self.save_as, "Ctrl+Shift+S"),
            None,
            a("gui.action.add_media", self.add_media_dialog, "Ctrl+M"),
            a("gui.action.paste", self.editor.paste_clipboard, "Ctrl+Shift+V"),
            None,
            a("gui.action.export_html", self.export_html),
            a("gui.action.export_pdf", self.export_pdf, "Ctrl+P"),
            None,
            a("gui.action.quit", self.close, S.Quit),
        ):
            self.file_menu.addAction(act) if act else self.file_menu.addSeparator()
        self.edit_menu = QMenu(self)
        self.edit_menu.addAction(a("gui.action.undo_fix", self.undo_fix, S.Undo))
        self.edit_menu.addAction(a("gui.action.redo_fix", self.redo_fix, S.Redo))
        self.check_menu = QMenu(self)
        self.check_menu.addAction(a("gui.action.recheck", lambda: self.recheck(force=True), "F5"))
        self.check_menu.addAction(a("gui.action.fix_all", self.fix_all_safe, "Ctrl+Shift+F"))
        self.check_menu.addAction(a("gui.action.export_media", self.export_all_media))
        self.account_menu = QMenu(self)
        self.account_menu.addAction(a("gui.action.profile", self.edit_profile))
        self.account_menu.addAction(a("gui.action.settings", self.edit_settings, S.Preferences))
        for m in (self.file_menu, self.edit_menu, self.check_menu, self.account_menu):
            self.menuBar().addMenu(m)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key in ("gui.action.open", "gui.action.save", "gui.action.recheck", "gui.action.fix_all"):
            self.toolbar.addAction(self.actions_by_key[key])
        self.addToolBar(self.toolbar)

    def retranslate(self) -> None:
        for key, act in self.actions_by_key.items():
            act.setText(t(key))
            act.setToolTip(act.toolTip() if not act.isEnabled() else t(key))
        self.file_menu.setTitle(t("gui.menu.file"))
        self.recent_menu.setTitle(t("gui.menu.recent"))
        self.edit_menu.setTitle(t("gui.menu.edit"))
        self.check_menu.setTitle(t("gui.menu.check"))
        self.account_menu.setTitle(t("gui.menu.account"))
        self.toolbar.setWindowTitle(t("gui.menu.toolbar"))
        self.editor.retranslate()
        self.account_panel.retranslate()
        self.media_strip.retranslate()
        self.findings_view.retranslate()
        self.checklist.retranslate()
        self.update_feature_availability()
        self.rebuild_recent_menu()
        self.update_title()
        self.render_report()

    def update_title(self) -> None:
        """The draft's name only: Qt appends the application display name once, in the UI language
        ("草稿.toml — 发布前自检"); dialogs get it the same way, so no title repeats it."""
        path = self.session.path
        name = path.name if path else t("gui.window.untitled")
        app = QApplication.instance()
        if app is not None and app.applicationDisplayName() != t("gui.window.app"):
            app.setApplicationDisplayName(t("gui.window.app"))
        self.setWindowTitle(f"{'*' if self.session.dirty else ''}{name}")
        self.setAccessibleName(t("gui.window.app"))

    @property
    def report(self) -> Report | None:
        return self.session.report

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self.session.dirty = value

    # ------------------------------------------------------------------ the check pipeline
    def current_draft(self) -> Any:
        return self.session.draft()

    def settled(self) -> bool:
        """No check or media read pending: what is shown matches the draft (tests, screenshots)."""
        return (
            self.check_runner.idle
            and not self.media.busy
            and not self.debounce.isActive()
            and not self.check_pending
            and (self.report is not None or self.last_error is not None)
        )

    def schedule_check(self, immediate: bool = False) -> None:
        """Re-check after the user pauses typing; `immediate` still yields to pending paints first."""
        self.debounce.setInterval(0 if immediate else DEBOUNCE_MS)
        self.debounce.start()

    def recheck(self, force: bool = False) -> None:
        """Check the current draft off the UI thread; unread media is read first.

        One check at a time: an edit while a check runs marks the draft for one more check when
        that one ends (its result, for text already changed, is not shown). Typing therefore never
        queues a check per key, and the findings follow within one check of the last key."""
        if not self.check_runner.idle:
            self.check_pending = True
            self.pending_force = self.pending_force or force
            return
        self.last_error = None
        if force:
            self.packs = None
        draft = self.current_draft()
        facts = services.facts_for_draft(draft, self.media.facts)
        if facts is None:
            self.read_missing_media()
            return
        lang_now, packs, extra = lang(), self.packs, list(self.settings.packs)

        def job() -> tuple[Report, Any, int]:
            from checks.session import rules_checked

            pset = packs if packs is not None else services.load_packset(extra)
            return services.run_check(draft, lang_now, facts, pset), pset, rules_checked(pset)

        self.check_runner.start(job, priority=10)
        self.status_label.setText(t("gui.status.checking"))

    def _check_again(self) -> bool:
        """Start the check an edit asked for while the last one ran; True if one was started."""
        if not self.check_pending:
            return False
        force, self.check_pending, self.pending_force = self.pending_force, False, False
        self.recheck(force=force)
        return True

    def _on_checked(self, result: tuple[Report, Any, int]) -> None:
        if not self.pending_force:
            self.packs = result[1]
        if self._check_again():
            return  # that report is of text the user has changed since
        self.session.report, self.packs, self.session.checks_run = result
        self.last_error = None
        self.checks_done += 1
        self.render_report()

    def render_report(self) -> None:
        pending = self.report is None
        findings = self.report.findings if self.report else ()
        self.findings_view.set_findings(findings, pending=pending)
        self.editor.show_findings(findings, self.findings_view.current())
        state = self.session.state
        verdict = self.session.verdict(lang(), pending=pending)
        self.checklist.set_state(state.platform, state.declarations, self.report, pending, verdict)
        self.findings_view.set_empty_text(verdict.headline, ready=verdict.state == "clean")
        self.fit_timer.start()  # after the new boxes are shown and laid out
        if verdict.state != "checking":
            self.status_label.setText(verdict.headline)

    def _on_user_sized(self, *_: object) -> None:
        self.user_sized = True

    def fit_checklist(self) -> None:
        """Give the what-to-tick list the room it needs (up to 60 %) unless the user sized it."""
        if self.user_sized:
            return
        sizes = self.right_splitter.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        want = self.checklist.sizeHint().height() + 4
        top = max(min(want, int(total * 0.6)), min(total // 3, want))
        if abs(sizes[0] - top) > 2:
            self.right_splitter.setSizes([top, total - top])

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if hasattr(self, "right_splitter"):
            self.fit_checklist()

    def _on_job_failed(self, message: str) -> None:
        """An engine error is reported in the window; the user's text is untouched."""
        if self._check_again():
            return
        self.last_error = message
        self.progress.setVisible(False)
        self.status_label.setText(t("gui.status.failed", error=message))
        self.findings_view.show_error(t("gui.status.failed", error=message))

    def _on_edited(self) -> None:
        if self._syncing:
            return
        was = self.session.dirty
        self.session.type_text(self.editor.title(), self.editor.text())
        if self.session.dirty:
            if not was:
                self.update_title()
            self.autosave_timer.start()
        self.schedule_check()

    def mark_dirty(self) -> None:
        self.session.dirty = True
        self.update_title()
        self.autosave_timer.start()

    def sync_from_session(self) -> None:
        """Push the session's document into the widgets after a fix, undo or redo.

        Title and body change through the editors' own undo stacks (Ctrl+Z in a field still
        works); focus stays where it was — a fix never moves the caret into a field."""
        state = self.session.state
        self._syncing = True
        try:
            self.editor.replace_value("title", state.title)
            self.editor.replace_value("text", state.text)
        finally:
            self._syncing = False
        self.session.report = None
        self.show_state()
        self.mark_dirty()
        self.schedule_check(immediate=True)

    def show_state(self) -> None:
        state = self.session.state
        self.account_panel.set_account(state.account, from_profile=not state.own_account and self.profile is not None)
        self.refresh_media()
        self.render_report()

    def _on_finding_selected(self, finding: Any) -> None:
        self.editor.show_findings(self.report.findings if self.report else (), finding)
        if finding is not None and finding.target.startswith("media:"):
            self.media_strip.select(int(finding.target.split(":")[1]))

    def _on_word_clicked(self, finding: Any) -> None:
        """Clicking a highlighted word selects its finding in the list (the caret stays put)."""
        if self.report is not None and finding in self.report.findings:
            self.findings_view.tree.blockSignals(True)
            self.findings_view.select_finding(self.report.findings.index(finding))
            self.findings_view.tree.blockSignals(False)
            self.findings_view._on_current()

    def _on_platform(self, platform: str) -> None:
        if self.session.change(t("gui.undo.platform"), platform=platform):
            self.mark_dirty()
            self.schedule_check(immediate=True)

    def _on_declarations(self, declared: tuple[str, ...]) -> None:
        if self.session.change(t("gui.undo.declarations"), declarations=declared):
            self.mark_dirty()
            self.schedule_check(immediate=True)

    def _on_account_edited(self, account: Account) -> None:
        if self.session.change(t("gui.undo.account"), account=account):
            self.mark_dirty()
            self.schedule_check(immediate=True)

    # ------------------------------------------------------------------ media
    def media_keys(self) -> list[tuple[str, int, int]]:
        s = self.session
        return [services.media_key(s.media_path(i)) for i in range(len(s.state.media))]

    def read_missing_media(self) -> None:
        started = self.media.read(self.media_keys())
        if started:
            self.progress.setRange(0, started)
            self.progress.setValue(0)
            self.progress.setVisible(True)
            self.status_label.setText(t("gui.status.reading", done=0, total=started))

    def _on_media_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status_label.setText(t("gui.status.reading", done=done, total=total))

    def _on_media_read(self) -> None:
        if not self.media.busy:
            self.progress.setVisible(False)
        self.refresh_media()
        self.recheck()

    def _on_thumb(self, key: tuple[str, int, int]) -> None:
        for i, k in enumerate(self.media_keys()):
            if k == key:
                self.media_strip.update_entry(i, self.media_entry(i, k))

    def media_entry(self, index: int, key: tuple[str, int, int]) -> MediaEntry:
        name = self.session.state.media[index]
        return MediaEntry(name, self.media.facts.get(key), self.media.thumbs.get(key))

    def refresh_media(self) -> None:
        self.media_strip.set_entries([self.media_entry(i, k) for i, k in enumerate(self.media_keys())])

    def media_changed(self) -> None:
        self.session.report = None
        self.mark_dirty()
        self.refresh_media()
        self.schedule_check(immediate=True)
