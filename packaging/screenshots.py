"""Screenshots of the real app for the users' guides, taken offscreen.

python packaging/screenshots.py                     # docs/zh_CN/images and docs/en/images
python packaging/screenshots.py --language en --out /tmp/shots
python packaging/screenshots.py --pseudo --out /tmp/pseudo      # pseudo-localised (long) texts
python packaging/screenshots.py --high-contrast --out /tmp/hc  # the high-contrast palette

Each run makes its own demo round and reviewer files in a temporary folder and settings
of its own (ALLIANCE_REVIEW_CONFIG_DIR), so it touches nothing of the user's. The window is
1280x800 pixels, the size the guides are written for. Re-run after changing a screen and
look at every picture before committing them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WINDOW_SIZE = (1280, 800)


def wait_until(condition: Callable[[], object], seconds: float = 60) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    end = time.monotonic() + seconds
    while not condition():
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


class Shooter:
    def __init__(self, out: Path, work: Path) -> None:
        self.out = out
        self.work = work
        self.taken: list[Path] = []

    def save(self, widget, name: str) -> Path:  # type: ignore[no-untyped-def]
        settle()
        path = self.out / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        self.taken.append(path)
        print(path)
        return path


def prepare_files(work: Path, language: str) -> dict[str, Path]:
    """The demo round (merged), the round before the merge with its returned reviewer files,
    and a reviewer file half scored, as a reviewer has it in the middle of the work."""
    from alliance_review.core.file_names import demo_round_name, round_file_name
    from alliance_review.services.demo import build_demo
    from alliance_review.services.reviewer_files import issue_reviewer_files
    from alliance_review.storage.reviewer_store import ReviewerStore

    files = {
        "round": build_demo(work / demo_round_name(2015, language)),
        "before": build_demo(
            work / round_file_name(2015, language), reviewer_files=work / "returned"
        ),
    }
    (work / "issued").mkdir()
    issued = issue_reviewer_files(files["before"], work / "issued")
    reviewer_file = issued[0]
    with ReviewerStore.open(reviewer_file) as store:
        rubric = store.rubric()
        alliances = store.alliances()
        for number, alliance in enumerate(alliances[:9]):
            for indicator in rubric.indicators():
                points = indicator.max_points
                note = "材料齐全，按章程召开" if number % 3 else ""
                if number % 3 == 0 and indicator.code.endswith("2"):
                    points = indicator.max_points - indicator.step
                    note = "未见年度工作计划"
                store.set_score(alliance.uid, indicator.code, points, note)
            if number < 7:
                store.set_done(alliance.uid, True)
    files["reviewer"] = reviewer_file
    return files


def shoot(
    language: str, out: Path, high_contrast: bool = False, dialogs: bool = False
) -> list[Path]:
    # a home of its own, so the pictures show "~/评价工作/..." rather than a temporary path
    home = Path(tempfile.mkdtemp(prefix="alliance-shots-"))
    os.environ["HOME"] = str(home)
    os.environ["ALLIANCE_REVIEW_CONFIG_DIR"] = str(home / ".config" / "alliance-review")
    work = home / ("评价工作" if language != "en" else "evaluation")
    work.mkdir()
    sys.path.insert(0, str(ROOT / "src"))
    from alliance_review.gui.app import make_application

    app = make_application(["alliance-review"])
    from alliance_review.gui import i18n, start_page
    from alliance_review.gui.main_window import MainWindow

    if language == "pseudo":
        i18n.install("pseudo")  # not a choice a user makes: never saved in the settings
    else:
        i18n.set_language(language)
    if high_contrast:
        from alliance_review.gui import contrast

        contrast.set_high_contrast(True)
    files = prepare_files(work, "en" if language == "en" else "zh")
    start_page.remember(files["round"], "round")
    start_page.remember(files["reviewer"], "reviewer")
    shooter = Shooter(out, work)
    window = MainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    wait_until(window.isVisible)
    shooter.save(window, "start")

    # reviewer
    window.open_path(files["reviewer"])
    workspace = window.view
    workspace.next_unfinished()
    wait_until(lambda: workspace.form.uid is not None)
    shooter.save(window, "reviewer-window")
    window.close_file()

    # panel: merge the returned files into the round before the merge
    window.open_path(files["before"])
    view = window.view
    panel = view.tab_by_name["panel"]
    view.tabs.setCurrentWidget(panel)
    dialog = panel.merge_files()
    dialog.resize(1100, 640)
    dialog.add_paths([work / "returned"])
    wait_until(lambda: dialog.reports)
    shooter.save(dialog, "panel-merge")
    dialog.merge()
    wait_until(lambda: dialog.merged)
    dialog.close()
    window.close_file()

    window.open_path(files["round"])
    view = window.view
    panel = view.tab_by_name["panel"]
    view.tabs.setCurrentWidget(panel)
    wait_until(lambda: panel.analysis is not None)
    shooter.save(window, "panel-overview")
    first = panel.analysis.result.ranking[0].alliance.uid
    panel.open_alliance(first)
    settle(0.5)
    shooter.save(window, "panel-detail")

    # secretary
    setup = view.tab_by_name["setup"]
    view.tabs.setCurrentWidget(setup)
    setup.show_page("rubric")
    shooter.save(window, "secretary-rubric")
    setup.show_page("assignment")
    shooter.save(window, "secretary-assignment")
    setup.show_page("issue")
    shooter.save(window, "secretary-issue")
    publish = view.tab_by_name["publish"]
    view.tabs.setCurrentWidget(publish)
    publish.preview_appendix()
    wait_until(lambda: publish.views.currentWidget() is publish.preview, 120)
    settle(1.0)
    shooter.save(window, "secretary-publish")

    if dialogs:  # review runs (pseudo-localised, high contrast); the guides show none
        shoot_dialogs(window, shooter)
    window.close_file()
    window.close()
    del app
    return shooter.taken


def shoot_dialogs(window, shooter: Shooter) -> None:  # type: ignore[no-untyped-def]
    about = window.show_about()
    shooter.save(about, "about")
    about.close()
    shortcuts = window.show_shortcuts()
    shooter.save(shortcuts, "shortcuts")
    shortcuts.close()
    guide = window.show_guide("reviewer")
    shooter.save(guide, "guide")
    guide.close()
    window.new_round()
    shooter.save(window.new_round_dialog, "new-round")
    window.new_round_dialog.reject()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=["zh_CN", "en"], action="append")
    parser.add_argument("--out", type=Path, help="folder (default: docs/<language>/images)")
    parser.add_argument("--pseudo", action="store_true", help="pseudo-localised texts")
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--dialogs", action="store_true", help="also About, shortcuts, guide")
    args = parser.parse_args(argv)
    if args.pseudo:
        sys.path.insert(0, str(ROOT / "packaging"))
        import pseudo  # packaging/pseudo.py

        folder = pseudo.build(Path(tempfile.mkdtemp(prefix="alliance-pseudo-")))
        os.environ["ALLIANCE_REVIEW_EXTRA_I18N"] = str(folder)
        languages = [pseudo.LANGUAGE]
    else:
        languages = args.language or ["zh_CN", "en"]
    if len(languages) > 1:
        # one QApplication per process: each language in a process of its own
        import subprocess

        for language in languages:
            extra = ["--high-contrast"] if args.high_contrast else []
            extra += ["--dialogs"] if args.dialogs else []
            out = ["--out", str(args.out / language)] if args.out else []
            subprocess.run(
                [sys.executable, __file__, "--language", language, *out, *extra], check=True
            )
        return 0
    language = languages[0]
    out = args.out or ROOT / "docs" / ("en" if language == "en" else "zh_CN") / "images"
    shoot(language, out, args.high_contrast, args.dialogs or args.pseudo or args.high_contrast)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
