CREATE TABLE "audit_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"n" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_checks_n_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"checked_at" timestamp (3) with time zone NOT NULL,
	"checked_by" text NOT NULL,
	"from_seq" bigint NOT NULL,
	"to_seq" bigint NOT NULL,
	"ok" boolean NOT NULL,
	"checkpoint" boolean NOT NULL,
	"checked" bigint NOT NULL,
	"first_bad_seq" bigint,
	"head_seq" bigint NOT NULL,
	"head_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD COLUMN "occurred_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "audit_checks_checked_at_index" ON "audit_checks" USING btree ("checked_at");