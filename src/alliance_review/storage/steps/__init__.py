"""Ladder steps from round version 7 and reviewer version 4 on, one module per step.

``storage.schema`` lists them at the end of its ladders. Each module holds the literal SQL
of its one step (``STEP``), pinned by hash in ``tests/test_schema_steps.py`` like the
older steps: once released, never edited. A step of its own module keeps ``schema.py``
small and lets engineers add steps without editing each other's lines.
"""
