package org.zhenwu.congress.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"1, 一", "7, 七", "10, 十", "11, 十一", "17, 十七", "20, 二十", "21, 二十一", "99, 九十九"})
    void terms_and_sessions_are_numbered_as_officials_write_them(int n, String written) {
        assertThat(ChineseNumerals.of(n)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, -1})
    void only_one_to_ninety_nine(int n) {
        assertThatThrownBy(() -> ChineseNumerals.of(n)).isInstanceOf(IllegalArgumentException.class);
    }
}
