"""The suite's three tiers, assigned from each test file by ``conftest.py``'s collection
hook, so no test has to remember a marker:

- ``slow``: marked by hand (``@pytest.mark.slow`` or a module's ``pytestmark``): soak,
  kill loops, the bundle build, the Debian 11 chroot; and the tests listed in ``HEAVY``
  below, which keep the fast tier under two minutes on this two-core machine;
- ``gui``: every test of a file that drives the window: one of its tests uses ``qtbot`` or
  ``qapp`` (directly or through a fixture), or the file imports Qt or the app's ``gui``
  package (directly or through a test support module), or it says ``pytest.mark.gui``
  (a file that starts the window in another process);
- ``fast``: all the rest (core, storage, services, the command line).

Each test gets exactly one of the three markers: ``pytest -m fast``, ``-m gui``, ``-m slow``.

Tests that need one platform say so and are skipped elsewhere, with the reason:
``pytest.mark.linux`` (the Linux bundle and desktop, or what packaging/system-deps.sh
installs there), ``pytest.mark.posix`` (FIFOs, SIGKILL: not on Windows).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

TIERS = ("fast", "gui", "slow")

# Tests outside the window that cost 1.5 s of CPU or more each (seconds measured here on a
# loaded machine, all parameters together): whole-round properties, every command in turn,
# LibreOffice round trips, large PDFs and workbooks. The fast tier keeps the rest, ~90 s.
# Re-measure with ``pytest -m fast --durations=40``; a name that no longer exists is an
# error, so the list cannot go stale quietly.
HEAVY: dict[str, tuple[str, ...]] = {
    "test_activity_audit.py": (
        "test_participation_edits_are_on_the_audit_trail",  # 2 s
    ),
    "test_analysis_exact.py": (
        "test_fast_analysis_equals_the_reference_on_random_rounds",  # 7 s
    ),
    "test_backups.py": (
        "test_merge_lock_and_restore_take_backups_and_keep_the_last_20",  # 2 s
    ),
    "test_canonical_fast.py": (
        "test_sqlite_lines_equal_python_lines",  # 2 s
    ),
    "test_cli.py": (
        "test_demo_check_and_ranking_json",  # 3 s
        "test_ranking_of_a_round_without_scores_says_so",  # 2 s
    ),
    "test_cli_language.py": (
        "test_every_command_says_its_success_in_the_users_language",  # 32 s
    ),
    "test_demo.py": (
        "test_demo_is_reproducible_from_its_seed",  # 5 s
    ),
    "test_digest.py": (
        "test_streamed_hash_equals_the_plain_hash",  # 4 s
    ),
    "test_document_worker.py": (
        "test_bombs_under_the_default_bounds_end_in_a_sentence_or_a_page",  # 2.5 s
    ),
    "test_documents.py": (
        "test_import_previews_then_adds_the_matched_files_and_names_the_rest",  # 1.6 s
        "test_office_documents_are_converted_by_libreoffice",  # 3.4 s
        "test_hostile_and_wrong_files_are_refused_with_a_sentence_each",  # 2.5 s
    ),
    "test_documents_attachments.py": (
        "test_the_workbook_lists_attachments_and_the_round_says_which_have_not_arrived",  # 2 s
        "test_a_list_saved_again_by_libreoffice_reads_the_same",  # 2 s
    ),
    "test_documents_issue.py": (
        "test_a_round_too_large_for_mail_is_told_and_can_send_its_documents_apart",  # 3.6 s
        "test_a_package_already_there_is_kept_unless_forced_and_never_taken_for_this_issues",  # 3 s
    ),
    "test_exact.py": (
        "test_fast_ranking_equals_the_reference_on_random_rounds",  # 10 s
    ),
    "test_file_names.py": (
        "test_issued_and_demo_reviewer_files_end_in_alr_review_and_merge_from_a_folder",  # 2 s
        "test_self_evaluation_workbooks_are_named_in_the_interface_language",  # 4 s
    ),
    "test_live.py": (
        "test_kept_state_equals_a_fresh_computation_after_every_edit",  # 6 s
    ),
    "test_merge_demo.py": (
        "test_demo_makes_a_missing_reviewer_folder_and_refuses_a_file_in_its_place",  # 2 s
        "test_demo_reviewer_files_merge_into_the_plain_demo_result",  # 3 s
    ),
    "test_office_import.py": (
        "test_a_600_mb_cell_and_a_part_that_lies_about_its_size_are_refused",  # 2 s
        "test_a_zip_bomb_of_a_million_rows_is_refused",  # 2 s
        "test_reviewers_are_listed_added_imported_with_a_preview_and_removed",  # 3 s
    ),
    "test_office_workbooks.py": (
        "test_a_scoring_sheet_resaved_by_libreoffice_imports",  # 5 s
        "test_a_scoring_sheet_with_a_formula_or_a_bomb_is_refused",  # 2 s
    ),
    "test_panel_decisions.py": (
        "test_a_locked_round_refuses_every_edit_whoever_writes",  # 2 s
        "test_cli_decide_lock_and_method",  # 2 s
    ),
    "test_publish_appendix.py": (
        "test_a_large_appendix_keeps_every_row_in_order_across_pages",  # 5 s
        "test_verify_pdf_tells_whether_the_round_changed",  # 2 s
    ),
    "test_publish_choices.py": (
        "test_the_pdf_can_use_a_song_font_or_any_truetype_file",  # 2 s
        "test_the_pdf_is_dated_by_the_round_and_re_exports_are_identical",  # 2 s
    ),
    "test_publish_statistics.py": (
        "test_statistics_of_a_round_without_scores_say_so",  # 2 s
        "test_the_statistics_pdf",  # 3 s
    ),
    "test_publish_xlsx.py": (
        "test_indicator_reviewer_decision_and_settings_sheets",  # 2 s
        "test_text_that_looks_like_a_formula_stays_text",  # 2 s
        "test_the_ranked_sheet_is_the_ranking_row_by_row",  # 3 s
    ),
    "test_report_docx.py": (
        "test_a_report_without_scores_or_to_a_missing_folder_is_refused",  # 3 s
        "test_an_office_suite_opens_the_draft",  # 6 s
        "test_every_figure_of_sections_two_to_four_is_in_the_draft",  # 2 s
    ),
    "test_reviewer_sheet.py": (
        "test_a_bad_row_refuses_the_whole_workbook_with_its_cell",  # 8 s
        "test_the_command_line_exports_previews_and_imports",  # 2 s
    ),
    "test_reviewer_workflow.py": (
        "test_submit_refuses_to_overwrite_the_file_being_scored",  # 2 s
    ),
    "test_setup_cli.py": (
        "test_new_round_assign_and_workbooks_from_the_command_line",  # 3 s
        "test_next_year_from_last_year_then_assign_is_reproducible",  # 2 s
    ),
    "test_setup_selfeval.py": (
        "test_libreoffice_opens_and_resaves_a_workbook_that_then_imports",  # 3 s
    ),
    "test_trust_attacks.py": (
        "test_a_file_in_another_reviewers_name_is_refused_and_locks_nobody_out",  # 2 s
        "test_a_submitted_file_edited_with_sqlite3_is_refused",  # 2 s
        "test_an_export_never_replaces_its_input",  # 22 s
        "test_demo_and_issue_refuse_to_overwrite_round_and_reviewer_files",  # 4 s
        "test_points_stored_as_real_or_text_are_refused_and_the_batch_goes_on",  # 3 s
    ),
    "test_trust_lock.py": (
        "test_a_locked_rounds_appendix_carries_the_signature_and_fingerprint",  # 4 s
        "test_check_on_a_reviewer_file_shows_seal_revision_progress_and_a_wal",  # 2 s
        "test_deleting_the_logs_and_relocking_is_altered_after_locking",  # 2 s
        "test_unlocking_is_a_signed_entry_and_a_later_edit_is_no_tampering",  # 2 s
        "test_verify_pdf_reads_the_pages_not_only_the_metadata",  # 2 s
    ),
    "test_long_names.py": (
        "test_selfeval_out_and_issue_take_very_long_names",  # 3 s
    ),
    "test_report_sentences.py": (
        "test_every_number_of_a_random_round_is_checked",  # 6 s
    ),
    "test_results_print.py": (
        "test_every_sheet_is_set_up_for_paper",  # 2 s
    ),
}

QT_MODULES = ("PySide6", "shiboken6", "pytestqt", "alliance_review.gui")
QT_FIXTURES = {"qtbot", "qapp"}


def _source_module(value: object) -> str:
    if isinstance(value, ModuleType):
        return value.__name__
    return str(getattr(value, "__module__", "") or "")


def touches_qt(module: ModuleType, seen: set[str] | None = None) -> bool:
    """Does the module import Qt or the gui package, itself or through a support module
    beside it (``tests/gui_support.py``...)?"""
    seen = set() if seen is None else seen
    seen.add(module.__name__)
    folder = Path(module.__file__ or "").parent
    for value in list(vars(module).values()):
        name = _source_module(value)
        if name.startswith(QT_MODULES):
            return True
        support = sys.modules.get(name)
        if name not in seen and support is not None and _beside(support, folder):
            if touches_qt(support, seen):
                return True
    return False


def _beside(module: ModuleType, folder: Path) -> bool:
    file = getattr(module, "__file__", None)
    return file is not None and Path(file).parent == folder


def heavy(item: pytest.Item) -> bool:
    name = getattr(item, "originalname", item.name)
    return name in HEAVY.get(item.path.name, ())


def check_heavy(items: list[pytest.Item]) -> None:
    """Every name in ``HEAVY`` of a collected file is one of its tests."""
    found: dict[str, set[str]] = {}
    for item in items:
        found.setdefault(item.path.name, set()).add(getattr(item, "originalname", item.name))
    for file, names in HEAVY.items():
        if file in found:
            gone = set(names) - found[file]
            if gone:
                raise pytest.UsageError(f"tests/tiers.py HEAVY names no test {sorted(gone)}")


def assign(items: list[pytest.Item]) -> None:
    """Give each collected test exactly one tier marker."""
    check_heavy(items)
    gui_files: dict[str, bool] = {}
    for item in items:
        module = getattr(item, "module", None)
        key = item.nodeid.split("::", 1)[0]
        uses_qt = bool(QT_FIXTURES & set(getattr(item, "fixturenames", ())))
        if uses_qt or item.get_closest_marker("gui") is not None:
            gui_files[key] = True
        elif key not in gui_files:
            gui_files[key] = module is not None and touches_qt(module)
    for item in items:
        key = item.nodeid.split("::", 1)[0]
        if item.get_closest_marker("slow") is not None or heavy(item):
            tier = "slow"
        elif gui_files[key]:
            tier = "gui"
        else:
            tier = "fast"
        if item.get_closest_marker(tier) is None:
            item.add_marker(getattr(pytest.mark, tier))
        marked = [t for t in TIERS if item.get_closest_marker(t) is not None]
        if marked != [tier]:
            raise pytest.UsageError(f"{item.nodeid} is marked {marked}: one tier, {tier}")


def skip_elsewhere(items: list[pytest.Item]) -> None:
    """Skip, saying why, the tests of another platform (the Windows and macOS workflow)."""
    linux = pytest.mark.skip(reason=f"needs Linux (this is {sys.platform})")
    posix = pytest.mark.skip(reason="needs POSIX (FIFOs, signals): not on Windows")
    for item in items:
        if item.get_closest_marker("linux") is not None and sys.platform != "linux":
            item.add_marker(linux)
        if item.get_closest_marker("posix") is not None and os.name == "nt":
            item.add_marker(posix)
