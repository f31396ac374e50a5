package org.zhenwu.servicehall.rating;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param rectificationDays a 差评's rectification is due this many working days after the rating */
@ConfigurationProperties("zhenwu.service-hall.ratings")
record RatingProperties(@DefaultValue("5") int rectificationDays) {
    RatingProperties {
        if (rectificationDays < 1) {
            throw new IllegalArgumentException("zhenwu.service-hall.ratings.rectification-days must be at least 1");
        }
    }
}
