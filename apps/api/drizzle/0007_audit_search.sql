-- Free-text search of the audit trail looks in the reason and the details.
CREATE INDEX audit_events_text_trgm_idx ON audit_events
  USING gin ((coalesce(reason, '') || ' ' || details::text) gin_trgm_ops);
--> statement-breakpoint
-- Nobody but the owner may change or remove events (the triggers refuse even the owner).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
