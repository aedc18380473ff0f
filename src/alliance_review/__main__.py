from alliance_review.cli import main

raise SystemExit(main())
