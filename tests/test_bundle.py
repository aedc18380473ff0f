"""The standalone app: ``packaging/build`` makes the one-folder bundle, and the frozen app
works as a person without Python uses it (slow tier: the build takes about a minute).

Cost on the 2-core machine: the build ~60-90 s (PyInstaller, cold), the runs below ~15 s.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.file_checks import application_id

ROOT = Path(__file__).parents[1]
# the Linux bundle (Windows and macOS bundles: packaging/smoke-test.py in platforms.yml)
pytestmark = [pytest.mark.slow, pytest.mark.linux]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, PYTHON=sys.executable, DIST=str(out / "dist"), WORK=str(out / "work"))
    started = time.monotonic()
    built = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    print(f"\nbundle built in {time.monotonic() - started:.0f} s")
    app = out / "dist" / "alliance-review"
    assert (app / "alliance-review").is_file() and (app / "install.sh").is_file()
    assert list((out / "dist").glob("alliance-review-*-linux-*.tar.gz"))
    return app


def frozen(
    bundle: Path, *args: str | Path, home: Path, language: str = "zh_CN.UTF-8"
) -> subprocess.CompletedProcess[str]:
    """Run the frozen executable as a user would: no Python on PATH, no source tree."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": language,
        "QT_QPA_PLATFORM": "offscreen",
        "ALLIANCE_REVIEW_CONFIG_DIR": str(home / "config"),
    }
    return subprocess.run(
        [str(bundle / "alliance-review"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=home,
        timeout=180,
    )


@pytest.fixture(scope="module")
def made(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The frozen app's own demo: the round, and the round before the merge with the
    reviewer files (the frozen app reads its shipped rubric, roster and appendix)."""
    home = tmp_path_factory.mktemp("home")
    done = frozen(bundle, "demo", home / "演示评价轮次-2015.alr-round", home=home)
    assert done.returncode == 0, done.stderr
    assert "演示评价轮次" in done.stdout
    before = frozen(
        bundle, "demo", home / "before.alr-round", "--reviewer-files", home / "files", home=home
    )
    assert before.returncode == 0, before.stderr
    return {
        "home": home,
        "round": home / "演示评价轮次-2015.alr-round",
        "reviewer": sorted((home / "files").glob("*.alr-review"))[0],
    }


def test_the_frozen_app_writes_the_demo_round_and_checks_it(bundle: Path, made):
    home = made["home"]
    assert application_id(made["round"]) == 0x414C5252
    assert application_id(made["reviewer"]) == 0x414C5256
    checked = frozen(bundle, "check", made["round"], home=home)
    assert checked.returncode == 0, checked.stderr
    assert "评价轮次文件" in checked.stdout and "2015" in checked.stdout
    checked = frozen(bundle, "check", made["reviewer"], home=home)
    assert checked.returncode == 0 and "评审专家文件" in checked.stdout
    ranking = frozen(bundle, "ranking", made["round"], "--json", home=home)
    rows = json.loads(ranking.stdout)
    assert len(rows) == 125 and rows[0]["name"] == "TD 产业技术创新战略联盟"
    version = frozen(bundle, "--version", home=home)
    assert version.stdout.strip() == "alliance-review 0.1.0"


def window_report(bundle: Path, file: Path | None, home: Path, **kwargs) -> tuple[int, dict]:
    report = home / f"report-{file.stem if file else 'start'}.json"
    args = ["gui", *([file] if file else []), "--self-test", report]
    done = frozen(bundle, *args, home=home, **kwargs)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(report.read_text(encoding="utf-8"))


def test_the_frozen_window_opens_the_demo_round(bundle: Path, made):
    status, report = window_report(bundle, made["round"], made["home"])
    assert status == 0 and report["frozen"] is True
    assert report["role"] == "round" and report["view"] == "RoundView"
    assert report["menus"] == [
        "文件(&F)",
        "编辑(&E)",
        "轮次设置(&S)",
        "集中讨论(&P)",
        "发布(&P)",
        "视图(&V)",
        "语言(&L)",
        "帮助(&H)",
    ]
    # Qt's own dialogs in Chinese, the shipped CJK font, the guides, the licences: all found
    # inside the bundle
    assert report["qt_file_dialog"] == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]
    assert report["cjk_font"] and report["guides"] == [True, True, True]
    assert {"xlsxwriter", "reportlab", "platformdirs"} <= set(report["licences"])
    # openpyxl is the tests' independent reader of workbooks: the app never imports it
    assert "openpyxl" not in report["licences"]
    assert not list(bundle.rglob("openpyxl*")), "openpyxl shipped in the bundle"
    assert any("WenQuanYi" in name for name in report["licences"])
    shot = Path(report["screenshot"])
    assert shot.stat().st_size > 20_000  # a painted window, not an empty frame


def test_the_frozen_window_opens_a_reviewer_file_with_reviewer_menus(bundle: Path, made):
    status, report = window_report(bundle, made["reviewer"], made["home"])
    assert status == 0 and report["role"] == "reviewer"
    assert report["view"] == "ReviewerWorkspace"
    assert "评分(&S)" in report["menus"] and "集中讨论(&P)" not in report["menus"]
    assert not any("新建评价轮次" in text for text in report["file_menu"])
    assert not any("演示轮次" in text for text in report["file_menu"])


def test_the_frozen_window_in_english_and_on_a_file_that_is_not_ours(bundle: Path, made):
    home = made["home"]
    status, report = window_report(bundle, None, home, language="en_US.UTF-8")
    assert status == 0 and report["view"] == "StartPage" and report["menus"][0] == "&File"
    junk = home / "notes.alr-round"
    junk.write_text("not a database", encoding="utf-8")
    status, report = window_report(bundle, junk, home)
    assert status == 1 and "notes.alr-round" in report["refused"]
    assert junk.read_text(encoding="utf-8") == "not a database"


def test_the_bundle_registers_its_file_types_and_a_double_click_opens_the_file(
    bundle: Path, made, tmp_path: Path
):
    """install.sh of the bundle in a fresh per-user XDG home; the desktop entry's command
    line, as the file manager runs it for a double-clicked reviewer file, opens it."""
    from tests.desktop_support import desktop_command, installed_env, xdg

    env = installed_env(tmp_path)
    done = subprocess.run(
        ["sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    reviewer = tmp_path / "mailed.alr-review"
    shutil.copyfile(made["reviewer"], reviewer)
    assert xdg(env, "query", "filetype", reviewer) == "application/x-alliance-review-reviewer"
    default = xdg(env, "query", "default", "application/x-alliance-review-reviewer")
    assert default == "alliance-review.desktop"
    command = desktop_command(env, reviewer) + ["--self-test", str(tmp_path / "r.json")]
    assert command[0] == str(bundle / "alliance-review")
    run_env = dict(env, QT_QPA_PLATFORM="offscreen", ALLIANCE_REVIEW_CONFIG_DIR=str(tmp_path))
    opened = subprocess.run(command, env=run_env, capture_output=True, timeout=180)
    assert opened.returncode == 0, opened.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["role"] == "reviewer" and report["file"] == str(reviewer)


def test_the_smoke_test_takes_the_frozen_app_through_a_whole_year(bundle: Path, tmp_path: Path):
    """packaging/smoke-test.py, as the workflow runs it on Windows and macOS: demo, issue,
    each reviewer's workbook exported, filled in and imported, submit, merge, lock,
    export-pdf, verify-pdf, the command line in a GBK locale, the window."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "smoke-test.py"), str(bundle / "alliance-review"),
         "--work", str(tmp_path / "smoke")],
        capture_output=True, text=True, timeout=1200,
    )
    print(done.stdout[-3000:])
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "smoke-test passed" in done.stdout
    assert "lines of GBK" in done.stdout  # the GBK step ran here (localedef, Debian's locales)
    pdf = tmp_path / "smoke" / "附件-2015.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")


def glibc_floor(bundle: Path) -> tuple[int, ...]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "glibc-floor.py"), str(bundle), "--json"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    print(f"\nglibc floor of the bundle built here: {report}")
    return tuple(int(n) for n in report["floor"].split("."))


def test_the_readme_states_the_glibc_floor_of_the_bundle_built_here(bundle: Path):
    """Read off the built binaries (objdump -T over every ELF file of the bundle)."""
    floor = ".".join(map(str, glibc_floor(bundle)))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"glibc {floor}" in readme, f"the README should state the floor, glibc {floor}"


def test_the_frozen_app_on_debian_11(bundle: Path, tmp_path: Path):
    """Debian 11 (glibc 2.31), in a chroot made with debootstrap and kept in ~/.cache. A
    bundle whose floor Debian 11 meets takes the whole smoke test there; one built on a
    newer base (this machine: Debian 12, whose libstdc++ PyInstaller copies needs 2.36, and
    PySide6 6.10 or later, which need 2.34) is refused by Debian 11's loader for a glibc
    its floor covers, and the Linux bundle for such desktops is then the one the workflow
    builds on Debian 11."""
    from tests.debian_chroot import debian11, glibc_of, wrapper

    root = debian11()
    if isinstance(root, str):
        pytest.skip(root)
    assert glibc_of(root) == (2, 31)
    inside = Path("tmp") / f"bundle-{os.getpid()}"
    shutil.copytree(bundle, root / inside, symlinks=True)
    try:
        run = wrapper(root, f"/{inside}/alliance-review", tmp_path)
        floor = glibc_floor(bundle)
        if floor <= (2, 31):
            work = root / "tmp" / f"smoke-{os.getpid()}"
            done = subprocess.run(
                [sys.executable, str(ROOT / "packaging" / "smoke-test.py"), str(run),
                 "--work", str(work), "--skip-gbk"],
                capture_output=True, text=True, timeout=1800,
            )
            shutil.rmtree(work, ignore_errors=True)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        else:
            done = subprocess.run(
                [str(run), "--version"], capture_output=True, text=True, timeout=120,
                env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
            )
            print(f"on Debian 11: exit {done.returncode}: {done.stderr.strip()[-400:]}")
            # the loader stops at the first library whose need Debian 11's glibc lacks
            missing = re.search(r"version `GLIBC_(\d+)\.(\d+)' not found", done.stderr)
            assert done.returncode != 0 and missing, done.stderr
            assert (2, 31) < (int(missing[1]), int(missing[2])) <= floor
            workflow = (ROOT / ".github" / "workflows" / "platforms.yml").read_text("utf-8")
            assert "container: python:3.11-slim-bullseye" in workflow
            assert "glibc-floor.py dist/alliance-review --at-most 2.31" in workflow
            assert "LOCK=requirements/linux-glibc228.txt bash packaging/build" in workflow
    finally:
        shutil.rmtree(root / inside, ignore_errors=True)
