"""One reader for every table a user brings in: rosters, reviewer lists, self-evaluation
and scoring workbooks.

``read_grid`` detects the format from the file's content (xlsx/xlsm, xls, ods, CSV in
UTF-8, UTF-16 or GB18030), checks its bounds before anything is parsed (file size, zip
entries and their expansion, rows, columns, cell length) and reads it with python-calamine
(CSV with the standard library). ``find_header`` locates the table under title rows.
No Qt, no SQL: the services and the window build on it.
"""

from alliance_review.tabular.grid import Grid, read_grid
from alliance_review.tabular.limits import Limits
from alliance_review.tabular.table import find_header, header_key, is_total_or_remark
from alliance_review.tabular.text import cell_name, clean_text, control_problem

__all__ = [
    "Grid",
    "Limits",
    "cell_name",
    "clean_text",
    "control_problem",
    "find_header",
    "header_key",
    "is_total_or_remark",
    "read_grid",
]
