-- Rate-limit counters are short-lived and need no durability: an unlogged table writes no WAL, so
-- the per-request count commits without waiting for a disk flush. After a crash the table starts
-- empty, which only opens every window afresh.
ALTER TABLE rate_limit_counters SET UNLOGGED;
