package org.zhenwu.document.disclosure;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One channel an item goes out on, and when it went out there (null until published). */
@Entity
@Table(name = "disclosure_channel")
class ChannelRelease {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private DisclosureChannel channel;
    private Instant publishedAt;

    protected ChannelRelease() {
        // for JPA
    }

    ChannelRelease(DisclosureChannel channel) {
        this.channel = channel;
    }

    void publish(Instant at) {
        publishedAt = at;
    }

    DisclosureChannel channel() { return channel; }
    Instant publishedAt() { return publishedAt; }
}
