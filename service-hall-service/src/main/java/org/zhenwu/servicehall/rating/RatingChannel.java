package org.zhenwu.servicehall.rating;

/** Where the applicant rated: the window's evaluation pad (评价器), a kiosk, online, by SMS or by phone. */
public enum RatingChannel {
    WINDOW_PAD, KIOSK, ONLINE, SMS, PHONE
}
