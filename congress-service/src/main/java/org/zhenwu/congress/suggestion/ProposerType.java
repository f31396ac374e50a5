package org.zhenwu.congress.suggestion;

/** Who tables a CPPCC proposal (提案). */
public enum ProposerType {
    /** 委员个人: one member. */
    MEMBER,
    /** 委员联名: two or more members. */
    JOINT,
    /** 党派、团体: a party or people's organisation, named in {@code proposerGroup}. */
    GROUP,
    /** 界别: a sector of the CPPCC, named in {@code proposerGroup}. */
    SECTOR
}
