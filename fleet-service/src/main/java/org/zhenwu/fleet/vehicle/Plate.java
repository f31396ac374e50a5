package org.zhenwu.fleet.vehicle;

import java.util.Locale;
import java.util.regex.Pattern;

import org.zhenwu.platform.web.InvalidFieldException;

/**
 * A Chinese licence plate (GA 36), kept in compact form: province, issuing-authority letter, then the
 * serial without separator. 粤X·12345, 粤X 12345 and 粤X12345 are the same plate.
 * Serials: 5 letters/digits (I and O are never used), new-energy D/F + 5 (small) or 5 + D/F (large),
 * and 4 + 警 or 应急 for police and emergency-rescue vehicles.
 */
public record Plate(String value) {
    private static final Pattern FORMAT = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]"
                    + "(?:[A-HJ-NP-Z0-9]{5}|[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]|[A-HJ-NP-Z0-9]{4}(?:警|应急))");
    private static final Pattern SEPARATORS = Pattern.compile("[·•・.\\s-]");

    public Plate {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidFieldException("plate", "is not a Chinese plate such as 粤X12345 or 粤X·D12345");
        }
    }

    /** Accepts the usual ways of writing a plate: with a middle dot or a space, in lower case. */
    public static Plate parse(String written) {
        String compact = written == null ? null
                : SEPARATORS.matcher(written.strip()).replaceAll("").toUpperCase(Locale.ROOT);
        return new Plate(compact);
    }

    @Override
    public String toString() {
        return value;
    }
}
