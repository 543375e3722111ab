-- Accounts come from the system of record: when its email or phone changes to another value the
-- time is kept (the risk stage reads it), and the customer's preferred language is stored.
ALTER TABLE "accounts" ADD COLUMN "email_changed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "phone_changed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;
