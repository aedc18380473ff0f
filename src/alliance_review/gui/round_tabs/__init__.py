"""Tabs of the round view (see ``round_view.TAB_MODULES``)."""
