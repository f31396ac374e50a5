package org.zhenwu.platform.web;

/** The caller is known but may not do this (role, department or clearance). → 403 */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
