-- Waiting-time percentiles per town and period read tickets on this index alone.
ALTER TABLE ticket ADD KEY ix_ticket_waiting (town_code, service_day, waiting_seconds);
-- Named 差评 and their cases, for the rectified rate.
ALTER TABLE rating ADD KEY ix_rating_negative (town_code, negative, named, rated_at);
