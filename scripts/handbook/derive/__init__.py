"""Stage 3, derive: pure functions over the Handbook (agenda, referrals, statistics, privacy)."""
