package org.zhenwu.document.element;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 发文字号: 机关代字 + 〔four-digit year〕 + sequence + 号, e.g. {@code X政发〔2019〕12号}. The three parts are stored
 * separately so that registers sort numerically (2 before 10).
 */
public record DocumentNumber(String code, int year, int sequence) {
    private static final Pattern TEXT = Pattern.compile("^(.+?)\\s*[〔\\[［(（]\\s*(\\d{4})\\s*[〕\\]］)）]\\s*第?0*(\\d+)\\s*号$");

    public DocumentNumber {
        Objects.requireNonNull(code, "code");
        if (year < 1900 || year > 9999 || sequence < 1) {
            throw new IllegalArgumentException("a document number has a four-digit year and a sequence from 1");
        }
    }

    /** Reads a number as people type it (〔〕, [] or () around the year; 第 and leading zeros are dropped). */
    public static Optional<DocumentNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DocumentNumber(m.group(1).strip(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return code + "〔" + year + "〕" + sequence + "号";
    }
}
