package org.zhenwu.hotline.workorder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The loop's limits, in working days unless a duration (DOMAIN §3; local rules may change them).
 *
 * @param consultationDays  咨询/求助
 * @param complaintDays     投诉/举报/建议/表扬
 * @param urgentDays        紧急: same day
 * @param returnWindowDays  a department may return (退单) an order this long after dispatch
 * @param maxExtensionDays  the longest extension a department may ask for
 * @param reopenDays        the new limit after 重办
 * @param remindBeforeDays  the reminder job presses departments this long before the deadline
 * @param leaseDuration     how long a claimed queue item stays with the agent who took it
 * @param responseDays      a department responds (签收) on time within this many working days of dispatch
 */
@ConfigurationProperties("zhenwu.hotline.limits")
record WorkOrderProperties(@DefaultValue("3") int consultationDays, @DefaultValue("13") int complaintDays,
                           @DefaultValue("0") int urgentDays, @DefaultValue("2") int returnWindowDays,
                           @DefaultValue("10") int maxExtensionDays, @DefaultValue("5") int reopenDays,
                           @DefaultValue("1") int remindBeforeDays, @DefaultValue("10m") Duration leaseDuration,
                           @DefaultValue("1") int responseDays) {
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
