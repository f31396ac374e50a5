package org.zhenwu.platform.jurisdiction;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The district's towns. Defaults to the ten towns and streets of a district like 顺德区; a deployment lists
 * its own under {@code zhenwu.jurisdiction.towns}.
 */
@ConfigurationProperties("zhenwu.jurisdiction")
public record TownsProperties(List<Town> towns) {
    public static final List<Town> DEFAULT_TOWNS = List.of(
            new Town("440606001", "大良街道"), new Town("440606002", "容桂街道"), new Town("440606003", "伦教街道"),
            new Town("440606004", "勒流街道"), new Town("440606100", "陈村镇"), new Town("440606101", "均安镇"),
            new Town("440606102", "杏坛镇"), new Town("440606103", "龙江镇"), new Town("440606104", "乐从镇"),
            new Town("440606105", "北滘镇"));

    public TownsProperties {
        towns = towns == null || towns.isEmpty() ? DEFAULT_TOWNS : List.copyOf(towns);
    }
}
