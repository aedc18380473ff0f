"""Documents in the window: pages rendered off the GUI thread (``renderer``), a
continuous page view (``page_view``), the viewer with tabs, search and citing
(``viewer``), and a dialog that shows a round's documents (``dialog``)."""
