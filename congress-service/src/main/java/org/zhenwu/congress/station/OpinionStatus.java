package org.zhenwu.congress.station;

/**
 * A public opinion (民意) collected at a station: referred to a department (转办), turned into a deputies'
 * suggestion (转为建议), or answered on the spot; the citizen is answered in the end (答复群众).
 */
public enum OpinionStatus {
    RECEIVED, REFERRED, CONVERTED, ANSWERED;

    public boolean canMoveTo(OpinionStatus next) {
        return switch (this) {
            case RECEIVED -> next == REFERRED || next == CONVERTED || next == ANSWERED;
            case REFERRED, CONVERTED -> next == ANSWERED;
            case ANSWERED -> false;
        };
    }
}
