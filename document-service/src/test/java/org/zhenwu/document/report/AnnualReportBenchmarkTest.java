package org.zhenwu.document.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;

/**
 * The district's annual report at the scale of ten large towns (5M hotline orders, 1M applications over two years),
 * from the read model, against computing the same figures by scanning the facts (what a report without a read model
 * would do: the services' own stats SQL over their rows, for a year, the year before and the months). Skipped unless
 * {@code -Dzhenwu.bench=true}; sizes with {@code -Dzhenwu.bench.orders} and {@code -Dzhenwu.bench.applications}.
 * Results go to {@code target/annual-report-benchmark.md}; docs/benchmarks/annual-report.md keeps the runs.
 */
class AnnualReportBenchmarkTest extends ApiTestSupport {
    static final int YEAR = 2037; // years no other test touches (TIMESTAMP ends in 2038)
    static final List<String> TOWNS = List.of("440606001", "440606002", "440606003", "440606004", "440606100",
            "440606101", "440606102", "440606103", "440606104", "440606105");

    @Autowired
    AnnualReportService reports;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void the_district_report_for_a_year_of_ten_large_towns() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("zhenwu.bench"), "benchmark: run with -Dzhenwu.bench=true");
        long orders = Long.getLong("zhenwu.bench.orders", 5_000_000);
        long applications = Long.getLong("zhenwu.bench.applications", 1_000_000);
        StringBuilder out = new StringBuilder();
        try {
            long t0 = System.nanoTime();
            facts(orders, applications);
            long loaded = System.nanoTime();
            readModelFromFacts();
            long built = System.nanoTime();
            out.append("- facts: ").append(orders).append(" work orders and ").append(applications)
                    .append(" applications over ").append(YEAR - 1).append("–").append(YEAR).append(", 10 towns; generated in ")
                    .append(ms(loaded - t0)).append(" ms; read model (").append(count("hotline_month") + count("hotline_month_type")
                            + count("hall_month")).append(" rows in all) aggregated in ").append(ms(built - loaded)).append(" ms\n");

            Caller district = new Caller("bench", "bench", Set.of("DISTRICT_ADMIN"), Caller.DISTRICT, "区府办", Clearance.TOP_SECRET);
            AnnualReport report = reports.annual(district, null, YEAR);
            Map<String, Long> scanned = fullScan();
            assertThat(report.figure("hotline.workOrders").orElseThrow().value().longValue()).isEqualTo(scanned.get("orders"));
            assertThat(report.figure("hotline.workOrders").orElseThrow().previousYear().longValue())
                    .isEqualTo(scanned.get("ordersBefore"));
            assertThat(report.figure("hall.accepted").orElseThrow().value().longValue()).isEqualTo(scanned.get("accepted"));
            assertThat(report.figure("hall.completed").orElseThrow().value().longValue()).isEqualTo(scanned.get("completed"));

            long[] readModel = time(30, () -> reports.annual(district, null, YEAR));
            long[] http = time(30, () -> ok(district().get("/api/documents/reports/annual?year=" + YEAR)));
            long[] town = time(30, () -> reports.annual(district, "440606001", YEAR));
            long[] scan = time(3, this::fullScan);
            out.append("\n| district report, year ").append(YEAR).append(" | runs | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
            row(out, "read model, `AnnualReportService.annual` (all figures, both years, months, ranking)", readModel);
            row(out, "read model, through HTTP (`GET /api/documents/reports/annual`, JSON)", http);
            row(out, "read model, one town", town);
            row(out, "full scans of the facts (hotline + hall figures only)", scan);
            out.append("\nratio full scan p50 / read model p50: **").append(scan[scan.length / 2] / Math.max(1, readModel[readModel.length / 2]))
                    .append("×** (").append(ms(scan[scan.length / 2])).append(" ms vs ").append(ms(readModel[readModel.length / 2]))
                    .append(" ms)\n");
            out.append(ingest(Integer.getInteger("zhenwu.bench.events", 20_000)));
        } finally {
            jdbc.sql("DROP TABLE IF EXISTS bench_work_order").update();
            jdbc.sql("DROP TABLE IF EXISTS bench_application").update();
            Path file = Path.of("target", "annual-report-benchmark.md");
            Files.writeString(file, out.toString(), UTF_8);
            System.out.println(out);
        }
    }

    /** The facts as the services hold them: the columns and indexes their figures read. */
    private void facts(long orders, long applications) {
        String towns = "'" + String.join("','", TOWNS) + "'";
        jdbc.sql("DROP TABLE IF EXISTS bench_work_order").update();
        jdbc.sql("""
                CREATE TABLE bench_work_order (id BIGINT PRIMARY KEY, town_code VARCHAR(12) NOT NULL,
                  accepted_at TIMESTAMP(6) NOT NULL, order_type VARCHAR(20) NOT NULL, status VARCHAR(20) NOT NULL,
                  KEY ix_work_order_town_accepted (town_code, accepted_at)) ENGINE = InnoDB""").update();
        // two years of orders, evenly spread (UTC wall clock, as the services store it)
        double step = Duration.ofDays(731).toSeconds() / (double) orders;
        jdbc.sql("INSERT INTO bench_work_order SELECT seq, ELT(1 + seq % 10, " + towns + "), "
                + "TIMESTAMP('" + (YEAR - 1) + "-01-01 00:00:00') - INTERVAL 8 HOUR + INTERVAL FLOOR(seq * " + step + ") SECOND, "
                + "ELT(1 + (seq DIV 10) % 6, 'CONSULTATION','COMPLAINT','HELP','REPORT','SUGGESTION','PRAISE'), "
                + "IF(seq % 97 = 0, 'MERGED', 'CLOSED') FROM seq_1_to_" + orders).update();
        jdbc.sql("DROP TABLE IF EXISTS bench_application").update();
        jdbc.sql("""
                CREATE TABLE bench_application (id BIGINT PRIMARY KEY, town_code VARCHAR(12) NOT NULL, accepted_on DATE NOT NULL,
                  status VARCHAR(20) NOT NULL, department VARCHAR(100) NOT NULL, on_time BOOLEAN NULL, working_days INT NULL,
                  KEY ix_application_figures (town_code, accepted_on, status, department, on_time, working_days)) ENGINE = InnoDB""")
                .update();
        jdbc.sql("INSERT INTO bench_application SELECT seq, ELT(1 + seq % 10, " + towns + "), "
                + "DATE('" + (YEAR - 1) + "-01-01') + INTERVAL FLOOR(seq * " + (731.0 / applications) + ") DAY, "
                + "IF(seq % 23 = 0, 'ACCEPTED', 'DELIVERED'), "
                + "ELT(1 + (seq DIV 10) % 8, '市场监管所','人社分局','自然资源所','公安派出所','民政办','卫健办','残联','税务分局'), "
                + "IF(seq % 23 = 0, NULL, seq % 31 <> 0), IF(seq % 23 = 0, NULL, seq % 7) FROM seq_1_to_" + applications).update();
    }

    /** What the events of those facts put into the read model (merged orders left out, as hotline counts them). */
    private void readModelFromFacts() {
        jdbc.sql("DELETE FROM hotline_month WHERE year IN (:y)").param("y", List.of(YEAR - 1, YEAR)).update();
        jdbc.sql("DELETE FROM hotline_month_type WHERE year IN (:y)").param("y", List.of(YEAR - 1, YEAR)).update();
        jdbc.sql("DELETE FROM hall_month WHERE year IN (:y)").param("y", List.of(YEAR - 1, YEAR)).update();
        jdbc.sql("""
                INSERT INTO hotline_month (town_code, year, month, work_orders)
                SELECT town_code, YEAR(accepted_at + INTERVAL 8 HOUR), MONTH(accepted_at + INTERVAL 8 HOUR), COUNT(*)
                FROM bench_work_order WHERE status <> 'MERGED' GROUP BY 1, 2, 3""").update();
        jdbc.sql("""
                INSERT INTO hotline_month_type (town_code, year, month, order_type, work_orders)
                SELECT town_code, YEAR(accepted_at + INTERVAL 8 HOUR), MONTH(accepted_at + INTERVAL 8 HOUR), order_type, COUNT(*)
                FROM bench_work_order WHERE status <> 'MERGED' GROUP BY 1, 2, 3, 4""").update();
        jdbc.sql("""
                INSERT INTO hall_month (town_code, year, month, department, accepted, completed, on_time, working_days)
                SELECT town_code, YEAR(accepted_on), MONTH(accepted_on), department, COUNT(*),
                       SUM(status IN ('COMPLETED', 'DELIVERED')), COALESCE(SUM(on_time = TRUE), 0), COALESCE(SUM(working_days), 0)
                FROM bench_application GROUP BY 1, 2, 3, 4""").update();
    }

    /** The hotline and hall figures of the district report computed the way each service's stats do, over the facts. */
    private Map<String, Long> fullScan() {
        Map<String, Long> r = new LinkedHashMap<>();
        String orders = "SELECT COUNT(*) FROM bench_work_order WHERE town_code IN (:towns) AND accepted_at >= :from "
                + "AND accepted_at < :to AND status <> 'MERGED'";
        r.put("orders", jdbc.sql(orders).params(period(YEAR)).query(Long.class).single());
        r.put("ordersBefore", jdbc.sql(orders).params(period(YEAR - 1)).query(Long.class).single());
        for (int y : new int[] {YEAR, YEAR - 1}) {
            jdbc.sql("SELECT MONTH(accepted_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS n FROM bench_work_order "
                    + "WHERE town_code IN (:towns) AND accepted_at >= :from AND accepted_at < :to AND status <> 'MERGED' GROUP BY m")
                    .params(period(y)).query((rs, i) -> r.put("month" + y + "-" + rs.getInt("m"), rs.getLong("n"))).list();
        }
        jdbc.sql("SELECT order_type AS k, COUNT(*) AS n FROM bench_work_order WHERE town_code IN (:towns) "
                        + "AND accepted_at >= :from AND accepted_at < :to AND status <> 'MERGED' GROUP BY k")
                .params(period(YEAR)).query((rs, i) -> r.put("type" + rs.getString("k"), rs.getLong("n"))).list();
        for (int y : new int[] {YEAR, YEAR - 1}) {
            jdbc.sql("SELECT COUNT(*) AS accepted, COALESCE(SUM(status IN ('COMPLETED', 'DELIVERED')), 0) AS completed "
                            + "FROM bench_application WHERE town_code IN (:towns) AND accepted_on BETWEEN :fromDay AND :toDay")
                    .params(period(y)).query((rs, i) -> {
                        r.put(y == YEAR ? "accepted" : "acceptedBefore", rs.getLong("accepted"));
                        r.put(y == YEAR ? "completed" : "completedBefore", rs.getLong("completed"));
                        return y;
                    }).list();
            jdbc.sql("SELECT MONTH(accepted_on) AS m, COUNT(*) AS n FROM bench_application WHERE town_code IN (:towns) "
                    + "AND accepted_on BETWEEN :fromDay AND :toDay GROUP BY m").params(period(y))
                    .query((rs, i) -> r.put("hall" + y + "-" + rs.getInt("m"), rs.getLong("n"))).list();
        }
        jdbc.sql("SELECT department AS k, COUNT(*) AS n FROM bench_application WHERE town_code IN (:towns) "
                        + "AND accepted_on BETWEEN :fromDay AND :toDay GROUP BY k").params(period(YEAR))
                .query((rs, i) -> r.put("dept" + rs.getString("k"), rs.getLong("n"))).list();
        jdbc.sql("SELECT town_code AS k, COUNT(*) AS n FROM bench_application WHERE town_code IN (:towns) "
                        + "AND accepted_on BETWEEN :fromDay AND :toDay GROUP BY k").params(period(YEAR))
                .query((rs, i) -> r.put("town" + rs.getString("k"), rs.getLong("n"))).list();
        return r;
    }

    private static Map<String, Object> period(int year) {
        return Map.of("towns", TOWNS,
                "from", java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(AnnualFiguresMatchTheServicesTest.BEIJING).toInstant()),
                "to", java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(AnnualFiguresMatchTheServicesTest.BEIJING).toInstant()),
                "fromDay", LocalDate.of(year, 1, 1), "toDay", LocalDate.of(year, 12, 31));
    }

    /** How fast the event path fills the read model: WorkOrderCreated events through the broker, once each. */
    private String ingest(int events) throws Exception {
        // before 2038: the services' event reader refuses instants past it (TIMESTAMP's range); no other test uses it
        int year = YEAR - 4;
        String town = "440606105";
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            UUID id = UUID.randomUUID();
            Instant at = LocalDate.of(year, 1 + i % 12, 10).atStartOfDay(AnnualFiguresMatchTheServicesTest.BEIJING).toInstant();
            WorkOrderCreated e = WorkOrderCreated.of(town, id, "b" + i, "COMPLAINT", "PHONE", "城市管理", "NORMAL", null, at);
            ProducerRecord<String, String> record = new ProducerRecord<>(HotlineTopics.WORK_ORDER_EVENTS, id.toString(),
                    json.writeValueAsString(e));
            record.headers().add(EventHeaders.EVENT_TYPE, WorkOrderCreated.TYPE.getBytes(UTF_8));
            record.headers().add(EventHeaders.EVENT_ID, e.eventId().toString().getBytes(UTF_8));
            sent.add(kafka.send(record));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long published = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("SELECT COALESCE(SUM(work_orders), 0) FROM hotline_month WHERE town_code = ? AND year = ?")
                        .params(town, year).query(Long.class).single() >= events);
        long counted = System.nanoTime();
        return "\n- event path: " + events + " `hotline.WorkOrderCreated` events published in " + ms(published - start)
                + " ms, all counted in the read model " + ms(counted - start) + " ms after the first was sent: **"
                + Math.round(events / ((counted - start) / 1e9)) + " events/s**\n";
    }

    private static long[] time(int runs, Supplier<?> work) {
        work.get(); // warm-up
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            work.get();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t;
    }

    private static void row(StringBuilder out, String what, long[] t) {
        out.append("| ").append(what).append(" | ").append(t.length).append(" | ").append(ms(t[t.length / 2])).append(" | ")
                .append(ms(t[Math.min(t.length - 1, (int) Math.ceil(t.length * 0.95) - 1)])).append(" | ")
                .append(ms(t[t.length - 1])).append(" |\n");
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
