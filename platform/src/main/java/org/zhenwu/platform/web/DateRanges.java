package org.zhenwu.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses dates and times a Zhenwu table cannot hold, at the edge, as 400 naming the field (not a 500 from the
 * database): days 1900-01-01..2199-12-31 ({@code DATE}), instants 1970-01-02..2038-01-18 ({@code TIMESTAMP}).
 */
public class DateRanges extends SimpleModule {
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    public static final Instant FIRST_INSTANT = Instant.parse("1970-01-02T00:00:00Z");
    public static final Instant LAST_INSTANT = Instant.parse("2038-01-18T00:00:00Z");

    public DateRanges() {
        super("zhenwu-date-ranges");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = beanDesc.getBeanClass();
                boolean temporal = type == LocalDate.class || type == Instant.class || type == LocalDateTime.class
                        || type == OffsetDateTime.class || type == ZonedDateTime.class;
                return temporal ? new Ranged(deserializer) : deserializer;
            }
        });
    }

    /** Why the value is out of range, or null when it fits. */
    public static String outOfRange(Object value) {
        if (value instanceof LocalDate d) {
            return d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY) ? "must lie between " + FIRST_DAY + " and " + LAST_DAY : null;
        }
        Instant i = value instanceof Instant x ? x
                : value instanceof LocalDateTime l ? l.toInstant(ZoneOffset.ofHours(8))
                : value instanceof OffsetDateTime o ? o.toInstant()
                : value instanceof ZonedDateTime z ? z.toInstant() : null;
        return i != null && (i.isBefore(FIRST_INSTANT) || i.isAfter(LAST_INSTANT))
                ? "must lie between " + FIRST_INSTANT + " and " + LAST_INSTANT : null;
    }

    static final class Ranged extends DelegatingDeserializer {
        Ranged(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Ranged(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            String problem = outOfRange(value);
            if (problem != null) {
                throw ctxt.weirdStringException(String.valueOf(value), handledType(), problem);
            }
            return value;
        }

        @Override
        public Class<?> handledType() {
            return _delegatee.handledType();
        }
    }
}
