"""Subcommands of ``alliance-review``: every module here defines ``register(subparsers)``,
but ``options`` (the options several commands share, as argparse parents).

Modules are discovered, so an area of the app adds its commands in a module of its own.
Each command function takes the parsed arguments and returns the exit code; it raises
``UserError`` for anything the user can fix (the CLI prints one sentence, exit 1).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil


def register_all(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name == "options":
            continue
        importlib.import_module(f"{__name__}.{module.name}").register(subparsers)
