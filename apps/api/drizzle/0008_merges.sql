CREATE TABLE "merges" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"survivor_id" text NOT NULL,
	"merged_ids" jsonb NOT NULL,
	"reason" text NOT NULL,
	"case_ref" text,
	"requested_by" text NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp (3) with time zone,
	"decision_reason" text,
	"completed_at" timestamp (3) with time zone,
	"snapshot" jsonb,
	"undone_by" text,
	"undone_at" timestamp (3) with time zone,
	"undo_reason" text,
	CONSTRAINT "merges_status_check" CHECK ("merges"."status" in ('pending_approval', 'completed', 'rejected', 'undone'))
);
--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_survivor_id_accounts_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_undone_by_staff_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merges_status_requested_at_index" ON "merges" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "merges_survivor_id_index" ON "merges" USING btree ("survivor_id");