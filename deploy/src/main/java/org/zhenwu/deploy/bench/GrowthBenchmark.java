package org.zhenwu.deploy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.zhenwu.deploy.Database;

/**
 * How the indexed lookups grow with the table: the hotline's queue claim, its list-by-town page (and the count the
 * page carries), its {@code /stats} figures, and document-service's inbox first page, at 10k, 100k, 1M and 10M rows.
 * Each schema is the service's own (its Flyway migrations, applied in order), in {@code zhenwu_growth_*} schemas this
 * run creates and drops; rows come from MariaDB's sequence engine ({@code INSERT … SELECT … FROM seq_1_to_N}), added
 * step by step (the 100k table is the 10k one plus 90k rows). The hotline's queue claim, list and figure statements
 * are the service's own strings, read from {@code hotline-service/target/classes} ({@code QueueSql},
 * {@code WorkOrderListSql}, {@code FigureStatements}: JDK-only classes, so they load here without the service's
 * dependencies); the inbox is still a copy of the class named beside it (a change there must be copied here). Each runs
 * single-threaded over JDBC: p50/p99, the {@code EXPLAIN} plan (checked for a full scan or a filesort) and the growth
 * per 10× rows next to log n. The figure rollups are rebuilt from the loaded rows after each step, as
 * {@code FigureRollupService.rebuildAll} does. Run by {@code deploy/bench/growth.sh}.
 */
public final class GrowthBenchmark {

    static final String[] TOWNS = {"440606001", "440606002", "440606003", "440606004", "440606100", "440606101",
            "440606102", "440606103", "440606104", "440606105"};
    static final String TOWN = TOWNS[0];
    static final String LEADER = "growth-leader";
    /** Rows spread over five years, 2021–2025; "today" is the day after. */
    static final String EPOCH = "2021-01-01 00:00:00";
    static final long SPAN_SECONDS = 1826L * 86_400;
    static final Timestamp NOW = Timestamp.valueOf("2026-01-01 09:00:00");
    static final java.sql.Date TODAY = java.sql.Date.valueOf("2026-01-01");

    /** document IncomingDocumentService.list with DocumentAccess.visibleSql: a 机密-cleared town leader's first page. */
    static final String VISIBLE = "(d.secrecy_level IN (?, ?, ?) AND ((? AND d.secrecy_level = 'NONE') "
            + "OR EXISTS (SELECT 1 FROM document_need n WHERE n.document_id = d.id "
            + "AND ((n.kind = 'U' AND n.principal = ?) OR (n.kind = 'D' AND n.principal = ?)))))";
    static final String INBOX_COUNT = "SELECT COUNT(*) FROM (SELECT 1 FROM incoming_document d WHERE d.town_code IN (?) AND "
            + VISIBLE + " LIMIT 501) c";
    static final String INBOX_PAGE = """
            SELECT d.id, d.town_code, d.kind, d.status, d.document_type, d.title, d.secrecy_level, d.urgency, d.sender,
                   d.original_number, d.register_year, d.register_sequence, d.lead_department, d.deadline, d.received_at
            FROM incoming_document d WHERE d.town_code IN (?) AND\s""" + VISIBLE
            + " ORDER BY d.received_at DESC, d.id DESC LIMIT 20 OFFSET 0";

    /** A request the service makes: one or more statements, with their parameters; returns rows read. */
    interface Request {
        void run(Connection c) throws SQLException;
    }

    record Probe(String name, String source, Request request, List<Explained> explain) {
    }

    record Explained(String sql, Object[] params) {
    }

    record Measured(double p50, double p99, int runs, String plan, boolean indexed) {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = Arrays.stream(System.getProperty("sizes", "10000,100000,1000000,10000000").split(","))
                .map(String::trim).map(Long::parseLong).toList();
        long documentsMax = Long.getLong("documents.max", sizes.get(sizes.size() - 1));
        double seconds = Double.parseDouble(System.getProperty("seconds", "4"));
        Path root = Path.of(System.getProperty("zhenwu.repo.root", ".")).toAbsolutePath().normalize();
        String loadAtStart = Bench.loadAverage();
        String started = Bench.now();
        System.out.println("load average at start: " + loadAtStart);
        Database db = Database.startFromEnvironment(root.resolve(".zhenwu/growth/mariadb"), false, 26308);
        String hotline = "zhenwu_growth_hotline";
        String document = "zhenwu_growth_document";
        // results: probe name → size → measured
        Map<String, Map<Long, Measured>> results = new LinkedHashMap<>();
        Map<Long, String> loadTimes = new LinkedHashMap<>();
        try {
            for (String schema : List.of(hotline, document)) {
                db.dropSchema(schema);
                db.createSchema(schema);
            }
            migrate(db, hotline, root.resolve("hotline-service/src/main/resources/db/migration"));
            migrate(db, document, root.resolve("document-service/src/main/resources/db/migration"));
            long loadedOrders = 0;
            long loadedDocuments = 0;
            for (long size : sizes) {
                long t0 = System.nanoTime();
                try (Connection c = connect(db, hotline)) {
                    long from = loadedOrders;
                    withoutSecondaryIndexes(c, List.of("work_order"), () -> loadOrders(c, from, size));
                }
                long rollupStart = System.nanoTime();
                try (Connection c = connect(db, hotline)) {
                    for (String sql : Hotline.STATEMENTS.rebuildAll()) {
                        update(c, sql);
                    }
                }
                String rollupSeconds = Bench.f1((System.nanoTime() - rollupStart) / 1e9);
                loadedOrders = size;
                long t1 = System.nanoTime();
                boolean documentsToo = size <= documentsMax;
                if (documentsToo) {
                    try (Connection c = connect(db, document)) {
                        long from = loadedDocuments;
                        withoutSecondaryIndexes(c, List.of("incoming_document", "document_need"),
                                () -> loadDocuments(c, from, size));
                    }
                    loadedDocuments = size;
                }
                long t2 = System.nanoTime();
                loadTimes.put(size, "orders " + Bench.f1((t1 - t0) / 1e9) + " s (rollups rebuilt in " + rollupSeconds + " s)"
                        + (documentsToo ? ", documents " + Bench.f1((t2 - t1) / 1e9) + " s" : ""));
                System.out.printf(Locale.ROOT, "%,d rows loaded (%s), load average %s%n", size, loadTimes.get(size),
                        Bench.loadAverage());
                try (Connection h = connect(db, hotline); Connection d = connect(db, document)) {
                    for (Probe p : hotlineProbes()) {
                        Measured m = measure(h, p, seconds);
                        results.computeIfAbsent(p.name(), k -> new LinkedHashMap<>()).put(size, m);
                        print(p, size, m);
                    }
                    if (documentsToo) {
                        for (Probe p : documentProbes()) {
                            Measured m = measure(d, p, seconds);
                            results.computeIfAbsent(p.name(), k -> new LinkedHashMap<>()).put(size, m);
                            print(p, size, m);
                        }
                    }
                }
            }
        } finally {
            if (!Boolean.getBoolean("keep")) {
                db.dropSchema(hotline);
                db.dropSchema(document);
            }
            db.close();
        }
        String loadAtEnd = Bench.loadAverage();
        Bench.appendRows("growth.md", HEAD, rows(started, loadAtStart, loadAtEnd, sizes, results, loadTimes));
    }

    private static void print(Probe p, long size, Measured m) {
        System.out.printf(Locale.ROOT, "  %-34s %,11d rows: p50 %8.2f ms  p99 %8.2f ms  (%d runs)  %s%s%n", p.name(), size,
                m.p50(), m.p99(), m.runs(), m.plan(), m.indexed() ? "" : "  ** FULL SCAN OR FILESORT **");
    }

    static final String HEAD = """
            # Growth: the indexed lookups at 10k, 100k, 1M and 10M rows (issue #11)
            <!-- index-rows: 5 -->

            Command: `deploy/bench/growth.sh` (`-Dsizes=10000,100000,1000000,10000000`, `-Dseconds=4` per statement and
            size, `-Ddocuments.max=N` to stop the documents earlier). Each service's real schema (its Flyway migrations
            applied in order) in `zhenwu_growth_*` schemas created and dropped by the run; rows from MariaDB's sequence
            engine, added step by step (secondary indexes dropped for the load and rebuilt after it); MariaDB 10.11 at 127.0.0.1 as configured here (InnoDB buffer pool 128 MB: from 1M
            rows on, the tables no longer fit and pages come from the OS cache). Rows: ten towns, accepted/received
            uniformly over five years (2021–2025); 3 % of work orders wait in the dispatch queue (a third of those leased),
            2 % dispatched, 1 % merged, the rest closed; documents 80 % unclassified, 10 % 秘密, 10 % 机密, each with a
            department's need, one in twenty also the leader's. Each statement is the service's own SQL (class named in the
            table; the hotline's list and /stats statements are read from its compiled classes, the figure rollups rebuilt
            from the loaded rows after each step, `-Dlive=true` adds the live oracle of /stats), one town (a tenth of the
            rows), single-threaded over JDBC, repeated for a few seconds after 3 warm-up
            runs: p50 / p99 in ms. Growth = p50 at this size ÷ p50 at the size 10× smaller; for a B-tree lookup expect
            about log(10n) ÷ log(n) = 1.25 / 1.20 / 1.17, for a scan of a fixed share of the rows 10. Plan = `EXPLAIN`'s
            table:type:key per row; "ok" = no full scan (type ALL or index) and no filesort of table rows (a
            `GROUP BY … ORDER BY n` sorts only its groups: "filesort(groups)"). With fewer than 100 runs, p99 is the maximum.
            """;

    private static List<String> rows(String started, String loadAtStart, String loadAtEnd, List<Long> sizes,
                                     Map<String, Map<Long, Measured>> results, Map<Long, String> loadTimes) {
        List<String> rows = new ArrayList<>();
        rows.add("");
        rows.add("### " + started + " UTC — load average " + loadAtStart + " at start, " + loadAtEnd + " at end");
        rows.add("");
        StringBuilder head = new StringBuilder("| lookup (source) |");
        StringBuilder sep = new StringBuilder("|---|");
        for (long size : sizes) {
            head.append(' ').append(human(size)).append(" p50 / p99 (growth) |");
            sep.append("---|");
        }
        head.append(" plan at the largest size | ok at every size |");
        sep.append("---|---|");
        rows.add(head.toString());
        rows.add(sep.toString());
        Map<String, String> sources = new LinkedHashMap<>();
        Stream.concat(hotlineProbes().stream(), documentProbes().stream()).forEach(p -> sources.put(p.name(), p.source()));
        results.forEach((name, bySize) -> {
            StringBuilder sb = new StringBuilder("| ").append(name).append(" (").append(sources.get(name)).append(") |");
            Measured previous = null;
            Measured last = null;
            boolean ok = true;
            for (long size : sizes) {
                Measured m = bySize.get(size);
                if (m == null) {
                    sb.append(" – |");
                    continue;
                }
                sb.append(' ').append(f(m.p50())).append(" / ").append(f(m.p99()));
                if (previous != null) {
                    sb.append(" (").append(Bench.f1(m.p50() / previous.p50())).append("×)");
                }
                sb.append(" |");
                ok &= m.indexed();
                previous = m;
                last = m;
            }
            sb.append(' ').append(last == null ? "" : last.plan()).append(" | ").append(ok ? "ok" : "**no**").append(" |");
            rows.add(sb.toString());
        });
        rows.add("");
        rows.add("Loading (seconds per step): " + loadTimes.entrySet().stream()
                .map(e -> human(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining("; ")) + ".");
        return rows;
    }

    private static String f(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : Bench.f1(ms);
    }

    private static String human(long n) {
        return n >= 1_000_000 ? n / 1_000_000 + "M" : n >= 1_000 ? n / 1_000 + "k" : Long.toString(n);
    }

    // ---------------------------------------------------------------- the probes

    static List<Probe> hotlineProbes() {
        Timestamp leaseUntil = new Timestamp(NOW.getTime() + 15 * 60_000);
        HotlineStatements h = Hotline.STATEMENTS;
        List<Probe> probes = new ArrayList<>();
        // rolled back, so every iteration sees the same table
        probes.add(new Probe("queue claim", "QueueSql.CLAIM_SQL + LEASE_SQL", c -> {
            c.setAutoCommit(false);
            try {
                String id = one(c, h.claim(), TOWN, "DISPATCH", TODAY, NOW);
                if (id == null) {
                    throw new IllegalStateException("the queue is empty");
                }
                update(c, h.lease(), "growth-agent", leaseUntil, id);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }, List.of(new Explained(h.claim(), new Object[] {TOWN, "DISPATCH", TODAY, NOW}))));
        Map<String, Object> town = Map.of("towns", List.of(TOWN), "countCap", h.countCap() + 1, "limit", 20, "offset", 0);
        probes.add(list("list by town: capped count + page of 20", h, false, town));
        Map<String, Object> dispatched = new LinkedHashMap<>(town);
        dispatched.put("status", "DISPATCHED");
        probes.add(list("list by town and status: capped count + page", h, true, dispatched));
        Map<String, Object> year = Map.of("towns", List.of(TOWN), "from", java.sql.Date.valueOf("2025-01-01"),
                "to", java.sql.Date.valueOf("2025-12-31"));
        Map<String, Object> previousYear = Map.of("towns", List.of(TOWN), "from", java.sql.Date.valueOf("2024-01-01"),
                "to", java.sql.Date.valueOf("2024-12-31"));
        List<Positional> rollups = new ArrayList<>();
        rollups.add(Positional.of(h.rollupCounts(), year));
        rollups.add(Positional.of(h.rollupTotal(), previousYear));
        for (String dimension : h.dimensions()) {
            Map<String, Object> grouped = new LinkedHashMap<>(year);
            grouped.put("dimension", dimension);
            rollups.add(Positional.of(h.rollupGrouped(), grouped));
        }
        probes.add(statements("/stats: a town's year from the rollups, " + rollups.size() + " statements",
                "HotlineStatsService.stats (FigureStatements.ROLLUP_*)", rollups));
        if (Boolean.getBoolean("live")) {   // the oracle over the live rows: a scan of the year's orders
            Map<String, Object> liveYear = Map.of("towns", List.of(TOWN), "from", Timestamp.valueOf("2024-12-31 16:00:00"),
                    "to", Timestamp.valueOf("2025-12-31 16:00:00"));
            Map<String, Object> livePrevious = Map.of("towns", List.of(TOWN), "from", Timestamp.valueOf("2023-12-31 16:00:00"),
                    "to", Timestamp.valueOf("2024-12-31 16:00:00"));
            List<Positional> live = new ArrayList<>();
            live.add(Positional.of(h.liveCounts(), liveYear));
            live.add(Positional.of(h.liveTotal(), livePrevious));
            h.dimensions().forEach(d -> live.add(Positional.of(h.liveGrouped().apply(d), liveYear)));
            probes.add(statements("/stats: the same from the live rows (oracle)", "HotlineStatsService.liveStats", live));
        }
        return probes;
    }

    private static Probe list(String name, HotlineStatements h, boolean byStatus, Map<String, Object> params) {
        String where = h.where().apply(byStatus, false);
        return statements(name, "WorkOrderService.list (WorkOrderListSql)", List.of(
                Positional.of(h.countSql().apply(where), params), Positional.of(h.pageSql().apply(where), params)));
    }

    private static Probe statements(String name, String source, List<Positional> statements) {
        return new Probe(name, source, c -> {
            for (Positional p : statements) {
                all(c, p.sql(), p.values());
            }
        }, statements.stream().map(p -> new Explained(p.sql(), p.values())).toList());
    }

    static List<Probe> documentProbes() {
        Object[] p = {TOWN, "NONE", "SECRET", "CONFIDENTIAL", true, LEADER, "部门0"};
        return List.of(new Probe("inbox first page: capped count + page", "IncomingDocumentService.list", c -> {
            one(c, INBOX_COUNT, p);
            all(c, INBOX_PAGE, p);
        }, List.of(new Explained(INBOX_COUNT, p), new Explained(INBOX_PAGE, p))));
    }

    // ---------------------------------------------------------------- the hotline's own statements

    /** Loaded on first use (the benchmark's root: {@code zhenwu.repo.root}, default the working directory). */
    private static final class Hotline {
        static final HotlineStatements STATEMENTS = HotlineStatements.load(
                Path.of(System.getProperty("zhenwu.repo.root", ".")).toAbsolutePath().normalize());
    }

    /**
     * The hotline service's list, figure and queue statements, read from its compiled classes {@code WorkOrderListSql},
     * {@code FigureStatements} and {@code QueueSql}. All are JDK only, so they load in a class loader of their own without the service's
     * dependencies; growth.sh builds hotline-service first.
     */
    record HotlineStatements(int countCap, java.util.function.BiFunction<Boolean, Boolean, String> where,
                             java.util.function.UnaryOperator<String> countSql,
                             java.util.function.UnaryOperator<String> pageSql, String rollupCounts, String rollupTotal,
                             String rollupGrouped, List<String> dimensions, String liveCounts, String liveTotal,
                             java.util.function.UnaryOperator<String> liveGrouped, List<String> rebuildAll,
                             String claim, String lease) {

        @SuppressWarnings("unchecked")
        static HotlineStatements load(Path root) {
            Path classes = root.resolve("hotline-service/target/classes");
            if (!Files.isDirectory(classes.resolve("org/zhenwu/hotline/stats"))) {
                throw new IllegalStateException("no compiled hotline-service in " + classes
                        + ": build it first (deploy/bench/growth.sh does)");
            }
            try {
                var loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                Class<?> list = Class.forName("org.zhenwu.hotline.workorder.WorkOrderListSql", true, loader);
                Class<?> figures = Class.forName("org.zhenwu.hotline.stats.FigureStatements", true, loader);
                Class<?> queue = Class.forName("org.zhenwu.hotline.workorder.QueueSql", true, loader);
                var where = list.getMethod("where", boolean.class, boolean.class);
                var countSql = list.getMethod("countSql", String.class);
                var pageSql = list.getMethod("pageSql", String.class);
                var liveGrouped = figures.getMethod("liveGrouped", String.class);
                return new HotlineStatements(list.getField("COUNT_CAP").getInt(null),
                        (status, department) -> (String) invoke(where, status, department),
                        w -> (String) invoke(countSql, w), w -> (String) invoke(pageSql, w),
                        (String) figures.getField("ROLLUP_COUNTS").get(null), (String) figures.getField("ROLLUP_TOTAL").get(null),
                        (String) figures.getField("ROLLUP_GROUPED").get(null),
                        (List<String>) figures.getField("DIMENSIONS").get(null),
                        (String) figures.getField("LIVE_COUNTS").get(null), (String) figures.getField("LIVE_TOTAL").get(null),
                        d -> (String) invoke(liveGrouped, d), (List<String>) figures.getField("REBUILD_ALL").get(null),
                        (String) queue.getField("CLAIM_SQL").get(null), (String) queue.getField("LEASE_SQL").get(null));
            } catch (ReflectiveOperationException | java.net.MalformedURLException e) {
                throw new IllegalStateException("cannot read the hotline statements from " + classes, e);
            }
        }

        private static Object invoke(java.lang.reflect.Method m, Object... args) {
            try {
                return m.invoke(null, args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A statement with Spring's named parameters ({@code :towns}) as JDBC's positional ones, a list expanded to one
     * {@code ?} per element; text inside quotes is left alone.
     */
    record Positional(String sql, Object[] values) {
        static Positional of(String named, Map<String, Object> params) {
            StringBuilder sql = new StringBuilder();
            List<Object> values = new ArrayList<>();
            boolean quoted = false;
            for (int i = 0; i < named.length(); i++) {
                char ch = named.charAt(i);
                if (ch == '\'') {
                    quoted = !quoted;
                }
                if (quoted || ch != ':' || i + 1 >= named.length() || !Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                    sql.append(ch);
                    continue;
                }
                int end = i + 1;
                while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                String name = named.substring(i + 1, end);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name + " in " + named);
                }
                Object value = params.get(name);
                if (value instanceof java.util.Collection<?> many) {
                    sql.append(String.join(", ", java.util.Collections.nCopies(many.size(), "?")));
                    values.addAll(many);
                } else {
                    sql.append('?');
                    values.add(value);
                }
                i = end - 1;
            }
            return new Positional(sql.toString(), values.toArray());
        }
    }

    // ---------------------------------------------------------------- measuring

    static Measured measure(Connection c, Probe probe, double seconds) throws SQLException {
        for (int i = 0; i < 3; i++) {
            probe.request().run(c);
        }
        List<Double> ms = new ArrayList<>();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (ms.size() < 5 || (System.nanoTime() < until && ms.size() < 2_000)) {
            long t0 = System.nanoTime();
            probe.request().run(c);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Integer> plans = new LinkedHashMap<>();
        boolean indexed = true;
        for (Explained e : probe.explain()) {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + e.sql())) {
                bind(ps, e.params());
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> parts = new ArrayList<>();
                    while (rs.next()) {
                        String type = rs.getString("type");
                        String extra = String.valueOf(rs.getString("Extra"));
                        String table = rs.getString("table");
                        boolean derived = table != null && table.startsWith("<");
                        // a GROUP BY … ORDER BY count sorts the groups (a handful of rows), not the table's rows
                        boolean groupsOnly = e.sql().contains("GROUP BY");
                        if (!derived && ("ALL".equals(type) || "index".equals(type))
                                || extra.contains("filesort") && !groupsOnly) {
                            indexed = false;
                        }
                        parts.add(table + ":" + type + ":" + rs.getString("key")
                                + (extra.contains("filesort") ? groupsOnly ? "+filesort(groups)" : "+filesort" : "")
                                + (extra.contains("Using index") && !extra.contains("condition") ? "(covering)" : ""));
                    }
                    plans.merge(String.join(" ", parts), 1, Integer::sum);
                }
            }
        }
        String plan = plans.entrySet().stream().map(p -> p.getKey() + (p.getValue() > 1 ? " (×" + p.getValue() + ")" : ""))
                .collect(Collectors.joining("; "));
        return new Measured(percentile(sorted, .5), percentile(sorted, .99), sorted.length, plan, indexed);
    }

    private static double percentile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int all(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    n++;
                }
            }
            return n;
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    // ---------------------------------------------------------------- the schema and the rows

    static Connection connect(Database db, String schema) throws SQLException {
        Connection c = DriverManager.getConnection(db.baseUrl() + schema
                + "?allowMultiQueries=true&useServerPrepStmts=false&rewriteBatchedStatements=true", db.user(), db.password());
        try (Statement s = c.createStatement()) {
            // the services' isolation level (spring.datasource.hikari.transaction-isolation in every service)
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
        return c;
    }

    /** The service's Flyway migrations V1, V2, … in version order, each file as one multi-statement batch. */
    static void migrate(Database db, String schema, Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        try (Connection c = connect(db, schema); Statement s = c.createStatement()) {
            for (Path f : files) {
                s.execute(Files.readString(f));
                while (s.getMoreResults() || s.getUpdateCount() != -1) {
                    // drain every statement's result
                }
            }
        }
    }

    private static int version(Path f) {
        String n = f.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.indexOf("__")));
    }

    interface Load {
        void run() throws SQLException;
    }

    /**
     * Drops the tables' secondary indexes, loads, then adds them back in one {@code ALTER TABLE} per table: InnoDB
     * builds an index by sorting, many times faster than inserting millions of rows into eight random-order B-trees
     * through a 128 MB buffer pool. The definitions are read back from information_schema, so they stay the
     * migrations' own.
     */
    static void withoutSecondaryIndexes(Connection c, List<String> tables, Load load) throws SQLException {
        Map<String, List<String>> adds = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                List<String> drops = new ArrayList<>();
                List<String> add = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("""
                        SELECT INDEX_NAME, MIN(NON_UNIQUE),
                               GROUP_CONCAT(CONCAT('`', COLUMN_NAME, '`', IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')')))
                                            ORDER BY SEQ_IN_INDEX)
                        FROM information_schema.STATISTICS
                        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '%s' AND INDEX_NAME <> 'PRIMARY'
                        GROUP BY INDEX_NAME""".formatted(table))) {
                    while (rs.next()) {
                        drops.add("DROP INDEX `" + rs.getString(1) + "`");
                        add.add("ADD " + (rs.getInt(2) == 0 ? "UNIQUE " : "") + "KEY `" + rs.getString(1) + "` ("
                                + rs.getString(3) + ")");
                    }
                }
                if (!drops.isEmpty()) {
                    s.execute("ALTER TABLE " + table + " " + String.join(", ", drops));
                }
                adds.put(table, add);
            }
            load.run();
            for (var e : adds.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    s.execute("ALTER TABLE " + e.getKey() + " " + String.join(", ", e.getValue()));
                }
            }
            s.execute("ANALYZE TABLE " + String.join(", ", tables));
        }
    }

    /** Rows from+1 … to, in steps of at most 500k, each step sorted by its random-looking id (fewer page splits). */
    static void loadOrders(Connection c, long from, long to) throws SQLException {
        String towns = Arrays.stream(TOWNS).map(t -> "'" + t + "'").collect(Collectors.joining(","));
        try (Statement s = c.createStatement()) {
            for (long a = from + 1; a <= to; a += 500_000) {
                long b = Math.min(to, a + 499_999);
                s.execute("""
                        INSERT INTO work_order (id, town_code, order_number, order_type, channel, category, urgency, status,
                            content, department, accepted_at, due_date, created_by, version, dispatched_at, signed_at,
                            replied_at, closed_at, satisfaction, queue, priority, queue_available_on, lease_until,
                            leased_by, signed_on_time, merged_into)
                        SELECT id, ELT(1 + n MOD 10, %s), CONCAT('G-', n), ELT(1 + n MOD 5, 'COMPLAINT', 'CONSULTATION',
                            'HELP', 'REPORT', 'SUGGESTION'), ELT(1 + n MOD 3, 'PHONE', 'WEB', 'WECHAT'), '城市管理/占道经营',
                            IF(n MOD 20 = 0, 'URGENT', 'NORMAL'),
                            CASE WHEN m < 3 THEN 'ACCEPTED' WHEN m < 5 THEN 'DISPATCHED' WHEN m = 5 THEN 'MERGED' ELSE 'CLOSED' END,
                            CONCAT('基准测试工单 ', n, ' ', REPEAT('路灯不亮，', 12)),
                            IF(m < 3, NULL, CONCAT('部门', n MOD 20)), at, DATE(at + INTERVAL 15 DAY), 'growth', 0,
                            IF(m < 3, NULL, at + INTERVAL 1 HOUR), IF(m < 3, NULL, at + INTERVAL 5 HOUR),
                            IF(m > 5, at + INTERVAL 3 DAY, NULL), IF(m > 5, at + INTERVAL 4 DAY, NULL),
                            IF(m > 5, ELT(1 + n MOD 3, 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'), NULL),
                            IF(m < 3, 'DISPATCH', NULL), IF(n MOD 20 = 0, 0, 1), IF(m < 3, DATE(at), NULL),
                            IF(m = 0, TIMESTAMP('2026-01-01 10:00:00'), NULL), IF(m = 0, 'someone', NULL),
                            IF(m < 3, NULL, n MOD 7 <> 0), IF(m = 5, id, NULL)
                        FROM (SELECT seq AS n, (seq DIV 10) MOD 100 AS m,
                                     TIMESTAMP('%s') + INTERVAL (CRC32(seq) MOD %d) SECOND AS at,
                                     LOWER(CONCAT_WS('-', SUBSTR(h, 1, 8), SUBSTR(h, 9, 4), SUBSTR(h, 13, 4), SUBSTR(h, 17, 4),
                                                     SUBSTR(h, 21, 12))) AS id
                              FROM (SELECT seq, MD5(seq) AS h FROM seq_%d_to_%d) x) r
                        ORDER BY id""".formatted(towns, EPOCH, SPAN_SECONDS, a, b));
            }
        }
    }

    static void loadDocuments(Connection c, long from, long to) throws SQLException {
        String towns = Arrays.stream(TOWNS).map(t -> "'" + t + "'").collect(Collectors.joining(","));
        try (Statement s = c.createStatement()) {
            for (long a = from + 1; a <= to; a += 500_000) {
                long b = Math.min(to, a + 499_999);
                String range = "seq_%d_to_%d".formatted(a, b);
                String ids = """
                        (SELECT seq AS n, LOWER(CONCAT_WS('-', SUBSTR(h, 1, 8), SUBSTR(h, 9, 4), SUBSTR(h, 13, 4),
                                SUBSTR(h, 17, 4), SUBSTR(h, 21, 12))) AS id
                         FROM (SELECT seq, MD5(CONCAT('d', seq)) AS h FROM %s) x) r""".formatted(range);
                s.execute("""
                        INSERT INTO incoming_document (id, town_code, kind, status, document_type, secrecy_level, urgency,
                            title, channel, sender, received_at, received_by, received_copies, version)
                        SELECT id, ELT(1 + n MOD 10, %s), 'DOCUMENT',
                            ELT(1 + (n DIV 10) MOD 4, 'REGISTERED', 'HANDLING', 'COMPLETED', 'ARCHIVED'), 'NOTICE',
                            CASE (n DIV 10) MOD 10 WHEN 0 THEN 'SECRET' WHEN 1 THEN 'CONFIDENTIAL' ELSE 'NONE' END, 'NORMAL',
                            CONCAT('关于做好第', n, '项工作的通知'), 'PAPER', '顺德区人民政府办公室',
                            TIMESTAMP('%s') + INTERVAL (CRC32(n) MOD %d) SECOND, 'growth', 1, 0
                        FROM %s ORDER BY id""".formatted(towns, EPOCH, SPAN_SECONDS, ids));
                s.execute("""
                        INSERT INTO document_need (document_id, kind, principal)
                        SELECT id, 'D', CONCAT('部门', (n DIV 10) MOD 20) FROM %s ORDER BY id""".formatted(ids));
                s.execute("""
                        INSERT INTO document_need (document_id, kind, principal)
                        SELECT id, 'U', '%s' FROM %s WHERE n MOD 10 = 0 AND (n DIV 10) MOD 20 = 7 ORDER BY id"""
                        .formatted(LEADER, ids));
            }
        }
    }

    private GrowthBenchmark() {
    }
}
