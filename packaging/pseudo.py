"""Pseudo-localisation: every English source string, accented and 40 % longer.

python packaging/pseudo.py OUT_FOLDER    # writes <area>_pseudo.qm for every area

Loaded with ALLIANCE_REVIEW_EXTRA_I18N=OUT_FOLDER and the language "pseudo"
(``gui.i18n.install("pseudo")``), the app shows strings like "[Ôþéñ á ŕöûñð… ~~~~~]":
a text that is cut off, or a layout that cannot make room for a longer language, shows
at once; so does a string that does not go through tr() (it stays plain English).
``packaging/screenshots.py --pseudo`` and tests/test_pseudo_localisation.py use it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGE = "pseudo"
GROWTH = 0.4
ACCENTS = str.maketrans("aceinousyACEINOUSYdhDH", "áçéîñöûšýÅÇÉÎÑÖÛŠÝðĥÐĤ")
# left as they are: placeholders (%1, {name}), HTML tags, entities, mnemonics, escapes
KEEP = re.compile(r"%\d+|%n|\{[^}]*\}|<[^>]+>|&[a-z]+;|&&|&(?=\w)|\\n|\n")


def pseudo(text: str) -> str:
    parts, last = [], 0
    for match in KEEP.finditer(text):
        parts.append(text[last : match.start()].translate(ACCENTS))
        parts.append(match.group(0))
        last = match.end()
    parts.append(text[last:].translate(ACCENTS))
    body = "".join(parts)
    visible = len(KEEP.sub("", text))
    extra = max(2, round(visible * GROWTH))
    padding = " ".join("~" * 5 for _ in range(extra // 6)) + " " + "~" * (extra % 6)
    return f"[{body} {padding.strip()}]"


def tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def build(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for ts in sorted(I18N.glob("*_zh_CN.ts")):
        tree = ET.parse(ts)
        root = tree.getroot()
        root.set("language", "en")
        for message in root.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                continue
            for child in list(translation):
                translation.remove(child)
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                ET.SubElement(translation, "numerusform").text = pseudo(source)
            else:
                translation.text = pseudo(source)
        area = ts.name.removesuffix("_zh_CN.ts")
        pseudo_ts = out / f"{area}_{LANGUAGE}.ts"
        tree.write(pseudo_ts, encoding="utf-8", xml_declaration=True)
        subprocess.run(
            [
                tool("pyside6-lrelease"),
                "-silent",
                str(pseudo_ts),
                "-qm",
                str(pseudo_ts.with_suffix(".qm")),
            ],
            check=True,
        )
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/pseudo")))
