package org.zhenwu.servicehall.application;

/** The working-day clock's light: YELLOW before the promised limit runs out, RED once it has (超期). */
public enum ClockWarning {
    NONE, YELLOW, RED
}
