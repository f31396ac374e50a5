package org.zhenwu.document.meeting;

/** The kinds of meeting the office organises (办会). */
public enum MeetingType {
    /** 党委会 */
    PARTY_COMMITTEE("党委会"),
    /** 党代会 */
    PARTY_CONGRESS("党代会"),
    /** 人代会 */
    PEOPLES_CONGRESS_SESSION("人代会"),
    /** 政府常务会 */
    GOVERNMENT_EXECUTIVE("政府常务会"),
    /** 工作会议 */
    WORK_MEETING("工作会议"),
    /** 视频会议 */
    VIDEO_CONFERENCE("视频会议"),
    OTHER("其他会议");

    private final String label;

    MeetingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
