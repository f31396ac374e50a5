package org.zhenwu.hotline.supervision;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.hotline.workorder.WorkOrderService;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/** 督办 results from document-service for orders it supervised after escalation. Other types are not ours. */
@Component
class DocumentEventsListener {
    private final WorkOrderService workOrders;
    private final IntegrationEventReader events;

    DocumentEventsListener(WorkOrderService workOrders, IntegrationEventReader events) {
        this.workOrders = workOrders;
        this.events = events;
    }

    @KafkaListener(topics = DocumentTopics.SUPERVISION_EVENTS, groupId = "hotline-service")
    void on(ConsumerRecord<String, String> record) {
        if (events.typeOf(record).filter(SupervisionCompleted.TYPE::equals).isPresent()) {
            workOrders.onSupervisionCompleted(events.read(record, SupervisionCompleted.class));
        }
    }
}
