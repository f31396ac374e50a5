package org.zhenwu.congress.livelihood;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts a livelihood-project vote from its ballots, the same way every time: the result depends only on the set of
 * ballots, never on their order or on the time of counting.
 * <ul>
 *   <li>A project needs at least {@code threshold} votes (more than half of the configured base) to be elected.</li>
 *   <li>Of those, the {@code seats} with the most votes are elected.</li>
 *   <li>Equal votes across the last seat elect none of the tied projects: they are {@code TIED} and a further vote
 *       among them decides (得票相等不能确定当选时, 再次投票). No lot, no ballot order, no clock breaks a tie.</li>
 * </ul>
 * The digest is the SHA-256 of the ballots in canonical order, one line each: {@code ballotId:choice,choice}, ballots
 * sorted by id, choices in ballot (candidate) order.
 */
final class Tally {
    private Tally() {
    }

    enum Outcome { ELECTED, NOT_ELECTED, TIED }

    record Ballot(UUID ballotId, List<UUID> choices) {
        Ballot {
            choices = List.copyOf(choices);
        }
    }

    /** One candidate's line, in ballot order; {@code rank} 1 is the most votes and equal votes share a rank. */
    record Line(UUID projectId, long votes, int rank, Outcome outcome) {
    }

    record Result(List<Line> lines, long ballotsCast, String digest) {
        List<UUID> elected() {
            return lines.stream().filter(l -> l.outcome() == Outcome.ELECTED).map(Line::projectId).toList();
        }
    }

    /** More than half of {@code base}. */
    static long majorityOf(long base) {
        return base / 2 + 1;
    }

    static Result count(List<UUID> candidates, int seats, long threshold, Collection<Ballot> ballots) {
        Map<UUID, Long> votes = new HashMap<>();
        candidates.forEach(c -> votes.put(c, 0L));
        for (Ballot b : ballots) {
            for (UUID choice : b.choices()) {
                if (!votes.containsKey(choice)) {
                    throw new IllegalArgumentException("ballot " + b.ballotId() + " chooses a non-candidate " + choice);
                }
                votes.merge(choice, 1L, Long::sum);
            }
        }
        List<UUID> eligible = candidates.stream().filter(c -> votes.get(c) >= threshold)
                .sorted(Comparator.comparing(votes::get).reversed()).toList();
        Map<UUID, Outcome> outcome = new HashMap<>();
        candidates.forEach(c -> outcome.put(c, Outcome.NOT_ELECTED));
        if (eligible.size() <= seats) {
            eligible.forEach(c -> outcome.put(c, Outcome.ELECTED));
        } else {
            long last = votes.get(eligible.get(seats - 1));
            long above = eligible.stream().filter(c -> votes.get(c) > last).count();
            long atLast = eligible.stream().filter(c -> votes.get(c) == last).count();
            for (UUID c : eligible) {
                long v = votes.get(c);
                if (v > last) {
                    outcome.put(c, Outcome.ELECTED);
                } else if (v == last) {
                    outcome.put(c, above + atLast <= seats ? Outcome.ELECTED : Outcome.TIED);
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        for (UUID c : candidates) {
            long v = votes.get(c);
            int rank = 1 + (int) candidates.stream().filter(o -> votes.get(o) > v).count();
            lines.add(new Line(c, v, rank, outcome.get(c)));
        }
        return new Result(List.copyOf(lines), ballots.size(), digest(candidates, ballots));
    }

    static String digest(List<UUID> candidates, Collection<Ballot> ballots) {
        Map<UUID, Integer> position = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            position.put(candidates.get(i), i);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ballots.stream().sorted(Comparator.comparing(b -> b.ballotId().toString())).forEach(b -> {
                List<UUID> choices = new ArrayList<>(b.choices());
                choices.sort(Comparator.comparing(c -> position.getOrDefault(c, Integer.MAX_VALUE)));
                StringBuilder line = new StringBuilder(b.ballotId().toString()).append(':');
                for (int i = 0; i < choices.size(); i++) {
                    line.append(i == 0 ? "" : ",").append(choices.get(i));
                }
                sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
