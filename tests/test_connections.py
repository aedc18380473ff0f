"""Each thread has its own database connection: every connection the app opens keeps
sqlite3's same-thread check, so a connection handed to another thread (a window's store
used by a worker, a worker's store closed by the window) fails loudly in every test that
runs work off the GUI thread, instead of racing quietly."""

from __future__ import annotations

import ast
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_review.services.reviewer_workflow import submit
from alliance_review.storage import db
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from tests.reviewer_support import issue_one

SRC = Path(__file__).parents[1] / "src" / "alliance_review"


def test_no_connection_of_the_app_gives_up_the_same_thread_check():
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "check_same_thread":
                found.append(f"{path.relative_to(SRC)}:{node.value.lineno}")
    assert found == []


def used_elsewhere(conn: sqlite3.Connection) -> BaseException | None:
    """Use ``conn`` from another thread, as a worker handed the window's store would."""
    caught: list[BaseException] = []

    def work() -> None:
        try:
            conn.execute("SELECT 1").fetchone()
        except BaseException as error:  # noqa: BLE001 (handed to the test)
            caught.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    return caught[0] if caught else None


def test_every_way_of_opening_a_file_keeps_its_connection_to_its_thread(
    demo_round: Path, tmp_path: Path
):
    reviewer = issue_one(demo_round, tmp_path / "issued")
    sealed = submit(reviewer, tmp_path / "sealed.alr-review").path
    openers: dict[str, Callable[[], sqlite3.Connection]] = {
        "db.connect": lambda: db.connect(tmp_path / "plain.sqlite"),
        "db.connect_readonly": lambda: db.connect_readonly(demo_round),
        "db.open_checked": lambda: db.open_checked(demo_round, readonly=True),
        "RoundStore.open": lambda: RoundStore.open(demo_round).conn,
        "RoundStore.open_readonly": lambda: RoundStore.open_readonly(demo_round).conn,
        "RoundStore.reading": lambda: RoundStore.reading(demo_round).conn,
        "ReviewerStore.open": lambda: ReviewerStore.open(reviewer).conn,
        "ReviewerStore.reading": lambda: ReviewerStore.reading(reviewer).conn,
        "ReviewerStore.open_sealed": lambda: ReviewerStore.open_sealed(sealed).conn,
    }
    for name, opener in openers.items():
        conn = opener()
        try:
            error = used_elsewhere(conn)
            assert isinstance(error, sqlite3.ProgrammingError), name
            assert "same thread" in str(error), (name, error)
            assert conn.execute("SELECT 1").fetchone() == (1,)  # its own thread: fine
        finally:
            conn.close()


def test_a_worker_with_a_connection_of_its_own_reads_beside_the_window(demo_round: Path):
    """The pattern of gui.tasks: the window holds the file open, a worker opens its own
    reading connection, uses it and closes it in its thread."""
    with RoundStore.open(demo_round) as window_store:
        expected = len(window_store.alliances())
        counted: list[int] = []

        def work() -> None:
            with RoundStore.reading(demo_round) as own:
                counted.append(len(own.alliances()))

        thread = threading.Thread(target=work)
        thread.start()
        thread.join(60)
        assert counted == [expected]


@pytest.mark.parametrize("action", ["close", "commit"])
def test_closing_another_threads_connection_is_refused_too(tmp_path: Path, action: str):
    conn = db.connect(tmp_path / "plain.sqlite")
    caught: list[BaseException] = []

    def work() -> None:
        try:
            getattr(conn, action)()
        except sqlite3.ProgrammingError as error:
            caught.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert caught and "same thread" in str(caught[0])
    conn.close()
