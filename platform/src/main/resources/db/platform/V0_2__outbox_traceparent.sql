-- The W3C trace context (traceparent) of the request whose transaction wrote the event: the relay sends it as
-- the Kafka header `traceparent`, so the consumer's handling joins the same trace. NULL for rows written before
-- this column, or with tracing off. Platform versions stay below 1 (services number theirs 1, 2, …); an existing
-- database applies this one out of order (PlatformAutoConfiguration turns Flyway's outOfOrder on).
-- ADD COLUMN … NULL at the end is an instant change on MySQL 8 and MariaDB 10.3+, even on a large table.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(128) NULL;
