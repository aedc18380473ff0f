"""The domain: rubric, roster, scores, consensus, ranking, tiers. No Qt, no SQL."""
