package org.zhenwu.document.contract;

import org.zhenwu.platform.web.InvalidFieldException;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z); the last
 * is a check character, {@code 31 - (Σ value × weight mod 31)} over the first 17 with weights {@code 3^i mod 31}.
 */
public final class CreditCode {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Whether {@code code} is a well-formed code with the right check character. */
    public static boolean valid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == CHARS.charAt(check);
    }

    /** The code in upper case, or a 400 naming {@code field}; null stays null. */
    static String checked(String field, String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!valid(c)) {
            throw new InvalidFieldException(field,
                    "is not a valid 统一社会信用代码 (18 characters, check character per GB 32100-2015)");
        }
        return c;
    }
}
