-- A verified window records what it rests on (knowledge, sms, email); a window already open gets
-- the evidence of the method that opened it.
ALTER TABLE "verifications" ADD COLUMN "evidence" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "verifications" SET "evidence" = jsonb_build_array(CASE "method" WHEN 'otp_sms' THEN 'sms' WHEN 'otp_email' THEN 'email' ELSE 'knowledge' END) WHERE "status" = 'verified';
