"""The secretary's documents of each alliance: plan an import, add, list, remove.

A folder is read as alliances send their documents: a sub-folder per alliance (named
after it) holding its files, or files named after their alliance ("TD联盟-工作总结.pdf").
Names are matched by the alliance's name and its short names (``core.documents``); the
plan says which files match one alliance, which several (ambiguous) and which none, and
nothing is added before the secretary has seen it (``--dry-run``, the window's preview).

Adding a document: it is copied into a private folder and hashed on the way (bounded in
size), its content checked against its kind, office documents converted to PDF by
LibreOffice (``document_convert``; kept with their text otherwise), pictures made a
one-page PDF, and every PDF opened in the document worker (bounded in time and memory)
for its pages and their text. Every good document is then stored in one transaction;
each refused one is named with its reason. Nothing is added to a locked round.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from alliance_review.core import attachments
from alliance_review.core import documents as docs
from alliance_review.core.documents import Document, Match
from alliance_review.core.errors import UserError
from alliance_review.core.roster import Alliance
from alliance_review.services.document_convert import convert_to_pdf, find_soffice
from alliance_review.services.document_worker import DocumentFailed, DocumentWorker
from alliance_review.services.panel import require_unlocked
from alliance_review.storage import attachments as named_attachments
from alliance_review.storage import audit
from alliance_review.storage import documents as rows
from alliance_review.storage.round_store import RoundStore, now_text

Progress = Callable[[int, int], bool]
#: folders below the one chosen that are searched for documents
MAX_DEPTH = 3
MAX_FILES = 5000


def alliance_names(alliance: Alliance) -> tuple[str, ...]:
    """The alliance's name first, then the short names files may use: its short name on
    the roster (联盟简称), and those made from its name ("TD联盟", "TD")."""
    own = (alliance.short_name,) if alliance.short_name else ()
    return tuple(dict.fromkeys((alliance.name, *own, *docs.short_names(alliance.name))))


def find_alliance(store: RoundStore, text: str) -> Alliance:
    """The alliance a user named on the command line (its name or a short name)."""
    alliances = store.alliances()
    exact = next((a for a in alliances if a.name == text), None)
    if exact is not None:
        return exact
    match = docs.match_alliance(text, {a.uid: alliance_names(a) for a in alliances})
    found = next((a for a in alliances if a.uid == match.alliance_uid), None)
    if found is None or len(docs.clean_title(text)) < 2:
        raise UserError(
            f"名单中没有「{text}」，或它可指多个联盟。", f"{text!r} names no single alliance."
        )
    return found


# planning an import --------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    path: Path
    shown: str  # the path relative to the folder chosen
    match: Match
    kind: str | None

    @property
    def alliance_uid(self) -> str | None:
        return self.match.alliance_uid


@dataclass
class ImportPlan:
    folder: Path
    matched: list[Candidate] = field(default_factory=list)
    ambiguous: list[Candidate] = field(default_factory=list)
    unmatched: list[Candidate] = field(default_factory=list)
    not_taken: list[Candidate] = field(default_factory=list)  # kinds the round does not take


def _files(folder: Path) -> Iterable[tuple[Path, tuple[str, ...]]]:
    """Regular files under ``folder`` (never following links), with the folder names on
    their way down."""
    count = 0
    stack: list[tuple[Path, tuple[str, ...]]] = [(folder, ())]
    while stack:
        where, parts = stack.pop()
        try:
            entries = sorted(os.scandir(where), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue
            if entry.is_dir(follow_symlinks=False):
                if len(parts) < MAX_DEPTH:
                    stack.append((Path(entry.path), (*parts, entry.name)))
            elif entry.is_file(follow_symlinks=False):
                count += 1
                if count > MAX_FILES:
                    raise UserError(
                        f"文件夹中的文件超过 {MAX_FILES} 个，请选择只含佐证材料的文件夹。",
                        f"The folder holds more than {MAX_FILES} files; choose a folder that "
                        "holds only the documents.",
                    )
                yield Path(entry.path), parts


def plan_import(store: RoundStore, folder: Path | str) -> ImportPlan:
    """Which file of ``folder`` goes to which alliance (read only; nothing is added)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"文件夹「{folder}」不存在。", f"The folder {folder} does not exist.")
    names = {a.uid: alliance_names(a) for a in store.alliances()}
    listed = _listed_names(store, names)
    plan = ImportPlan(folder)
    for path, parts in _files(folder):
        shown = "/".join((*parts, path.name))
        kind = docs.kind_of_name(path.name)
        # the innermost folder that names one alliance decides; else the file's own name
        match = Match(())
        for part in reversed(parts):
            match = docs.match_alliance(part, names)
            if match.uids:
                break
        if not match.uids:
            match = docs.match_alliance(path.name, names)
        if match.alliance_uid is None:
            match = _by_attachment_list(path.name, match, listed, names)
        candidate = Candidate(path, shown, match, kind)
        if kind is None:
            plan.not_taken.append(candidate)
        elif match.alliance_uid is not None:
            plan.matched.append(candidate)
        elif match.uids:
            plan.ambiguous.append(candidate)
        else:
            plan.unmatched.append(candidate)
    plan.matched.sort(key=lambda c: (c.alliance_uid or "", c.shown))
    return plan


BY_LIST = "attachment list"  # a Match made by the alliances' lists of attachments


def _listed_names(store: RoundStore, names: dict[str, tuple[str, ...]]) -> dict[str, set[str]]:
    """Alliance uid -> the attachments its self-evaluation names, as compared."""
    return {
        uid: {attachments.normal(n.name, names.get(uid, ())) for n in listed} - {""}
        for uid, listed in named_attachments.named(store.conn).items()
    }


def _by_attachment_list(
    file_name: str, match: Match, listed: dict[str, set[str]], names: dict[str, tuple[str, ...]]
) -> Match:
    """A file its name does not give to one alliance, given to the one alliance (of those
    it might be) whose self-evaluation names it; else ``match`` as it was."""
    among = match.uids or tuple(listed)
    naming = tuple(
        uid
        for uid in among
        if attachments.normal(file_name, names.get(uid, ())) in listed.get(uid, set())
    )
    return Match(naming, BY_LIST) if len(naming) == 1 else match


# adding ------------------------------------------------------------------------------------------
@dataclass
class Prepared:
    """A document ready to be stored: its private copy, the PDF shown and its texts."""

    alliance_uid: str
    source: Path
    kind: str
    original: rows.Staged
    view: rows.Staged | None = None
    texts: list[str] = field(default_factory=list)
    pages: int = 0


@dataclass
class AddReport:
    added: list[Document] = field(default_factory=list)
    refused: list[tuple[Path, UserError]] = field(default_factory=list)
    already: list[tuple[Path, str]] = field(default_factory=list)  # (file, title it has)
    converted: int = 0  # office documents LibreOffice made a PDF of
    text_only: int = 0  # office documents kept with their text (no LibreOffice)


def _refusal(path: Path, zh: str, en: str) -> UserError:
    return UserError(f"「{path.name}」{zh}", f"{path.name}: {en}")


def _named(path: Path, error: UserError) -> UserError:
    """A worker's refusal (which names no file) with the file's name in front."""
    return UserError(f"「{path.name}」：{error.zh}", f"{path.name}: {error.en}")


def _inspect_pdf(worker: DocumentWorker, path: Path) -> tuple[int, list[str]]:
    """Pages and their texts; the first page must render (a bomb is refused here)."""
    sizes = worker.info(path)
    worker.render(path, 0, 0.25)
    texts: list[str] = []
    for start in range(0, len(sizes), 100):
        texts += worker.texts(path, start, start + 100)
    return len(sizes), texts


def _prepare(
    items: list[tuple[str, Path]],
    scratch: Path,
    worker: DocumentWorker,
    report: AddReport,
    progress: Progress | None,
) -> list[Prepared]:
    prepared: list[Prepared] = []
    office: list[Prepared] = []
    steps = len(items) * 2
    for number, (uid, path) in enumerate(items):
        kind = docs.kind_of_name(path.name)
        try:
            if kind is None:
                raise _refusal(
                    path,
                    "不是可收录的文档类型（PDF、Word、Excel、WPS、图片）。",
                    "not a kind of document the round takes (PDF, Word, Excel, WPS, pictures).",
                )
            staged = rows.stage(path, scratch / f"{number}-original.{kind}")
            with staged.path.open("rb") as handle:
                head = handle.read(1024)
            if not docs.content_matches(kind, head):
                raise _refusal(
                    path,
                    f"的内容不是 {kind.upper()} 文件（文件名与内容不符），未收录。",
                    f"its content is not a {kind.upper()} file (the name and the content "
                    "disagree); it was not added.",
                )
            item = Prepared(uid, path, kind, staged)
            family = docs.FAMILY[kind]
            if family == docs.PDF:
                item.view = staged
                item.pages, item.texts = _inspect_pdf(worker, staged.path)
            elif family == docs.IMAGE:
                target = scratch / f"{number}-picture.pdf"
                worker.image_pdf(staged.path, target)
                item.view = rows.Staged(target, *rows.hash_file(target))
                item.pages, item.texts = _inspect_pdf(worker, target)
            else:
                office.append(item)
            prepared.append(item)
        except DocumentFailed as error:
            report.refused.append((path, _named(path, error)))
        except UserError as error:
            report.refused.append((path, error))
        if progress is not None and not progress(number + 1, steps):
            raise UserError("已取消，未添加任何文档。", "Cancelled; no document was added.")
    if office:
        _convert(office, scratch, worker, report, progress, steps)
    return [p for p in prepared if not any(p.source == r for r, _ in report.refused)]


def _convert(
    office: list[Prepared],
    scratch: Path,
    worker: DocumentWorker,
    report: AddReport,
    progress: Progress | None,
    steps: int,
) -> None:
    """LibreOffice's PDF of each office document, or else its text."""
    converted = scratch / "converted"
    converted.mkdir(exist_ok=True)
    soffice = find_soffice()
    made = convert_to_pdf([p.original.path for p in office], converted, soffice)
    for number, item in enumerate(office):
        pdf = made.get(item.original.path)
        try:
            if pdf is not None:
                item.view = rows.Staged(pdf, *rows.hash_file(pdf))
                item.pages, item.texts = _inspect_pdf(worker, pdf)
                report.converted += 1
            else:
                item.texts = worker.office_text(item.original.path, item.kind)
                item.pages = len(item.texts)
                report.text_only += 1
        except UserError as error:
            report.refused.append((item.source, _named(item.source, error)))
        if progress is not None and not progress(steps // 2 + number + 1, steps):
            raise UserError("已取消，未添加任何文档。", "Cancelled; no document was added.")


def _round_bound(store: RoundStore, prepared: list[Prepared]) -> None:
    adding = {p.original.sha256: p.original.size for p in prepared}
    adding.update({p.view.sha256: p.view.size for p in prepared if p.view is not None})
    total = rows.stored_bytes(store.conn) + sum(
        size for sha, size in adding.items() if not rows.has_content(store.conn, sha)
    )
    if total > docs.MAX_ROUND_DOCUMENT_BYTES:
        limit = docs.MAX_ROUND_DOCUMENT_BYTES // (1024 * 1024)
        raise UserError(
            f"添加后本轮次的文档将达 {total / (1024 * 1024):.0f} MB，超过上限 {limit} MB，"
            "未添加任何文档。请删去不需要的文档，或压缩扫描件后再添加。",
            f"With these the round's documents would take {total / (1024 * 1024):.0f} MB, "
            f"more than the {limit} MB allowed; nothing was added. Remove documents that "
            "are not needed, or compress scanned ones, and add again.",
        )


def _store(store: RoundStore, prepared: list[Prepared], report: AddReport) -> None:
    names = {a.uid: a for a in store.alliances()}
    with store.atomic():
        for item in prepared:
            existing = rows.documents(store.conn, item.alliance_uid)
            same = next((d for d in existing if d.sha256 == item.original.sha256), None)
            if same is not None:
                report.already.append((item.source, same.title))
                continue
            alliance = names[item.alliance_uid]
            title = docs.unique_title(
                docs.title_from_file_name(item.source.name, alliance_names(alliance)),
                {d.title for d in existing},
            )
            rows.put_file(store.conn, item.original)
            view_sha = None
            if item.view is not None:
                rows.put_file(store.conn, item.view)
                view_sha = item.view.sha256
            rows.put_page_texts(store.conn, view_sha or item.original.sha256, item.texts)
            new_id = rows.insert_document(
                store.conn, item.alliance_uid, title, item.source.name[:255], item.kind,
                item.original.sha256, view_sha, item.pages, now_text(),
            )  # fmt: skip
            found = rows.document(store.conn, new_id)
            if found is not None:
                report.added.append(found)
        if report.added:
            audit.append(
                store.conn,
                "documents",
                {
                    "added": [[d.alliance_uid, d.title, d.sha256] for d in report.added],
                },
            )


def add_documents(
    round_path: Path | str,
    items: list[tuple[str, Path]],
    progress: Progress | None = None,
    worker: DocumentWorker | None = None,
) -> AddReport:
    """Add each (alliance uid, file) to the round: every good document, in one
    transaction; each refused one is named in the report with its reason."""
    report = AddReport()
    own_worker = worker is None
    worker = worker or DocumentWorker()
    scratch = Path(tempfile.mkdtemp(prefix="alliance-review-documents-"))
    try:
        with RoundStore.open(round_path) as store:
            require_unlocked(store)
            known = {a.uid for a in store.alliances()}
            unknown = [uid for uid, _ in items if uid not in known]
            if unknown:
                raise UserError("名单中没有该联盟。", "No such alliance on the roster.")
        prepared = _prepare(items, scratch, worker, report, progress)
        with RoundStore.open(round_path) as store:
            require_unlocked(store)
            _round_bound(store, prepared)
            _store(store, prepared, report)
    finally:
        if own_worker:
            worker.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return report


def import_folder(
    round_path: Path | str, plan: ImportPlan, progress: Progress | None = None
) -> AddReport:
    """Add the files the plan matched to one alliance (the others are left out)."""
    return add_documents(
        round_path, [(c.alliance_uid, c.path) for c in plan.matched if c.alliance_uid], progress
    )


def remove_document(store: RoundStore, document_id: int) -> Document:
    """Remove one document (its contents go once no other document needs them)."""
    require_unlocked(store)
    found = rows.document(store.conn, document_id)
    if found is None:
        raise UserError("没有该文档（可能已被删除）。", "No such document (removed already?).")
    with store.atomic():
        rows.delete_document(store.conn, document_id)
        audit.append(
            store.conn, "documents", {"removed": [[found.alliance_uid, found.title, found.sha256]]}
        )
    return found


def take_out(store: RoundStore, document_ids: list[int], folder: Path) -> list[rows.Removed]:
    """Remove documents keeping their contents in ``folder`` (a window's undo puts them
    back with ``put_back``); one transaction, recorded in the trail."""
    require_unlocked(store)
    with store.atomic():
        removed = rows.take_out(store.conn, document_ids, folder)
        if removed:
            audit.append(
                store.conn,
                "documents",
                {"removed": [[r.row[1], r.row[3], r.row[6]] for r in removed]},
            )
    return removed


def put_back(store: RoundStore, removed: list[rows.Removed]) -> None:
    require_unlocked(store)
    with store.atomic():
        rows.put_back(store.conn, removed)
        audit.append(
            store.conn, "documents", {"added": [[r.row[1], r.row[3], r.row[6]] for r in removed]}
        )


def find_document(store: RoundStore, alliance: Alliance, title: str) -> Document:
    for document in rows.documents(store.conn, alliance.uid):
        if title in (document.title, document.file_name):
            return document
    raise UserError(
        f"「{alliance.name}」没有名为「{title}」的文档。",
        f"{alliance.name} has no document titled {title!r}.",
    )


def named_received(
    store: RoundStore,
) -> dict[str, list[tuple[attachments.Named, Document | None]]]:
    """Alliance uid -> each attachment its self-evaluation names, with the document that
    is it (None: not received)."""
    listed = named_attachments.named(store.conn)
    if not listed:
        return {}
    by_alliance = {a.uid: a for a in store.alliances()}
    held = rows.documents(store.conn) if rows.has_documents_tables(store.conn) else []
    found: dict[str, list[tuple[attachments.Named, Document | None]]] = {}
    for uid, items in listed.items():
        alliance = by_alliance.get(uid)
        own = alliance_names(alliance) if alliance is not None else ()
        mine = [d for d in held if d.alliance_uid == uid]
        found[uid] = attachments.received(items, mine, own)
    return found


def size_text(size: int, language: str = "zh") -> str:
    """A size as people read it: "830 KB", "2.4 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    if size < 1024**3:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024**3:.1f}".rstrip("0").rstrip(".") + " GB"
