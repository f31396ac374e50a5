package org.zhenwu.congress.deputy;

/** Numbers as officials write them in the names of terms and sessions: 7 → 七, 17 → 十七, 20 → 二十, 21 → 二十一. */
public final class ChineseNumerals {
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** 1 to 99. */
    public static String of(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("1..99: " + n);
        }
        int tens = n / 10;
        int ones = n % 10;
        StringBuilder s = new StringBuilder();
        if (tens > 1) {
            s.append(DIGITS.charAt(tens));
        }
        if (tens > 0) {
            s.append('十');
        }
        if (ones > 0) {
            s.append(DIGITS.charAt(ones));
        }
        return s.toString();
    }
}
