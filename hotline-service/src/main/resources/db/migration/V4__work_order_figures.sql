-- 响应率: whether the department signed within the response limit, decided when it signed (working days need the calendar).
ALTER TABLE work_order
    ADD COLUMN signed_on_time BOOLEAN NULL,
    ADD KEY ix_work_order_town_closed (town_code, closed_at);
