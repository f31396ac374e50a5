package org.zhenwu.hotline.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the discovery document tells Open311 clients.
 *
 * @param contact      who to ask about the API
 * @param keyService   how a client obtains an api_key
 * @param endpointType {@code production} or {@code test}
 */
@ConfigurationProperties("zhenwu.hotline.open311")
record Open311Properties(@DefaultValue("12345 政务服务热线") String contact,
                         @DefaultValue("api_key 由区 12345 热线办公室发放") String keyService,
                         @DefaultValue("production") String endpointType) {
}
