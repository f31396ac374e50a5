package org.zhenwu.servicehall.rating;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One applicant's rating of one application (一事一评). Never changed once given. */
@Entity
@Table(name = "rating")
class Rating {
    @Id
    private UUID id;
    private String townCode;
    private UUID applicationId;
    private String applicationNumber;
    private String matterCode;
    private String department;
    @Enumerated(EnumType.STRING)
    private RatingLevel level;
    private int score;
    private boolean negative;
    private String comment;
    @Enumerated(EnumType.STRING)
    private RatingChannel channel;
    private String raterName;
    private String raterPhone;
    private boolean named;
    private Instant ratedAt;
    private String ratedBy;
    @Version
    private long version;

    protected Rating() {
        // for JPA
    }

    static Rating give(UUID id, String townCode, UUID applicationId, String applicationNumber, String matterCode,
                       String department, Given given, String actor, Instant now) {
        Rating r = new Rating();
        r.id = id;
        r.townCode = townCode;
        r.applicationId = applicationId;
        r.applicationNumber = applicationNumber;
        r.matterCode = matterCode;
        r.department = department;
        r.level = given.level();
        r.score = given.level().score();
        r.negative = given.level().negative();
        r.comment = given.comment();
        r.channel = given.channel();
        r.raterName = given.raterName();
        r.raterPhone = given.raterPhone();
        r.named = given.raterName() != null || given.raterPhone() != null;
        r.ratedAt = now;
        r.ratedBy = actor;
        return r;
    }

    /** What the applicant gives; a name or phone makes the rating 实名 (named). */
    record Given(RatingLevel level, String comment, RatingChannel channel, String raterName, String raterPhone) {
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID applicationId() { return applicationId; }
    String applicationNumber() { return applicationNumber; }
    String matterCode() { return matterCode; }
    String department() { return department; }
    RatingLevel level() { return level; }
    boolean negative() { return negative; }
    String comment() { return comment; }
    RatingChannel channel() { return channel; }
    String raterName() { return raterName; }
    String raterPhone() { return raterPhone; }
    boolean named() { return named; }
    Instant ratedAt() { return ratedAt; }
}
