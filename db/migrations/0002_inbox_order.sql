ALTER TABLE "inbox_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_events" ADD COLUMN "order_key" text;--> statement-breakpoint
CREATE INDEX "inbox_events_order_idx" ON "inbox_events" USING btree ("tenant_id","order_key","seq") WHERE processed_at is null and parked_at is null;