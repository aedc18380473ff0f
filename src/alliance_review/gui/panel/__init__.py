"""The panel's meeting screen: merge, overview, drill-down, analysis, decisions."""
