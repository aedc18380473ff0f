"""Entry point of the frozen app: the same ``alliance_review.cli:main`` as the installed script.

``freeze_support`` first: the document worker (``services.document_worker``) is a process
started with multiprocessing's "spawn", which in a frozen app re-runs this executable;
there it must become the worker, not a second window.
"""

import multiprocessing

multiprocessing.freeze_support()

from alliance_review.cli import main  # noqa: E402

raise SystemExit(main())
