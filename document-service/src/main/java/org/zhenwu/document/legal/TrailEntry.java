package org.zhenwu.document.legal;

import java.time.Instant;

/** One line of a legal record's trail as handed out; {@code from} equals {@code to} for an act that is no move. */
public record TrailEntry(String from, String to, String action, String actor, String note, Instant at) {
}
