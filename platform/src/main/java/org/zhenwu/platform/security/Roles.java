package org.zhenwu.platform.security;

/** The roles a Zhenwu token may carry (claim {@code roles}). Services decide what each may do. */
public final class Roles {
    /** District office: sees and manages all ten towns. */
    public static final String DISTRICT_ADMIN = "DISTRICT_ADMIN";
    /** Town leader: signs, approves, reads everything of the town up to their clearance. */
    public static final String TOWN_LEADER = "TOWN_LEADER";
    /** 党政办 clerk: documents, meetings, archives, reports. */
    public static final String OFFICE_CLERK = "OFFICE_CLERK";
    /** 12345 agent: intake, dispatch, return visits. */
    public static final String HOTLINE_AGENT = "HOTLINE_AGENT";
    /** A department's handler: acts on what is dispatched to their department. */
    public static final String DEPARTMENT_HANDLER = "DEPARTMENT_HANDLER";
    /** Service-hall window clerk. */
    public static final String HALL_CLERK = "HALL_CLERK";
    /** Vehicle pool manager. */
    public static final String FLEET_MANAGER = "FLEET_MANAGER";
    /** The district OA platform, pushing documents into a town's 收文 (a machine client). */
    public static final String OA_INTAKE = "OA_INTAKE";
    /** Town people's congress office. */
    public static final String CONGRESS_STAFF = "CONGRESS_STAFF";

    /** A people's congress deputy: casts their own ballot (token subject = deputy id). */
    public static final String CONGRESS_DEPUTY = "CONGRESS_DEPUTY";

    private Roles() {
    }
}
