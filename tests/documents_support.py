"""A demo round with documents, as the secretary imports them (shared by the documents
tests): a folder per alliance and files named after alliances, written by reportlab,
Pillow (a scanned document, a screenshot) and, when it is installed, LibreOffice."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import tests.document_files as files
from alliance_review.services import documents as service
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .conftest import run_cli

TD = "TD 产业技术创新战略联盟"
LIGHTING = "半导体照明产业技术创新战略联盟"
FIBRE = "化纤产业技术创新战略联盟"


def documents_folder(folder: Path) -> Path:
    """What the alliances sent: TD a folder with a 50-page work summary and a plan,
    半导体照明 a scanned set of minutes, 化纤 a screenshot of its website."""
    (folder / "TD联盟").mkdir(parents=True)
    files.reportlab_pdf(folder / "TD联盟" / "2015年度工作总结.pdf", pages=50)
    files.reportlab_pdf(folder / "TD联盟" / "2016年工作计划.pdf", pages=8, title="2016年工作计划")
    files.scanned_pdf(folder / "半导体照明联盟-理事会会议纪要.pdf")
    files.picture(folder / "化纤联盟网站截图.png")
    return folder


def round_with_documents(demo: Path, work: Path) -> Path:
    """A copy of the demo round (``demo``) with the folder's documents imported."""
    target = work / "round-with-documents.alr-round"
    shutil.copyfile(demo, target)
    with RoundStore.open(target) as store:
        plan = service.plan_import(store, documents_folder(work / "sent"))
    report = service.import_folder(target, plan)
    assert not report.refused, report.refused
    return target


def reviewer_of(round_path: Path, alliance_name: str) -> tuple[str, str]:
    """(reviewer uid, reviewer name) of the first reviewer assigned ``alliance_name``."""
    with RoundStore.open(round_path) as store:
        uid = next(a.uid for a in store.alliances() if a.name == alliance_name)
        reviewer_uid = store.assignments()[uid][0]
        name = next(r.name for r in store.reviewers() if r.uid == reviewer_uid)
    return reviewer_uid, name


def query(path: Path, sql: str, *args: object) -> list[tuple]:
    """Rows of ``sql`` read with sqlite3 itself (the independent reader)."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, args).fetchall()


def contents(path: Path) -> dict[str, tuple[int, str]]:
    """sha256 -> (size, the SHA-256 of the bytes the file holds for it), by plain SQL."""
    with closing(sqlite3.connect(path)) as conn:
        return {
            sha: (size, hashlib.sha256(content).hexdigest() if content is not None else "")
            for sha, size, content in conn.execute(
                "SELECT sha256, size, content FROM document_blob"
            )
        }


def panel_round_with_documents(
    tmp_path: Path, uid: str, megabytes: float = 3.0
) -> tuple[Path, dict[str, Path]]:
    """The panel's round, its reviewer files submitted, then two large documents added
    with the command line (as the secretary does); the round and its submitted files."""
    round_path = pr.build_round(tmp_path / "round.sqlite", uid=uid)
    submitted = pr.submitted(round_path, tmp_path)
    sent = tmp_path / "sent"
    sent.mkdir()
    for number in (0, 1):
        pdf = files.padded_pdf(sent / f"扫描件{number}.pdf", megabytes)
        added = run_cli("documents", round_path, "add", f"联盟{number}号", pdf)
        assert added.returncode == 0, added.stdout + added.stderr
    return round_path, submitted


def everything(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Schema, identity and every row of a database (a content by its SHA-256)."""
    found: dict[str, list[tuple]] = {
        "schema": conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall(),
        "identity": [
            conn.execute(f"PRAGMA {p}").fetchone() for p in ("application_id", "user_version")
        ],
    }
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
        found[table] = sorted(
            (
                tuple(hashlib.sha256(v).hexdigest() if isinstance(v, bytes) else v for v in row)
                for row in rows
            ),
            key=repr,
        )
    return found
