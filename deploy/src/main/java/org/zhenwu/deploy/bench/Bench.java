package org.zhenwu.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhenwu.deploy.DevTokens;

/** What the benchmarks share: the results file, the machine's load, hotline agents' tokens and requests. */
final class Bench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String[] TYPES = {"COMPLAINT", "CONSULTATION", "HELP", "REPORT", "SUGGESTION"};
    private static final String[] CATEGORIES = {"城市管理/占道经营", "环境保护/噪音", "市政设施/路灯", "社会保障/医保", "交通/公交"};

    private Bench() {
    }

    /**
     * Hotline agents of the dev town, each its own JWT subject: the gateway limits each client to 100 requests/s
     * (burst 200), and a call centre's load comes from many agents, not one.
     */
    static List<String> agentTokens(int count) {
        DevTokens dev = DevTokens.withDevKey();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(dev.forRoleAs("HOTLINE_AGENT", "bench-agent-" + i, "压测坐席" + i));
        }
        return tokens;
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** A phone call taken by the hotline, varied by n. */
    static String workOrder(long n) {
        int i = (int) (n % TYPES.length);
        return "{\"type\":\"" + TYPES[i] + "\",\"channel\":\"PHONE\",\"category\":\"" + CATEGORIES[i]
                + "\",\"callerName\":\"压测" + n + "\",\"callerPhone\":\"1380000" + String.format("%04d", n % 10_000)
                + "\",\"location\":\"乐从镇\",\"content\":\"基准测试工单 " + n + "\"}";
    }

    /** Creates {@code count} work orders at {@code baseUrl} (a service or the gateway) and returns their ids. */
    static List<String> createWorkOrders(HttpClient http, String baseUrl, List<String> tokens, int count)
            throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            HttpResponse<String> r = http.send(post(baseUrl + "/api/hotline/work-orders", tokens.get(n % tokens.size()),
                    workOrder(n)), HttpResponse.BodyHandlers.ofString());
            Matcher m = ID.matcher(r.body());
            if (r.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("creating a work order answered " + r.statusCode() + ": " + r.body());
            }
            ids.add(m.group(1));
        }
        return ids;
    }

    /**
     * A run's configuration variant from a system property ({@code -Dname="NAME=value;NAME2=value2"}): environment
     * variables for the processes it names, to see what a setting costs. Empty when the property is not set.
     */
    static Map<String, String> environmentVariant(String property) {
        Map<String, String> env = new LinkedHashMap<>();
        String variant = System.getProperty(property, "").trim();
        for (String setting : variant.isEmpty() ? new String[0] : variant.split(";")) {
            String[] nameValue = setting.split("=", 2);
            if (nameValue.length != 2) {
                throw new IllegalArgumentException("-D" + property + ": expected NAME=value, got " + setting);
            }
            env.put(nameValue[0].trim(), nameValue[1].trim());
        }
        return env;
    }

    /** How a row names a variant: empty, or {@code , `NAME=value;…`}. */
    static String variantLabel(Map<String, String> variant) {
        StringBuilder label = new StringBuilder();
        variant.forEach((k, v) -> label.append(label.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return variant.isEmpty() ? "" : ", `" + label + "`";
    }

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Waits (up to a minute) for the 1-minute load to drop below {@code below}; returns the load it started at. */
    static String quietMoment(double below) throws InterruptedException {
        String load = loadAverage();
        for (int i = 0; i < 12 && oneMinute() >= below; i++) {
            Thread.sleep(5_000);
        }
        System.out.println("load average before the run: " + load + ", now " + loadAverage());
        return loadAverage();
    }

    private static double oneMinute() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The single number a {@code SELECT COUNT(*) …} answers, for a benchmark's checks. */
    static long count(java.sql.Statement sql, String query) throws java.sql.SQLException {
        try (java.sql.ResultSet r = sql.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String now() {
        return Instant.now().toString().substring(0, 16);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String p50p99(Load.Result r) {
        return f1(r.ms(.5)) + " / " + f1(r.ms(.99));
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Appends rows to a results file under docs/benchmarks/, writing its head first when the file is new, and the
     * head's table heading again when the file's last table has other columns or a reading was written below it.
     */
    static void appendRows(String file, String head, List<String> rows) throws IOException {
        Path results = Path.of(System.getProperty("results.dir", "docs/benchmarks")).resolve(file);
        if (!Files.exists(results)) {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, head);
        }
        List<String> table = head.lines().filter(l -> l.startsWith("|")).toList();
        String text = Files.readString(results);
        String lastHeading = text.lines().filter(l -> l.startsWith("| when")).reduce((a, b) -> b).orElse("");
        String lastLine = text.strip().lines().reduce((a, b) -> b).orElse("");
        if (!table.isEmpty() && (!lastHeading.equals(table.get(0)) || !lastLine.startsWith("|"))) {
            Files.writeString(results, (text.endsWith("\n\n") ? "" : "\n") + String.join("\n", table) + "\n",
                    StandardOpenOption.APPEND);
        }
        for (String row : rows) {
            System.out.println(row);
            Files.writeString(results, row + "\n", StandardOpenOption.APPEND);
        }
    }
}
