package org.zhenwu.platform.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.InvalidFieldException;

class JurisdictionsTest {
    private final Jurisdictions jurisdictions = new Jurisdictions(new TownsProperties(null));
    private final Caller leCong = new Caller("a", "A", Set.of("OFFICE_CLERK"), "440606104", null, Clearance.NONE);
    private final Caller district = new Caller("d", "D", Set.of("DISTRICT_ADMIN"), Caller.DISTRICT, null, Clearance.TOP_SECRET);

    @Test
    void a_town_user_reads_only_their_own_town() {
        assertThat(jurisdictions.readScope(leCong, null).codes()).containsExactly("440606104");
        assertThat(jurisdictions.readScope(leCong, "440606104").codes()).containsExactly("440606104");
        assertThatThrownBy(() -> jurisdictions.readScope(leCong, "440606105")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_district_user_reads_all_ten_towns_or_the_one_they_name() {
        assertThat(jurisdictions.readScope(district, null).codes()).hasSize(10);
        assertThat(jurisdictions.readScope(district, "440606105").codes()).containsExactly("440606105");
    }

    @Test
    void unknown_towns_are_bad_input_naming_the_town_field() {
        assertThatThrownBy(() -> jurisdictions.readScope(district, "999999999"))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("town");
    }

    @Test
    void new_records_belong_to_the_callers_town_and_district_users_must_name_one() {
        assertThat(jurisdictions.townForWrite(leCong, null)).isEqualTo("440606104");
        assertThatThrownBy(() -> jurisdictions.townForWrite(leCong, "440606001")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> jurisdictions.townForWrite(district, null)).isInstanceOf(InvalidFieldException.class);
        assertThat(jurisdictions.townForWrite(district, "440606001")).isEqualTo("440606001");
    }
}
