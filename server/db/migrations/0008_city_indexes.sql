DROP INDEX "tasks_plan";--> statement-breakpoint
DROP INDEX "task_units_task";--> statement-breakpoint
DROP INDEX "task_units_unit";--> statement-breakpoint
DROP INDEX "reports_plan";--> statement-breakpoint
DROP INDEX "reports_unit";--> statement-breakpoint
CREATE INDEX "task_units_all_towns" ON "task_units" USING btree ("task_id") WHERE "task_units"."scope" = 'all_towns' and "task_units"."unit_id" is null;--> statement-breakpoint
CREATE INDEX "tasks_plan_position" ON "tasks" USING btree ("plan_id","position","id");--> statement-breakpoint
CREATE INDEX "reports_period" ON "reports" USING btree ("period_id","status");--> statement-breakpoint
CREATE INDEX "task_units_task" ON "task_units" USING btree ("task_id","role");--> statement-breakpoint
CREATE INDEX "task_units_unit" ON "task_units" USING btree ("unit_id","role","task_id");--> statement-breakpoint
CREATE INDEX "reports_plan" ON "reports" USING btree ("plan_id","status");--> statement-breakpoint
CREATE INDEX "reports_unit" ON "reports" USING btree ("unit_id","period_id");