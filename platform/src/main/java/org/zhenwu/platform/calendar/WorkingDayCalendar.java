package org.zhenwu.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * China's working-day calendar: weekends, statutory holidays and make-up working days (调休) as published
 * by the State Council. Every deadline in Zhenwu that counts 工作日 goes through here. Immutable.
 * A year without data counts weekends only; {@link #coveredYears()} says which years have data.
 */
public final class WorkingDayCalendar {
    /** Where the offices are: deadlines fall on local dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<Integer, BitSet> restDaysByYear;
    private final Set<Integer> coveredYears;

    private WorkingDayCalendar(Map<Integer, BitSet> restDaysByYear, Set<Integer> coveredYears) {
        this.restDaysByYear = restDaysByYear;
        this.coveredYears = Set.copyOf(coveredYears);
    }

    /** The published calendar shipped with Zhenwu. */
    public static WorkingDayCalendar china() {
        return builder().addBundled().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<Integer> coveredYears() {
        return new TreeSet<>(coveredYears);
    }

    public boolean isWorkingDay(LocalDate date) {
        BitSet rest = restDaysByYear.get(date.getYear());
        if (rest != null) {
            return !rest.get(date.getDayOfYear());
        }
        return !isWeekend(date);
    }

    /**
     * The date {@code workingDays} working days after {@code start} (start itself not counted): a matter
     * accepted on a Friday with a limit of 1 working day is due the next working Monday. With 0 (即办件)
     * it is {@code start} if that is a working day, otherwise the next working day. Negative counts go back.
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays == 0) {
            LocalDate d = start;
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int step = workingDays > 0 ? 1 : -1;
        int left = Math.abs(workingDays);
        LocalDate d = start;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The due date for a limit counted from an instant, in the offices' time zone. */
    public LocalDate addWorkingDays(Instant start, int workingDays) {
        return addWorkingDays(start.atZone(ZONE).toLocalDate(), workingDays);
    }

    /**
     * Working days in {@code (from, to]}: the number of working days that pass from {@code from} until
     * {@code to}; negative when {@code to} is before {@code from}. {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}
     * for n &gt; 0.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    public static final class Builder {
        private final Map<Integer, BitSet> rest = new HashMap<>();
        private final Set<Integer> covered = new TreeSet<>();

        private Builder() {
        }

        public Builder addBundled() {
            try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("cn-holidays.txt")) {
                if (in == null) {
                    throw new IllegalStateException("cn-holidays.txt missing from the platform jar");
                }
                return add(new InputStreamReader(in, StandardCharsets.UTF_8), "cn-holidays.txt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Adds lines in the bundled format; later lines override earlier ones for the same day. */
        public Builder add(Reader source, String name) {
            try (BufferedReader lines = new BufferedReader(source)) {
                String line;
                int n = 0;
                while ((line = lines.readLine()) != null) {
                    n++;
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    String[] parts = text.split("\\s+", 3);
                    if (parts.length < 2 || !(parts[1].equals("OFF") || parts[1].equals("WORK"))) {
                        throw new IllegalArgumentException(name + ":" + n + ": expected '<date>[..<date>] OFF|WORK <name>', got: " + line);
                    }
                    String[] range = parts[0].split("\\.\\.");
                    LocalDate first = LocalDate.parse(range[0]);
                    LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
                    if (last.isBefore(first)) {
                        throw new IllegalArgumentException(name + ":" + n + ": range ends before it starts");
                    }
                    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                        mark(d, parts[1].equals("OFF"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Builder restDay(LocalDate date) {
            mark(date, true);
            return this;
        }

        public Builder workingDay(LocalDate date) {
            mark(date, false);
            return this;
        }

        private void mark(LocalDate date, boolean restDay) {
            BitSet days = rest.computeIfAbsent(date.getYear(), Builder::weekendsOf);
            covered.add(date.getYear());
            days.set(date.getDayOfYear(), restDay);
        }

        private static BitSet weekendsOf(int year) {
            BitSet days = new BitSet(367);
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (isWeekend(d)) {
                    days.set(d.getDayOfYear());
                }
            }
            return days;
        }

        public WorkingDayCalendar build() {
            Map<Integer, BitSet> copy = new HashMap<>();
            rest.forEach((year, days) -> copy.put(year, (BitSet) days.clone()));
            return new WorkingDayCalendar(copy, covered);
        }
    }
}
