package org.zhenwu.document.attachment;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param dir            where the local-disk store keeps files
 * @param maxSize        the largest single attachment
 * @param maxPerDocument how many attachments one document may carry
 */
@ConfigurationProperties("zhenwu.document.attachments")
record AttachmentProperties(@DefaultValue("./data/attachments") Path dir, @DefaultValue("20MB") DataSize maxSize,
                            @DefaultValue("50") int maxPerDocument) {
}
