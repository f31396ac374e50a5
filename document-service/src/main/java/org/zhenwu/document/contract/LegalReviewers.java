package org.zhenwu.document.contract;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;

/**
 * Who may conclude a legal review (法制审核) of a contract or a normative document: a town user whose department is
 * one of the legal departments (司法所, the legal adviser's office 法律顾问室 by default). Nobody reviews what they
 * drafted themselves; the features check that.
 *
 * @param departments the departments whose users act as legal reviewers
 */
@ConfigurationProperties("zhenwu.document.legal")
public record LegalReviewers(@DefaultValue({"司法所", "法律顾问室"}) List<String> departments) {

    public boolean covers(Caller caller) {
        return caller.department() != null && departments.contains(caller.department())
                && caller.hasAnyRole(Roles.DEPARTMENT_HANDLER, Roles.OFFICE_CLERK, Roles.TOWN_LEADER);
    }
}
