-- The inbox query: the needs of one person or department are found by principal (materialized once per query).
ALTER TABLE document_need ADD KEY ix_document_need_principal (principal, kind, document_id);
