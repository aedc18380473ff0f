"""The secretary's set-up screens: round settings, rubric, roster, reviewers, assignment,
self-evaluation workbooks and reviewer files (hosted by ``gui/round_tabs/setup.py``)."""
