"""Two workbooks compared cell by cell and setting by setting, as openpyxl reads them.

``differences(a, b)`` lists what differs (empty: the same workbook for a reader): sheet
names, order, visibility and the active sheet; the structure lock; per sheet every cell's
value, type, number format, font, fill, alignment, border, protection and quote prefix;
frozen panes, autofilter, column widths and hidden columns, row heights, the default
row height, print set-up (paper, orientation, fit to pages, margins, header and footer,
print titles), data validations and sheet protection. Used by the benchmark's
equivalence tests (the xlsxwriter peers write what the app writes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook


def _style(cell: Any, seen: dict[tuple[int, ...], tuple[Any, ...]]) -> tuple[Any, ...]:
    """The cell's formatting, worked out once per distinct style of its workbook."""
    key = tuple(cell._style) if getattr(cell, "_style", None) is not None else ()
    if key not in seen:
        seen[key] = _resolved(cell)
    return seen[key]


def _resolved(cell: Any) -> tuple[Any, ...]:
    font, fill, alignment, border = cell.font, cell.fill, cell.alignment, cell.border
    return (
        cell.number_format,
        (font.b, font.i, font.sz, font.name, font.color.rgb if font.color else None),
        (fill.patternType, fill.fgColor.rgb if fill.patternType else None),
        (alignment.horizontal, alignment.vertical, bool(alignment.wrap_text)),
        tuple(
            (side.style, side.color.rgb if side.color is not None else None)
            for side in (border.left, border.right, border.top, border.bottom)
        ),
        (cell.protection.locked, cell.protection.hidden),
        bool(cell.quotePrefix),
    )


def _settings(sheet: Any) -> dict[str, Any]:
    setup, margins, protection = sheet.page_setup, sheet.page_margins, sheet.protection
    return {
        "state": sheet.sheet_state,
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
        "columns": {
            key: (round(dim.width or 0, 2), bool(dim.hidden), dim.min, dim.max)
            for key, dim in sheet.column_dimensions.items()
            if dim.width or dim.hidden
        },
        "rows": {
            key: (dim.height, bool(dim.hidden))
            for key, dim in sheet.row_dimensions.items()
            if dim.height is not None or dim.hidden
        },
        "default row": (sheet.sheet_format.defaultRowHeight, sheet.sheet_format.customHeight),
        "paper": (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight),
        "fit": sheet.sheet_properties.pageSetUpPr.fitToPage
        if sheet.sheet_properties.pageSetUpPr
        else None,
        "margins": (margins.left, margins.right, margins.top, margins.bottom),
        "titles": (sheet.print_title_rows, sheet.print_title_cols),
        "header footer": tuple(
            part.text
            for side in (sheet.oddHeader, sheet.oddFooter)
            for part in (side.left, side.center, side.right)
        ),
        "gridlines": (sheet.print_options.gridLines, sheet.sheet_view.showGridLines),
        "validations": sorted(
            (
                str(v.sqref),
                v.type,
                v.formula1,
                v.allow_blank,
                v.errorTitle,
                v.error,
                v.promptTitle,
                v.prompt,
                v.showErrorMessage,
                v.showInputMessage,
            )
            for v in sheet.data_validations.dataValidation
        ),  # fmt: skip
        "protection": (
            protection.sheet,
            protection.password,
            protection.autoFilter,
            protection.sort,
            protection.formatColumns,
            protection.formatRows,
            protection.selectLockedCells,
        ),  # fmt: skip
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
    }


def differences(first: Path, second: Path, most: int = 20) -> list[str]:
    a, b = load_workbook(first), load_workbook(second)
    found: list[str] = []
    if a.sheetnames != b.sheetnames:
        return [f"sheets {a.sheetnames} != {b.sheetnames}"]
    if a.active.title != b.active.title:
        found.append(f"active sheet {a.active.title} != {b.active.title}")
    lock = (a.security.lockStructure if a.security else None,
            b.security.lockStructure if b.security else None)  # fmt: skip
    if bool(lock[0]) != bool(lock[1]):
        found.append(f"structure lock {lock[0]} != {lock[1]}")
    styles_a: dict[tuple[int, ...], tuple[Any, ...]] = {}
    styles_b: dict[tuple[int, ...], tuple[Any, ...]] = {}
    for name in a.sheetnames:
        x, y = a[name], b[name]
        sx, sy = _settings(x), _settings(y)
        for key in sx:
            if sx[key] == sy[key]:
                continue
            if isinstance(sx[key], dict):  # only the entries that differ
                keys = sorted({*sx[key], *sy[key]}, key=str)
                sx[key] = {k: sx[key].get(k) for k in keys if sx[key].get(k) != sy[key].get(k)}
                sy[key] = {k: sy[key].get(k) for k in sx[key]}
            found.append(f"{name} {key}: {sx[key]!r} != {sy[key]!r}"[:500])
        if (x.max_row, x.max_column) != (y.max_row, y.max_column):
            found.append(f"{name} size {x.max_row}x{x.max_column} != {y.max_row}x{y.max_column}")
        for row_x, row_y in zip(x.iter_rows(), y.iter_rows(), strict=False):
            for cx, cy in zip(row_x, row_y, strict=False):
                if (cx.value, cx.data_type) != (cy.value, cy.data_type):
                    found.append(f"{name}!{cx.coordinate}: {cx.value!r} != {cy.value!r}")
                elif (style := _style(cx, styles_a)) != (other := _style(cy, styles_b)):
                    found.append(f"{name}!{cx.coordinate} style {style} != {other}")
                if len(found) >= most:
                    return found
    return found
