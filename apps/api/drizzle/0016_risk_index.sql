-- The account's risk reads its recent recoveries, owner's reports, failed verifications and codes
-- sent from the audit trail: a partial index on just those actions, by account and time.
CREATE INDEX "audit_events_risk_idx" ON "audit_events" USING btree ("account_id","occurred_at") WHERE action in ('account.unlocked', 'account.reactivated', 'account.temporary_password_issued', 'account.username_reminder_sent', 'account.recovery_reported', 'verification.failed', 'verification.started');
