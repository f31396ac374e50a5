package org.zhenwu.platform.jurisdiction;

/** A town or street (镇街) of the district: the unit every record belongs to. */
public record Town(String code, String name) {
}
