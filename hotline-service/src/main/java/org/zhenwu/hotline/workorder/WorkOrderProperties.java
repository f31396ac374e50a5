package org.zhenwu.hotline.workorder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handling limits in working days (DOMAIN §3; local rules may change them).
 *
 * @param consultationDays 咨询/求助
 * @param complaintDays    投诉/举报/建议/表扬
 * @param urgentDays       紧急: same day
 */
@ConfigurationProperties("zhenwu.hotline.limits")
record WorkOrderProperties(@DefaultValue("3") int consultationDays, @DefaultValue("13") int complaintDays,
                           @DefaultValue("0") int urgentDays) {
    int daysFor(WorkOrderType type, Urgency urgency) {
        if (urgency == Urgency.URGENT) {
            return urgentDays;
        }
        return switch (type) {
            case CONSULTATION, HELP -> consultationDays;
            case COMPLAINT, REPORT, SUGGESTION, PRAISE -> complaintDays;
        };
    }
}
