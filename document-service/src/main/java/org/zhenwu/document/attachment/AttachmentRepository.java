package org.zhenwu.document.attachment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, UUID> {
    List<Attachment> findByDocumentIdOrderByUploadedAt(UUID documentId);

    List<Attachment> findByDocumentIdAndRemovedAtIsNullAndDestroyedAtIsNullOrderByUploadedAt(UUID documentId);

    Optional<Attachment> findByIdAndDocumentId(UUID id, UUID documentId);

    long countByDocumentIdAndRemovedAtIsNull(UUID documentId);
}
