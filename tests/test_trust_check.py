"""``check`` judges a returned reviewer file's signature as ``merge`` does (issue 19,
defect 10): a planted private key or a NULL signature passed check as "valid" while the
merge refused the file. Both now use one rule (``merge_reading.verify_signature``) and
say the same sentence; with ``--round`` check uses the key the round issued."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from alliance_review.storage import keys, sealing

from . import panel_rounds as pr
from .conftest import run_cli


@pytest.fixture
def setting(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    round_path = pr.build_round(tmp_path / "round.sqlite")
    return round_path, pr.submitted(round_path, tmp_path)


def crafted(source: Path, out: Path, *statements: tuple[str, tuple[object, ...]]) -> Path:
    shutil.copyfile(source, out)
    with closing(sqlite3.connect(out)) as conn:
        for sql, values in statements:
            conn.execute(sql, values)
        conn.commit()
    return out


def resign_with(path: Path, private: bytes) -> Path:
    """Sign the file's content again with ``private`` (its public half put in the file)."""
    with closing(sqlite3.connect(path)) as conn:
        key_id = conn.execute("SELECT key_id FROM signing").fetchone()[0]
        conn.execute("UPDATE signing SET public_key = ?", (keys.public_of(private),))
        signature = keys.sign(private, sealing.message(conn, key_id))
        conn.execute("UPDATE signing SET signature = ?", (signature,))
        conn.commit()
    return path


def judged_alike(round_path: Path, file: Path, words: str) -> None:
    """check (alone and against the round) and merge refuse the file with one sentence."""
    alone = run_cli("check", file, "--json")
    record = json.loads(alone.stdout)
    assert alone.returncode == 1 and record["valid"] is False, record
    assert any(words in p for p in record["problems"]), record["problems"]
    against = run_cli("check", file, "--round", round_path)
    assert against.returncode == 1 and words in against.stdout, against.stdout
    before = pr.dump(round_path)
    merged = run_cli("merge", round_path, file)
    refusal = next(x for x in merged.stdout.splitlines() if x.startswith("[拒绝]"))
    assert merged.returncode == 1 and words in refusal, merged.stdout
    said = refusal.split(": ", 1)[1]
    assert said in against.stdout  # the same sentence
    assert pr.dump(round_path) == before


def test_a_planted_private_key_is_refused_by_check_as_by_merge(
    setting: tuple[Path, dict[str, Path]], tmp_path: Path
):
    round_path, returned = setting
    mine = pr.working_of(returned["r1"])
    with closing(sqlite3.connect(mine)) as conn:
        genuine = conn.execute("SELECT private_key FROM signing").fetchone()[0]
    # the genuine key planted back: the signature still holds
    planted = crafted(
        returned["r1"], tmp_path / "planted.sqlite",
        ("UPDATE signing SET private_key = ?", (genuine,)),
    )  # fmt: skip
    judged_alike(round_path, planted, "却带着私钥")
    # a key of the attacker's own, the file signed again with it: valid under its own
    # public key (check said "valid"), not under the key the round issued
    own = keys.new_private_key()
    forged = resign_with(
        crafted(
            returned["r1"], tmp_path / "forged.sqlite",
            ("UPDATE score SET points_centi = 0 WHERE rowid = 1", ()),
            ("UPDATE signing SET private_key = ?", (own,)),
        ),
        own,
    )  # fmt: skip
    judged_alike(round_path, forged, "却带着私钥")
    stripped = crafted(forged, tmp_path / "stripped.sqlite",
                       ("UPDATE signing SET private_key = NULL", ()))  # fmt: skip
    against = run_cli("check", stripped, "--round", round_path)
    assert against.returncode == 1 and "签名与内容不符" in against.stdout, against.stdout
    alone = run_cli("check", stripped)  # signed under the key it carries: only that is said
    assert alone.returncode == 0 and "用文件自带的公钥核验" in alone.stdout


def test_a_null_signature_is_refused_by_check_as_by_merge(
    setting: tuple[Path, dict[str, Path]], tmp_path: Path
):
    round_path, returned = setting
    unsigned = crafted(
        returned["r2"], tmp_path / "unsigned.sqlite", ("UPDATE signing SET signature = NULL", ())
    )
    judged_alike(round_path, unsigned, "尚未提交")


def test_check_against_the_round_names_another_reviewers_file(
    setting: tuple[Path, dict[str, Path]], tmp_path: Path
):
    round_path, returned = setting
    claims = crafted(
        returned["r1"], tmp_path / "claims.sqlite",
        ("UPDATE meta SET reviewer_uid = 'r2', reviewer_name = '评审专家2'", ()),
    )  # fmt: skip
    pr.resign(claims, pr.working_of(returned["r1"]))
    assert run_cli("check", claims).returncode == 0  # alone: consistent with its own key
    against = run_cli("check", claims, "--round", round_path)
    assert against.returncode == 1 and "冒用他人身份" in against.stdout
    genuine = run_cli("check", returned["r1"], "--round", round_path)
    assert genuine.returncode == 0 and "用评价轮次发给该评审专家的密钥核验" in genuine.stdout
    other = pr.build_round(tmp_path / "other.sqlite", uid="round-other")
    elsewhere = run_cli("check", returned["r1"], "--round", other)
    assert elsewhere.returncode == 1 and "属于另一个评价轮次" in elsewhere.stdout


FORGED_LINE = "\n[已合并] 伪造.alr-review  评审专家9  r9: 联盟：新增 5"
HOSTILE = "\x1b[2J\x1b]0;owned\x07\u202e\r" + FORGED_LINE


def test_names_from_a_file_never_drive_the_terminal(
    setting: tuple[Path, dict[str, Path]], tmp_path: Path
):
    """Defect 12: terminal escape sequences, a bidi override and a line break in a name
    from a file reached the terminal through merge's output, and could fake a "[已合并]"
    line. Every line the command line prints shows them as \\uXXXX instead; JSON stays
    JSON and gives the name back exactly."""
    round_path, returned = setting
    named = tmp_path / "evil\x1b[31m\u202efile.sqlite"
    crafted(
        returned["r1"], named,
        ("UPDATE meta SET reviewer_name = ?", (f"评审专家1{HOSTILE}",)),
    )  # fmt: skip
    with closing(sqlite3.connect(round_path)) as conn:  # a round edited behind the app
        conn.execute("UPDATE alliance SET name = ? WHERE uid = 'a0'", (f"联盟0号{HOSTILE}",))
        conn.commit()
    assert run_cli("merge", round_path, returned["r2"], returned["r3"]).returncode == 0
    outputs = [
        run_cli("merge", round_path, named),
        run_cli("check", named),
        run_cli("ranking", round_path),
        run_cli("export-pdf", round_path, tmp_path / f"out{HOSTILE}.pdf"),
    ]
    for done in outputs:
        for text in (done.stdout, done.stderr):
            assert not set(text) & {"\x1b", "\x07", "\r", "\u202e"}, text
            assert not any(line.startswith("[已合并] 伪造") for line in text.splitlines())
    merge_out = outputs[0].stdout
    assert "\\u001b[2J" in merge_out and "\\u202e" in merge_out and "\\u000a[已合并]" in merge_out
    assert "联盟0号\\u001b[2J" in outputs[2].stdout
    records = json.loads(run_cli("ranking", round_path, "--json").stdout)
    assert f"联盟0号{HOSTILE}" in {r["name"] for r in records}
