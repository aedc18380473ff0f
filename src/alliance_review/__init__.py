"""联盟活跃度评价 (Alliance Activity Review)."""

__version__ = "0.1.0"
