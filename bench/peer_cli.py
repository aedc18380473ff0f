"""The peers as whole commands, timed beside the app's commands by ``bench/run``.

python bench/peer_cli.py ranking ROUND            # = alliance-review ranking ROUND --json
python bench/peer_cli.py results ROUND OUT.xlsx   # = alliance-review export-xlsx
python bench/peer_cli.py sheet REVIEWER OUT.xlsx  # = alliance-review export-sheet
python bench/peer_cli.py calamine FILE...         # python-calamine reads every sheet
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str]) -> int:
    what, args = argv[0], argv[1:]
    if what == "ranking":
        from floor_ranking import ranking_json

        sys.stdout.write(ranking_json(args[0]))
    elif what == "results":
        from xlsx_peers import results_workbook

        results_workbook(args[0], args[1])
    elif what == "sheet":
        from xlsx_peers import scoring_sheet

        scoring_sheet(args[0], args[1])
    elif what == "calamine":
        from bench_workbooks import calamine_read

        calamine_read([Path(a) for a in args])
    else:
        raise SystemExit(f"unknown peer {what!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
