"""Translations: English source strings, Simplified Chinese from Qt Linguist files.

Every area keeps its own ``resources/i18n/<area>_zh_CN.ts`` (made with
``pyside6-lupdate`` over that area's modules) and the compiled ``.qm`` beside it; all of
them are loaded together. The language is a setting ("zh_CN", "en" or "" for the
system's); English is the fallback.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from alliance_review.services.resources import resource_dir

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_installed: list[QTranslator] = []
_in_force = ""  # the language ``install`` last put in force


def language_in_force() -> str:
    """The language whose translations are installed now ("" before any)."""
    return _in_force


def chosen_language() -> str:
    """The interface language chosen: "zh_CN" or "en" (the setting, else the system's).
    Texts made outside Qt's translations take ``service_language()``."""
    saved = str(QSettings().value("ui/language", "") or "")
    if saved in LANGUAGES:
        return saved
    # The users are Chinese: English only where the system asks for it explicitly.
    return "en" if QLocale.system().language() == QLocale.Language.English else "zh_CN"


def service_language() -> str:
    """The interface language as services, sentences and file names take it: "en" or "zh".
    The one place the window's language becomes the services' (no inline conversion)."""
    return "en" if chosen_language() == "en" else "zh"


_PLACE = re.compile(r"%(\d+)")


def fill_in(text: str, *values: object) -> str:
    """A translated sentence with its places filled: ``%1`` takes the first value, ``%2``
    the second... (Qt's place markers, the one style of the app's translated strings;
    ``tr(..., n)``'s ``%n`` is Qt's own). One pass, so a value that itself holds "%2"
    (an alliance named so) is never filled again; a place with no value stays as it is."""

    def value(match: re.Match[str]) -> str:
        number = int(match[1])
        return str(values[number - 1]) if 1 <= number <= len(values) else match[0]

    return _PLACE.sub(value, text)


def install(language: str | None = None) -> str:
    """Load every area's translation for ``language``; returns the language in force."""
    global _in_force
    _in_force = _install(language)
    return _in_force


def _install(language: str | None) -> str:
    app = QCoreApplication.instance()
    language = language or chosen_language()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    # what Qt words from the system (a file's kind in the file dialog, from the MIME
    # database) follows the chosen language too, not the system's
    QLocale.setDefault(
        QLocale(
            QLocale.Language.English if language == "en" else QLocale.Language.Chinese,
            QLocale.Country.China if language != "en" else QLocale.Country.UnitedStates,
        )
    )
    if app is None or language == "en":
        return "en"
    qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    folders = [resource_dir() / "i18n"]
    extra = os.environ.get("ALLIANCE_REVIEW_EXTRA_I18N")  # packaging/pseudo.py's output
    if extra:
        folders.append(Path(extra))
    for qm in [
        Path(qt_own) / f"qtbase_{language}.qm",  # Qt's own buttons: OK, Cancel, Yes, No ...
        *(qm for folder in folders for qm in sorted(folder.glob(f"*_{language}.qm"))),
    ]:
        translator = QTranslator(app)
        if qm.is_file() and translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    return language


def set_language(language: str) -> None:
    """Remember the choice and switch now; widgets retranslate on LanguageChange."""
    QSettings().setValue("ui/language", language)
    install(language)
