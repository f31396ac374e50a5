package org.zhenwu.servicehall.voucher;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param validity        how long a voucher can be used after it is issued
 * @param discountMinutes free parking it grants
 */
@ConfigurationProperties("zhenwu.service-hall.parking")
record VoucherProperties(@DefaultValue("2h") Duration validity, @DefaultValue("120") int discountMinutes) {
}
