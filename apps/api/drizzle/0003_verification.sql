CREATE TABLE "delivery_failures" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"account_id" text,
	"verification_id" text,
	"error" text NOT NULL,
	"failed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"account_id" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_failures" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"verification_id" text NOT NULL,
	"method" text NOT NULL,
	"failed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"method" text NOT NULL,
	"case_ref" text,
	"status" text NOT NULL,
	"question_ids" jsonb,
	"code_hash" text,
	"code_sent_at" timestamp (3) with time zone,
	"code_expires_at" timestamp (3) with time zone,
	"codes_sent" integer DEFAULT 0 NOT NULL,
	"code_attempts_remaining" integer,
	"delivered_to" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"verified_at" timestamp (3) with time zone,
	"verified_until" timestamp (3) with time zone,
	CONSTRAINT "verifications_method_check" CHECK ("verifications"."method" in ('security_questions', 'otp_sms', 'otp_email')),
	CONSTRAINT "verifications_status_check" CHECK ("verifications"."status" in ('pending', 'verified', 'failed', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "verification_failures" ADD CONSTRAINT "verification_failures_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_failures" ADD CONSTRAINT "verification_failures_verification_id_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "verification_failures_account_idx" ON "verification_failures" USING btree ("account_id","method","failed_at");--> statement-breakpoint
CREATE INDEX "verifications_window_idx" ON "verifications" USING btree ("staff_id","account_id","verified_until");--> statement-breakpoint
CREATE INDEX "verifications_account_idx" ON "verifications" USING btree ("account_id","created_at");