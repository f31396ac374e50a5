-- 并案: a suggestion handled with a lead one (主件) of the same session points to it; answered on its own.
ALTER TABLE suggestion
    ADD COLUMN merged_into CHAR(36) NULL AFTER source_id,
    ADD KEY ix_suggestion_merged_into (merged_into);
