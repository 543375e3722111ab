CREATE TABLE "alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"account_id" text,
	"staff_id" text,
	"detail" text NOT NULL,
	"raised_at" timestamp (3) with time zone NOT NULL,
	"status" text NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp (3) with time zone,
	"note" text,
	CONSTRAINT "alerts_status_check" CHECK ("alerts"."status" in ('open', 'acknowledged')),
	CONSTRAINT "alerts_kind_check" CHECK ("alerts"."kind" in ('recovery_reported', 'agent_velocity', 'agent_failures', 'notice_undeliverable')),
	CONSTRAINT "alerts_severity_check" CHECK ("alerts"."severity" in ('medium', 'high')),
	CONSTRAINT "alerts_acknowledged_check" CHECK (("alerts"."status" = 'open') = ("alerts"."acknowledged_at" is null and "alerts"."acknowledged_by" is null and "alerts"."note" is null))
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_staff_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_status_raised_at_index" ON "alerts" USING btree ("status","raised_at");