package org.zhenwu.document.attachment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {
    /** Local disk unless the deployment provides another {@link AttachmentStore}. */
    @Bean
    @ConditionalOnMissingBean(AttachmentStore.class)
    AttachmentStore localDiskAttachmentStore(AttachmentProperties properties) {
        return new LocalDiskAttachmentStore(properties.dir());
    }
}
