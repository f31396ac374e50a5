-- CPPCC proposals (政协提案) run the suggestion loop: who tabled them, and the party, group or sector (界别) if not members.
ALTER TABLE suggestion
    ADD COLUMN proposer_type  VARCHAR(10)  NULL AFTER kind,
    ADD COLUMN proposer_group VARCHAR(100) NULL AFTER proposer_type;
