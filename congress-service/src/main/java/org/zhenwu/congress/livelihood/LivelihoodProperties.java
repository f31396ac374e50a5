package org.zhenwu.congress.livelihood;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Voting rules (地方组织法 and local 票决制 rules).
 *
 * @param quorumNumerator   a vote opens only with at least numerator/denominator of the seated deputies present:
 * @param quorumDenominator two thirds by default (三分之二以上的代表出席)
 * @param majorityOf        a project is elected with more than half of this base; SEATED (全体代表) by default
 */
@ConfigurationProperties("zhenwu.congress.livelihood")
record LivelihoodProperties(@DefaultValue("2") int quorumNumerator, @DefaultValue("3") int quorumDenominator,
                            @DefaultValue("SEATED") MajorityBase majorityOf) {
    LivelihoodProperties {
        if (quorumNumerator < 1 || quorumDenominator < quorumNumerator) {
            throw new IllegalArgumentException("zhenwu.congress.livelihood: quorum must be a fraction in (0, 1]");
        }
    }

    boolean quorate(long present, long seated) {
        return seated > 0 && present * quorumDenominator >= seated * quorumNumerator;
    }
}
