"""Widgets of the publish tab: the PDF page preview and the statistics view."""
