"""Maintain the Qt Linguist translations, one ``.ts`` per area of the app.

python packaging/i18n.py update AREA FILE...  # lupdate -> resources/i18n/AREA_zh_CN.ts
python packaging/i18n.py fill AREA MAP.json      # put translations from {source: text} into the .ts
python packaging/i18n.py compile                 # pyside6-lrelease every .ts -> .qm
python packaging/i18n.py missing                 # list sources without a translation
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parents[1] / "resources" / "i18n"
LANGUAGE = "zh_CN"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def ts_path(area: str) -> Path:
    return I18N / f"{area}_{LANGUAGE}.ts"


def update(area: str, files: list[str]) -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lupdate"), *files, "-ts", str(ts_path(area))], check=True)


def fill(area: str, mapping_file: str) -> None:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    path = ts_path(area)
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in mapping and translation is not None:
            value = mapping[source]
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                ET.SubElement(translation, "numerusform").text = value
            else:
                translation.text = value
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def missing() -> list[tuple[str, str]]:
    result = []
    for path in sorted(I18N.glob(f"*_{LANGUAGE}.ts")):
        for message in ET.parse(path).iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                if translation.get("type") == "unfinished":
                    result.append((path.name, message.findtext("source") or ""))
    return result


def compile_all() -> None:
    for path in sorted(I18N.glob("*.ts")):
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(path), "-qm", str(path.with_suffix(".qm"))],
            check=True,
        )


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["help"]
    if command == "update":
        update(rest[0], rest[1:])
    elif command == "fill":
        fill(rest[0], rest[1])
    elif command == "compile":
        compile_all()
    elif command == "missing":
        for name, source in missing():
            print(f"{name}: {source!r}")
    else:
        print(__doc__)
