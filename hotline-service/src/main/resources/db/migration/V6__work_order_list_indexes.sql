-- The work-order list (GET /api/hotline/work-orders) walks an index in page order whatever its filter, so a page costs
-- the same at 10k orders as at 10M (issue #11): newest first within a town, a town's status, a department, and a
-- department's status. Its total is counted up to 5,001 rows on the same indexes (WorkOrderListSql).
ALTER TABLE work_order
    DROP KEY ix_work_order_town_status_due,
    ADD KEY ix_work_order_town_status_accepted (town_code, status, accepted_at),
    DROP KEY ix_work_order_department,
    ADD KEY ix_work_order_department (town_code, department, status, accepted_at),
    ADD KEY ix_work_order_department_accepted (town_code, department, accepted_at);
