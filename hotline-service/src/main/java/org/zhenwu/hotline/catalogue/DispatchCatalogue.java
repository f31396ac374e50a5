package org.zhenwu.hotline.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;

/** 派单目录: which department handles a category in a town. Dispatch without a named department follows it. */
@Service
public class DispatchCatalogue {
    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    DispatchCatalogue(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** The department for a category, trying the category and then its parents ("城市管理/占道经营" → "城市管理"). */
    public Optional<String> departmentFor(String town, String category) {
        String c = category;
        while (c != null && !c.isEmpty()) {
            Optional<String> hit = jdbc.sql("SELECT department FROM dispatch_rule WHERE town_code = ? AND category = ?")
                    .params(town, c).query(String.class).optional();
            if (hit.isPresent()) {
                return hit;
            }
            int slash = c.lastIndexOf('/');
            c = slash < 0 ? null : c.substring(0, slash);
        }
        return Optional.empty();
    }

    @Transactional
    public DispatchRule put(Caller caller, String town, String category, String department) {
        caller.requireAnyRole(Roles.HOTLINE_AGENT, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        String townCode = jurisdictions.townForWrite(caller, town);
        jdbc.sql("""
                INSERT INTO dispatch_rule (town_code, category, department) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE department = VALUES(department)""")
                .params(townCode, category, department).update();
        return new DispatchRule(townCode, category, department);
    }

    @Transactional(readOnly = true)
    public List<DispatchRule> list(Caller caller, String town) {
        caller.requireAnyRole(Roles.HOTLINE_AGENT, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        return jdbc.sql("SELECT town_code, category, department FROM dispatch_rule WHERE town_code IN (:towns) ORDER BY town_code, category")
                .param("towns", jurisdictions.readScope(caller, town).codes())
                .query((rs, i) -> new DispatchRule(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public record DispatchRule(String town, String category, String department) {
    }
}
