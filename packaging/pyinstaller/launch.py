"""Entry point of the frozen app: the same ``alliance_review.cli:main`` as the installed script."""

from alliance_review.cli import main

raise SystemExit(main())
