# ruff: noqa: E501  (the table of commands reads best one command a line)
"""The command line speaks the user's language: Chinese by default, English under an
English locale (LANG / LC_ALL / LC_MESSAGES, or ALLIANCE_REVIEW_LANG) — every message,
success lines included; names from the round (alliances, reviewers, tiers, batches,
reasons) and file names are data and stay as they are. ``decide --points`` refuses what
is not a number in one sentence; ``merge`` says each refusal on stderr as well."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from alliance_review.core.file_names import REVIEWER_SUFFIX
from alliance_review.storage.files import identify
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore

SOURCES = Path(__file__).parents[1] / "src" / "alliance_review"
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”]")
ENGLISH = {"LANG": "en_US.UTF-8"}  # the locale alone, as a user's shell has it
CHINESE = {"LANG": "zh_CN.UTF-8"}


def cli(
    *args: object, env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    base.pop("ALLIANCE_REVIEW_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "alliance_review", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**base, "PYTHONIOENCODING": "utf-8", **env},
        timeout=300,
    )


def data_words(*files: Path) -> list[str]:
    """What may stay Chinese in English output: the rounds' names and the files' names."""
    words: set[str] = set()
    for path in files:
        if not path.exists():
            continue
        if path.suffix == ".sqlite" and identify(path).kind.name == "round":
            with RoundStore.open(path) as store:
                settings = store.settings()
                words |= {settings.title, *(t.name for t in settings.tiers)}
                words |= {a.name for a in store.alliances()}
                words |= {a.batch for a in store.alliances() if a.batch}
                words |= {r.name for r in store.reviewers()}
                indicators = list(store.rubric().indicators())
                words |= {i.name for i in indicators}
                words |= {item.name for i in indicators for item in i.items}
                words |= set(store.participation_reasons())
                words |= {note for _, note in store.non_participants().values() if note}
    for folder in {p.parent for p in files}:
        words |= {p.name for p in folder.rglob("*")} | {p.stem for p in folder.rglob("*")}
    return sorted((w for w in words if w), key=len, reverse=True)


def leftover_chinese(text: str, words: list[str]) -> list[str]:
    """The lines still holding Chinese once the data is taken out (names compared in NFKC:
    a roster check shows a name with the brackets it normalised)."""
    text = unicodedata.normalize("NFKC", text)
    for word in sorted({unicodedata.normalize("NFKC", w) for w in words}, key=len, reverse=True):
        text = text.replace(word, "")
    return [line for line in text.splitlines() if CJK.search(line)]


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Files made once, by the command line itself; each test copies what it changes."""
    folder = tmp_path_factory.mktemp("cli-language")
    made = cli(
        "demo", folder / "demo.sqlite", "--reviewer-files", folder / "files",
        "--previous", folder / "demo-2014.sqlite", env=CHINESE,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    merged = cli("merge", folder / "demo.sqlite", folder / "files", env=CHINESE)
    assert merged.returncode == 0, merged.stderr
    return {
        "demo": folder / "demo.sqlite",
        "previous": folder / "demo-2014.sqlite",
        "files": folder / "files",
    }


# (name, arguments with {placeholders}, the Chinese line, the English line)
STEPS: list[tuple[str, list[str], str, str]] = [
    ("check", ["check", "{round}"], "完整性: 通过", "Integrity: ok"),
    ("method", ["method", "{round}", "median"], "个联盟的名次或总分会变化", "would change rank or total"),
    ("method --apply", ["method", "{round}", "mean", "--apply"], "已改用「平均值」", "The round now uses the mean."),
    ("decide", ["decide", "{round}", "{alliance}", "--points", "８０", "--rationale", "讨论"], "已记录总分的决定：80 分。", "The decision on the total is recorded: 80 points."),
    ("decide --withdraw", ["decide", "{round}", "{alliance}", "--withdraw"], "已撤回总分的决定。", "The decision on the total is withdrawn."),
    ("settings", ["settings", "{round}"], "划档依据：", "Tiers: the exact total decides the tier"),
    ("participation", ["participation", "{round}"], "试点联盟 146 家，参评 125 家", "146 pilot alliances: 125 take part, 21 do not."),
    ("export-pdf", ["export-pdf", "{round}", "{out}/附件.pdf"], "已写入附件：", "Appendix written: "),
    ("verify-pdf", ["verify-pdf", "{round}", "{out}/附件.pdf"], "一致：", "Match: "),
    ("export-xlsx", ["export-xlsx", "{round}", "{out}/结果.xlsx"], "已写入结果工作簿：", "Results workbook written: "),
    ("statistics", ["statistics", "{round}", "--previous", "{previous}"], "年度活跃度评价统计", "Activity evaluation statistics 2015"),
    ("report", ["report", "{round}", "{out}/报告.docx", "--previous", "{previous}"], "已写入评价报告草稿：", "Report draft written: "),
    ("roster-export", ["roster-export", "{round}", "{out}/名单.xlsx"], "已导出联盟名单：", "Roster exported: "),
    ("rubric-export", ["rubric-export", "{round}", "{out}/指标.json"], "已导出评价指标：", "Rubric exported: "),
    ("lock", ["lock", "{round}"], "评价轮次已锁定为最终结果。", "The round is locked as final."),
    ("unlock", ["unlock", "{round}"], "评价轮次已解除锁定。", "The round is unlocked."),
    ("ranking", ["ranking", "{round}"], "", ""),
    ("new-round", ["new-round", "{new}", "--title", "2016年度评价", "--year", "2016", "--from", "{round}"], "已写入评价轮次：", "Round written: "),
    ("reviewers add", ["reviewers", "{new}", "add", "王新"], "已添加评审专家：王新", "Reviewer added: 王新"),
    ("reviewers list", ["reviewers", "{new}", "list"], "本人联盟：", "own alliance: "),
    ("reviewers remove", ["reviewers", "{new}", "remove", "王新"], "已删除评审专家：王新", "Reviewer removed: 王新"),
    ("roster-import", ["roster-import", "{new}", "{out}/名单.xlsx", "--dry-run"], "预览：", "Preview: "),
    ("assign", ["assign", "{new}"], "已分配：每位评审专家", "Assigned: "),
    ("selfeval-out", ["selfeval-out", "{new}", "{out}/自评"], "份自评价表：", "self-evaluation workbook(s) written: "),
    ("issue", ["issue", "{new}", "{out}/发放"], "份评审专家文件：", "reviewer file(s) issued: "),
    ("export-sheet", ["export-sheet", "{reviewer}", "{out}/评分表.xlsx"], "已导出评分表", "Scoring workbook exported"),
    ("import-sheet", ["import-sheet", "{reviewer}", "{out}/评分表.xlsx", "--dry-run"], "评分表与文件一致，没有改动", "Nothing to import: the workbook matches the file"),
    ("submit", ["submit", "{reviewer}"], "已提交第 1 版", "Revision 1 submitted"),
]  # fmt: skip


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_command_says_its_success_in_the_users_language(  # type: ignore[no-untyped-def]
    session, tmp_path: Path, language: str
):
    env = ENGLISH if language == "en" else CHINESE
    shutil.copyfile(session["demo"], tmp_path / "demo.sqlite")
    out = tmp_path / "out"
    out.mkdir()
    with RoundStore.open(tmp_path / "demo.sqlite") as store:
        alliance = store.alliances()[3].name
    places = {
        "round": str(tmp_path / "demo.sqlite"),
        "previous": str(session["previous"]),
        "new": str(tmp_path / "新轮次.sqlite"),
        "alliance": alliance,
        "out": str(out),
        "reviewer": "",
    }
    for name, arguments, zh, en in STEPS:
        if name == "export-sheet":
            places["reviewer"] = str(sorted((out / "发放").glob(f"*{REVIEWER_SUFFIX}"))[0])
        typed = [a.format(**places) for a in arguments]
        done = cli(*typed, env=env)
        assert done.returncode == 0, (name, done.stdout, done.stderr)
        assert "Traceback" not in done.stdout + done.stderr
        said = done.stdout
        assert (en if language == "en" else zh) in said, (name, said)
        if language == "en":
            words = data_words(
                tmp_path / "demo.sqlite",
                Path(places["new"]),
                session["previous"],
                *sorted(out.rglob("*")),
            ) + sorted(typed, key=len, reverse=True)  # what the user typed is data too
            left = leftover_chinese(done.stdout + done.stderr, words)
            assert left == [], (name, left)


@pytest.mark.parametrize("points", ["abc", "NaN", "Infinity", "-1", "1e999", "1/3", "", " "])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_decide_refuses_points_that_are_not_a_number_in_one_sentence(  # type: ignore[no-untyped-def]
    session, tmp_path: Path, points: str, language: str
):
    round_path = Path(shutil.copyfile(session["demo"], tmp_path / "demo.sqlite"))
    with RoundStore.open(round_path) as store:
        alliance = store.alliances()[0].name
    before = round_path.read_bytes()
    env = ENGLISH if language == "en" else CHINESE
    done = cli("decide", round_path, alliance, "--points", points, "--rationale", "讨论", env=env)
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    if language == "en":
        assert lines[0].startswith(f'"{points}" is not a valid number of points')
    else:
        assert lines[0].startswith(f"「{points}」不是有效的分数")
    assert round_path.read_bytes() == before


def test_decide_refuses_points_out_of_range_in_one_sentence(session, tmp_path: Path):  # type: ignore[no-untyped-def]
    round_path = Path(shutil.copyfile(session["demo"], tmp_path / "demo.sqlite"))
    with RoundStore.open(round_path) as store:
        alliance = store.alliances()[0].name
    done = cli(
        "decide", round_path, alliance, "--points", "101", "--rationale", "讨论", env=ENGLISH
    )
    assert done.returncode == 1 and done.stderr.strip() == "A total takes 0 to 100 points."


def test_merge_says_each_refusal_on_stderr_as_well(session, tmp_path: Path):  # type: ignore[no-untyped-def]
    round_path = Path(shutil.copyfile(session["demo"], tmp_path / "demo.sqlite"))
    junk = tmp_path / "不是评审文件.sqlite"
    junk.write_text("x", encoding="utf-8")
    one = sorted(session["files"].glob(f"*{REVIEWER_SUFFIX}"))[0]
    for env, refused in (
        (CHINESE, "拒绝「不是评审文件.sqlite」："),
        (ENGLISH, "Refused 不是评审文件.sqlite: "),
    ):
        done = cli("merge", round_path, one, junk, env=env)
        assert done.returncode == 1
        assert "不是评审文件.sqlite" in done.stdout  # the report names it
        errors = done.stderr.strip().splitlines()
        assert len(errors) == 1 and errors[0].startswith(refused)  # and stderr says why
        assert one.name not in done.stderr  # an unchanged file is no refusal


def test_an_unexpected_error_is_one_sentence_and_a_log_entry(tmp_path: Path):  # type: ignore[no-untyped-def]
    script = (
        "import sys; from alliance_review import cli; from alliance_review.commands import basic;"
        " basic.cmd_check = lambda args: 1 / 0;"
        " sys.exit(cli.main(['check', 'x']))"
    )
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}}
    env.update(
        ALLIANCE_REVIEW_LANG="en", ALLIANCE_REVIEW_LOG_DIR=str(tmp_path), PYTHONIOENCODING="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    log = tmp_path / "alliance-review.log"
    assert done.stderr.strip() == (
        f"An unexpected error occurred (ZeroDivisionError); the details were written to {log}."
        " Files saved before are unaffected."
    )
    assert "ZeroDivisionError: division by zero" in log.read_text(encoding="utf-8")


def test_a_damaged_or_locked_file_is_one_sentence(session, tmp_path: Path):  # type: ignore[no-untyped-def]
    import sqlite3

    round_path = Path(shutil.copyfile(session["demo"], tmp_path / "demo.sqlite"))
    holder = sqlite3.connect(round_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("BEGIN EXCLUSIVE")  # another program writes the file meanwhile
    try:
        with RoundStore.open(round_path) as store:
            alliance = store.alliances()[0].name
    except sqlite3.OperationalError:
        alliance = "TD 产业技术创新战略联盟"
    try:
        done = cli(
            "decide", round_path, alliance, "--points", "80", "--rationale", "讨论", env=ENGLISH
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().startswith("The file is in use by another program or window")


def test_no_command_prints_chinese_text_of_its_own():
    """Every line for the user goes through say(zh, en): a print() of a Chinese literal in
    alliance_review/commands/ or cli.py would be Chinese under an English locale too."""
    found = []
    for path in [*sorted((SOURCES / "commands").glob("*.py")), SOURCES / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in ("print", "write"):
                continue
            literals = [
                c.value
                for arg in node.args
                for c in ast.walk(arg)
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            ]
            if any(CJK.search(text) for text in literals):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_every_refusal_with_chinese_text_has_its_english_sentence():
    refusals = {
        "UserError", "RubricError", "ScoreError", "FileRefused", "AssignmentError",
        "StorageError", "RoundLocked",
    }  # fmt: skip
    found = []
    for path in sorted(SOURCES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in refusals and len(node.args) == 1 and not node.keywords:
                    found.append(f"{path.relative_to(SOURCES)}:{node.lineno}")
    assert found == []


def test_reviewer_file_names_are_data(session):  # type: ignore[no-untyped-def]
    # (a guard for the data list above: issued files carry the reviewer's name)
    one = sorted(session["files"].glob(f"*{REVIEWER_SUFFIX}"))[0]
    with ReviewerStore.open_sealed(one) as store:
        assert store.meta().reviewer_name in one.name


def test_locking_and_unlocking_are_each_logged_in_the_round(session, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Unlocking is its own explicit action, recorded (signed) in the round's audit trail,
    from the command line as from the window (both go through services.panel.set_locked)."""
    round_path = Path(shutil.copyfile(session["demo"], tmp_path / "demo.sqlite"))
    env = {**ENGLISH, "ALLIANCE_REVIEW_CONFIG_DIR": str(tmp_path / "config")}
    assert cli("lock", round_path, env=env).returncode == 0
    done = cli("unlock", round_path, "--reason", "第 12 项录入有误，重新核对", env=env)
    assert done.returncode == 0 and done.stdout.strip() == "The round is unlocked."
    with RoundStore.open(round_path) as store:
        entries = [e for e in store.audit_entries() if e.action in ("lock", "unlock")]
        assert store.settings().locked is False
    assert [e.action for e in entries] == ["lock", "unlock"]
    assert entries[1].data()["reason"] == "第 12 项录入有误，重新核对"
    assert all(e.signature for e in entries)
