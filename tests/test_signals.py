"""Emitting the app's signals leaves the reference counts of True, False and None alone.

PySide6-Essentials 6.12.0 on CPython 3.11 took one reference from ``True`` on every emit
of a Signal declared in Python; a few hundred keystrokes in the reviewer window then
aborted the process ("Fatal Python error: bool_dealloc"). This test emits a signal of
every signature the app declares, many times, and fails on any drift, so a release of
PySide6 with that bug cannot slip in through the dependency range.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys

import pytest
from PySide6.QtCore import QMetaMethod, QObject, Signal, Slot

import alliance_review.gui

EMITS = 2_000
# what an argument of each declared type is emitted with; objects include the singletons
SAMPLES: dict[str, list[object]] = {
    "QString": ["1.1", ""],
    "int": [3, 0],
    "bool": [True, False],
    "double": [1.5],
    "PyObject": [True, None, False, 2, "x"],
}


def app_signal_signatures() -> set[tuple[str, ...]]:
    """The parameter types of every Signal declared on a QObject class of the gui package."""
    signatures: set[tuple[str, ...]] = set()
    for info in pkgutil.walk_packages(alliance_review.gui.__path__, "alliance_review.gui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, QObject) or not cls.__module__.startswith("alliance_review"):
                continue
            meta = cls.staticMetaObject
            for index in range(meta.methodOffset(), meta.methodCount()):
                method = meta.method(index)
                if method.methodType() == QMetaMethod.MethodType.Signal:
                    signatures.add(tuple(bytes(t).decode() for t in method.parameterTypes()))
    return signatures


def python_type(name: str) -> type:
    return {"QString": str, "int": int, "bool": bool, "double": float}.get(name, object)


def singleton_counts() -> tuple[int, int, int]:
    return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)


class Receiver(QObject):
    """A slot on a QObject as well as a plain function: the app connects both kinds."""

    @Slot()
    def take(self, *args: object) -> None:
        pass


def test_the_app_declares_signals_this_test_knows_how_to_emit():
    signatures = app_signal_signatures()
    assert () in signatures and ("QString",) in signatures  # the test found the app's signals
    unknown = {t for signature in signatures for t in signature} - set(SAMPLES)
    assert not unknown, f"add a sample argument for {unknown}"


@pytest.mark.parametrize("signature", sorted(app_signal_signatures()), ids=",".join)
def test_emitting_keeps_true_false_and_none_alive(qapp, signature: tuple[str, ...]):
    probe_class = type("Probe", (QObject,), {"fired": Signal(*(python_type(t) for t in signature))})
    probe = probe_class()
    receiver = Receiver()
    calls: list[int] = []
    probe.fired.connect(lambda *args: calls.append(1))
    probe.fired.connect(receiver.take)
    argument_lists = [[SAMPLES[t][k % len(SAMPLES[t])] for t in signature] for k in range(5)]

    before = singleton_counts()
    for k in range(EMITS):
        probe.fired.emit(*argument_lists[k % len(argument_lists)])
    after = singleton_counts()

    assert len(calls) == EMITS
    drift = [a - b for a, b in zip(after, before, strict=True)]
    # a leak shows as thousands; allow a few references taken by the interpreter meanwhile
    assert all(abs(d) < 50 for d in drift), f"True/False/None references drifted by {drift}"
