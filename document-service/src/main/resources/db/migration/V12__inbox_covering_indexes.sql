-- The inbox lists (收文 newest received first, 发文 newest created first) walk these indexes backwards in the order
-- they show and stop after the page, or after DocumentAccess.COUNT_CAP + 1 visible rows for the capped total. With
-- secrecy_level in the index the clearance check, and the whole count, need no lookup of the document's row; only
-- the page's 20 rows are read. id comes before secrecy_level so that the index order stays (received_at, id), the
-- ORDER BY of the page: after secrecy_level it would be sorted by level first within one instant, and the page
-- falls back to a filesort of the town (seen with EXPLAIN on 100k documents: 4-5 s).
ALTER TABLE incoming_document
    DROP KEY ix_incoming_town_received,
    ADD KEY ix_incoming_town_received (town_code, received_at, id, secrecy_level);

ALTER TABLE outgoing_document
    DROP KEY ix_outgoing_town_created,
    ADD KEY ix_outgoing_town_created (town_code, created_at, id, secrecy_level);
