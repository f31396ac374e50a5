package org.zhenwu.servicehall.rating;

import java.time.Instant;
import java.util.UUID;

/**
 * A rating as the feature hands it out; the rater's name and phone only to the hall (never to departments).
 *
 * @param rectificationId the case a 差评 opened
 */
public record RatingView(UUID id, String town, UUID applicationId, String applicationNumber, String matterCode,
                         String department, RatingLevel level, int score, boolean negative, String comment,
                         RatingChannel channel, boolean named, String raterName, String raterPhone, Instant ratedAt,
                         UUID rectificationId) {
    static RatingView of(Rating r, UUID rectificationId, boolean showRater) {
        return new RatingView(r.id(), r.townCode(), r.applicationId(), r.applicationNumber(), r.matterCode(),
                r.department(), r.level(), r.level().score(), r.negative(), r.comment(), r.channel(), r.named(),
                showRater ? r.raterName() : null, showRater ? r.raterPhone() : null, r.ratedAt(), rectificationId);
    }
}
