package org.zhenwu.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --demo}: two years of synthetic activity of the district's ten towns, loaded through the gateway so that
 * every service announces its events and the annual summary fills up.
 *
 * <p>The files come from {@code DemoDataFiles}, a test class of document-service, run once per seed and scale in a
 * child JVM into {@code .zhenwu/demo/seed-<seed>-scale-<scale>/} (kept: the next run reuses them while
 * {@code manifest.tsv} is there and not older than the generator). Loading follows {@code manifest.tsv}, one worker
 * per service, each service's lines in order: {@code POST-EACH-LINE} sends one request per line (vehicle and driver
 * registrations; 409 = already registered), {@code POST-EACH-LINE-ONCE} the same unless the town already has such
 * records in the file's year (handbooks handed out: no source id), {@code POST} sends the whole file (JSON lines or
 * CSV, the content type as the manifest gives it) to an import endpoint, which answers {@code {imported, skipped}}
 * and skips the source ids it already has, so a second run changes nothing. Then it waits until the district's annual report counts every generated record of the
 * last year (the events reach document-service asynchronously), saves copies of the report and prints its URLs.
 *
 * <p>Dependency-free like the rest of the launcher: the JDK's HttpClient and a few regular expressions over the
 * answers.
 */
public final class DemoLoader {

    static final String GENERATOR = "org.zhenwu.document.demo.DemoDataFiles";
    /** Written by {@code deploy/local-stack.sh --demo}: document-service's test classpath. */
    static final Path CLASSPATH_FILE = Path.of("document-service", "target", "test-classpath.txt");
    static final Path TEST_CLASSES = Path.of("document-service", "target", "test-classes");
    static final String REPORT = "/api/documents/reports/annual";
    static final String REPORT_ROLE = "DISTRICT_ADMIN";
    /** The report waits for these (district, last year); the document figures come from document-service's own tables. */
    private static final List<String> AWAITED = List.of("hotline", "service hall", "fleet trips", "congress");
    private static final Map<String, String> FIGURE_OF = Map.of("hotline", "hotline.workOrders",
            "service hall", "hall.accepted", "fleet trips", "fleet.trips", "congress", "congress.suggestionsReceived");
    private static final Duration REPORT_STALL = Duration.ofSeconds(90);
    private static final Duration REPORT_MAX_WAIT = Duration.ofMinutes(15);
    private static final int ATTEMPTS = 8;

    /**
     * What the gateway gets on top of its usual environment under {@code --demo}: a time limit and a slow-call
     * threshold of 10 min instead of 5 s and 3 s for the routes that keep the defaults (hotline, service hall, fleet,
     * congress), and instead of 30 s and 20 s for documents. With 2 min (before 2026-11-27) and two cores busy with
     * other builds too (load average 20–28), a town's hotline or service hall file took longer than that: the gateway
     * answered 503, the loader sent the file again while the first request was still writing it, and the second one
     * failed on a duplicate source id or a lock wait timeout: the whole file was refused (demo-load.md). An incoming
     * documents file took longer than 30 s, was sent again and counted as skipped. With the defaults the same
     * happens to most files and the circuit opens. Routes and their other settings are unchanged.
     */
    public static final Map<String, String> GATEWAY_ENVIRONMENT = Map.of("SPRING_APPLICATION_JSON",
            "{\"resilience4j\":{\"timelimiter\":{\"configs\":{\"default\":{\"timeout-duration\":\"600s\"}},"
                    + "\"instances\":{\"documents\":{\"timeout-duration\":\"600s\"}}},"
                    + "\"circuitbreaker\":{\"configs\":{\"default\":{\"slow-call-duration-threshold\":\"600s\"}},"
                    + "\"instances\":{\"documents\":{\"slow-call-duration-threshold\":\"600s\"}}}}}");

    private static final Pattern FIGURE = Pattern.compile(
            "\"key\"\\s*:\\s*\"([A-Za-z.]+)\"[^{}\\[\\]]*?\"value\"\\s*:\\s*(null|-?[0-9.]+)");
    private static final Pattern TOWN_NAME = Pattern.compile("\"townName\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern IMPORTED = Pattern.compile("\"imported\"\\s*:\\s*(\\d+)");
    private static final Pattern SKIPPED = Pattern.compile("\"skipped\"\\s*:\\s*(\\d+)");
    private static final Pattern YEAR_FILE = Pattern.compile("-(\\d{4})\\.jsonl$");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    /** The service a path belongs to: {@code /api/hotline/…} → hotline. */
    private static final Pattern SERVICE = Pattern.compile("^/api/([^/?]+)");
    private static final Pattern DUPLICATE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/duplicate\"");

    /** Seed and scale of the generated files. */
    public record Options(long seed, BigDecimal scale) {
        public static final long DEFAULT_SEED = 2019;
        public static final BigDecimal DEFAULT_SCALE = new BigDecimal("0.25");
        /** At scale 1 the largest file is about 2 MB; the gateway takes 5 MB per request. */
        public static final BigDecimal MAX_SCALE = new BigDecimal("2");

        public Options {
            if (scale.signum() <= 0 || scale.compareTo(MAX_SCALE) > 0) {
                throw new IllegalArgumentException("--demo-scale must be above 0 and at most " + MAX_SCALE + ", not " + scale);
            }
        }

        public String directoryName() {
            return "seed-" + seed + "-scale-" + scale.stripTrailingZeros().toPlainString();
        }

        /** The demo options among the launcher's arguments; null without --demo, --demo-seed or --demo-scale. */
        public static Options parse(String[] args) {
            boolean demo = false;
            long seed = DEFAULT_SEED;
            BigDecimal scale = DEFAULT_SCALE;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (!option.equals("--demo") && !option.equals("--demo-seed") && !option.equals("--demo-scale")) {
                    continue;
                }
                demo = true;
                if (option.equals("--demo")) {
                    if (!option.equals(arg)) {
                        throw new IllegalArgumentException("--demo takes no value; use --demo-seed N and --demo-scale X");
                    }
                    continue;
                }
                String value;
                if (!option.equals(arg)) {
                    value = arg.substring(option.length() + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                try {
                    if (option.equals("--demo-seed")) {
                        seed = Long.parseLong(value.trim());
                    } else {
                        scale = new BigDecimal(value.trim());
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
                }
            }
            return demo ? new Options(seed, scale) : null;
        }
    }

    /** One line of {@code manifest.tsv}: method, path, content type, role, file. */
    record Entry(String method, String path, String contentType, String role, String file) {
        String label() {
            return DemoLoader.label(path);
        }

        /** The year in the file name ({@code hotline/440606001-2019.jsonl}), or 0 for the registers. */
        int year() {
            Matcher m = YEAR_FILE.matcher(file);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    /** What one kind of file brought in. */
    static final class Tally {
        int files;
        long rows;
        long imported;
        long skipped;
        long refusedRows;
        int refusedFiles;
        int resent;
    }

    /** A few words per endpoint, for the progress lines. */
    static String label(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return switch (p) {
            case "/api/fleet/vehicles" -> "fleet vehicles";
            case "/api/fleet/drivers" -> "fleet drivers";
            case "/api/fleet/trips/imports" -> "fleet trips";
            case "/api/hotline/work-orders/imports" -> "hotline";
            case "/api/service-hall/applications/imports" -> "service hall";
            case "/api/congress/suggestions/imports" -> "congress";
            case "/api/documents/incoming/imports" -> "documents in";
            case "/api/documents/outgoing/imports" -> "documents out";
            case "/api/documents/legal/opinions/imports" -> "legal opinions";
            case "/api/documents/legal/cases/imports" -> "legal cases";
            case "/api/documents/contracts/imports" -> "contracts";
            case "/api/documents/disclosure/imports" -> "disclosure";
            case "/api/documents/archives/imports" -> "archives";
            case "/api/documents/emergency/imports" -> "emergency";
            case "/api/documents/preparedness/drills/imports" -> "drills";
            case "/api/documents/preparedness/materials" -> "handbooks";
            case "/api/documents/research/imports" -> "research";
            case "/api/documents/meetings/imports" -> "meetings";
            default -> p;
        };
    }

    private final Path root;
    private final Path demoHome;
    private final String gateway;
    private final Options options;
    private final PrintStream out;
    private final BooleanSupplier stopped;
    private final Consumer<Process> adopt;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** Asked by every worker thread at once (a HashMap threw ConcurrentModificationException). */
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per service ({@code /api/<service>/…}): the seconds its worker took, and the rows of its files. */
    private final Map<String, Double> serviceSeconds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> serviceRows = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param root     the repository root
     * @param home     {@code .zhenwu}; the files go to {@code home/demo/}
     * @param gateway  the gateway's base URL
     * @param stopped  true once the stack is stopping: the loader then returns quietly
     * @param adopt    receives the generator's process, so that stopping the stack stops it too
     */
    public DemoLoader(Path root, Path home, String gateway, Options options, PrintStream out, BooleanSupplier stopped,
                      Consumer<Process> adopt) {
        this.root = root;
        this.demoHome = home.resolve("demo");
        this.gateway = gateway;
        this.options = options;
        this.out = out;
        this.stopped = stopped;
        this.adopt = adopt;
    }

    /** How long each part took; per service: the seconds its worker took and the rows of its files. */
    public record Result(double filesSeconds, double loadSeconds, double reportSeconds, boolean complete,
                         Map<String, Double> serviceSeconds, Map<String, Long> serviceRows, long refusedRows) {
        public double totalSeconds() {
            return filesSeconds + loadSeconds + reportSeconds;
        }
    }

    /** Generate (once), load, wait for the report, print the URLs. Null when the stack stopped meanwhile. */
    public Result run() {
        long t0 = System.nanoTime();
        Path dir = files();
        if (dir == null) {
            return null;
        }
        long t1 = System.nanoTime();
        List<Entry> entries = manifest(dir);
        Map<String, Tally> tallies = load(dir, entries);
        if (tallies == null) {
            return null;
        }
        long t2 = System.nanoTime();
        int year = entries.stream().mapToInt(Entry::year).max().orElse(0);
        boolean complete = awaitReport(dir, entries, year);
        if (stopped.getAsBoolean()) {
            return null;
        }
        long t3 = System.nanoTime();
        printResult(year, tallies, complete, t0, t1, t2, t3);
        return new Result((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, complete, Map.copyOf(serviceSeconds),
                Map.copyOf(serviceRows),
                tallies.values().stream().mapToLong(t -> t.refusedRows).sum());
    }

    // ---- 1. the files ----------------------------------------------------------------------------------------

    /** The directory of this seed and scale, generated unless its manifest is already there. Null when stopped. */
    Path files() {
        Path dir = demoHome.resolve(options.directoryName());
        String shown = shown(dir);
        Path classpathFile = root.resolve(CLASSPATH_FILE);
        Path classes = root.resolve(TEST_CLASSES);
        Path manifest = dir.resolve("manifest.tsv");
        if (Files.isRegularFile(manifest) && !olderThanGenerator(manifest, classes)) {
            out.println("\nDemo data: reusing " + shown + "/ (seed " + options.seed() + ", scale "
                    + options.scale().toPlainString() + "; delete it to generate again)");
            return dir;
        }
        if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(classes)) {
            throw new IllegalStateException(CLASSPATH_FILE + " or " + TEST_CLASSES + " is missing: start the stack with "
                    + "deploy/local-stack.sh --demo, which builds them");
        }
        out.println("\nDemo data: generating two years for the ten towns (seed " + options.seed() + ", scale "
                + options.scale().toPlainString() + ") into " + shown + "/ …");
        long t = System.nanoTime();
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        Path log = demoHome.resolveSibling("logs").resolve("demo-generator.log");
        try {
            Files.createDirectories(log.getParent());
            deleteTree(partial);
            Files.createDirectories(partial);
            List<String> command = List.of(ChildProcesses.javaExecutable(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Xmx512m", "-Dfile.encoding=UTF-8", "-cp", classes + java.io.File.pathSeparator
                            + Files.readString(classpathFile).trim(),
                    GENERATOR, partial.toString(), "--seed", Long.toString(options.seed()),
                    "--scale", options.scale().toPlainString());
            Process generator = new ProcessBuilder(ChildProcesses.detached(command)).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            adopt.accept(generator);
            int exit = generator.waitFor();
            if (stopped.getAsBoolean()) {
                return null;
            }
            if (exit != 0 || !Files.isRegularFile(partial.resolve("manifest.tsv"))) {
                throw new IllegalStateException("the generator exited with " + exit + "; last lines of " + shown(log)
                        + ":\n" + ChildProcesses.tail(log, 30));
            }
            deleteTree(dir);
            Files.move(partial, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the demo files in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        out.printf(Locale.ROOT, "  %d files (%.1f s)%n", manifest(dir).size(), seconds(t));
        return dir;
    }

    /**
     * True when the files were written by an earlier generator than the compiled one (it gained a register, say):
     * they are then written again. The same seed and scale give the same rows, and imports skip the known ones.
     */
    static boolean olderThanGenerator(Path manifest, Path testClasses) {
        Path generator = testClasses.resolve(GENERATOR.replace('.', '/') + ".class");
        try {
            return Files.isRegularFile(generator)
                    && Files.getLastModifiedTime(manifest).compareTo(Files.getLastModifiedTime(generator)) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    static List<Entry> manifest(Path dir) {
        List<Entry> entries = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5) {
                    throw new IllegalStateException("manifest.tsv: expected 5 tab-separated fields in '" + line + "'");
                }
                entries.add(new Entry(f[0], f[1], f[2], f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("manifest.tsv"), e);
        }
        return entries;
    }

    // ---- 2. loading ------------------------------------------------------------------------------------------

    /**
     * Every manifest line, one worker per service: each service gets its files in manifest order (a town's vehicles
     * and drivers before its trips), one request at a time, while the services work side by side. Null when the
     * stack stopped meanwhile.
     */
    Map<String, Tally> load(Path dir, List<Entry> entries) {
        Map<String, List<Entry>> byService = byService(entries);
        out.println("Loading " + entries.size() + " files through the gateway " + gateway + ", the services side by "
                + "side (" + String.join(", ", byService.keySet()) + "), each in the order of "
                + shown(dir.resolve("manifest.tsv")) + " …");
        Map<String, Tally> tallies = new LinkedHashMap<>();
        entries.forEach(e -> tallies.computeIfAbsent(e.label(), k -> new Tally()));
        int width = entries.stream().mapToInt(e -> e.file().length()).max().orElse(30);
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean halted = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(byService.size(), r -> {
            Thread t = new Thread(r, "demo-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Map.Entry<String, List<Entry>> service : byService.entrySet()) {
                running.add(workers.submit(() -> {
                    long started = System.nanoTime();
                    long rows = 0;
                    for (Entry entry : service.getValue()) {
                        if (halted.get()) {
                            return;
                        }
                        Tally tally = tallies.get(entry.label());
                        long t = System.nanoTime();
                        String outcome = switch (entry.method()) {
                            case "POST-EACH-LINE" -> postEachLine(dir, entry, tally);
                            case "POST-EACH-LINE-ONCE" -> postEachLineOnce(dir, entry, tally);
                            case "POST" -> postFile(dir, entry, tally);
                            default -> throw new IllegalStateException("manifest.tsv: unknown method " + entry.method()
                                    + " for " + entry.file());
                        };
                        if (outcome == null || stopped.getAsBoolean()) {
                            halted.set(true);
                            return;
                        }
                        tally.files++;
                        rows += lines(dir.resolve(entry.file())).size();
                        synchronized (out) {
                            out.printf(Locale.ROOT, "  [%3d/%d] %-14s %-" + width + "s %s (%.1f s)%n",
                                    done.incrementAndGet(), entries.size(), entry.label(), entry.file(), outcome,
                                    seconds(t));
                        }
                    }
                    serviceSeconds.put(service.getKey(), seconds(started));
                    serviceRows.put(service.getKey(), rows);
                    synchronized (out) {
                        out.printf(Locale.ROOT, "  %s: every file loaded in %.1f s (%,d rows, %.0f rows/s)%n",
                                service.getKey(), seconds(started), rows, rows / Math.max(0.001, seconds(started)));
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            halted.set(true);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
        if (halted.get()) {
            return null;
        }
        out.println("Loaded:");
        out.printf("  %-14s %5s %8s %9s %8s %8s%n", "", "FILES", "ROWS", "IMPORTED", "SKIPPED", "REFUSED");
        tallies.forEach((label, t) -> out.printf(Locale.ROOT, "  %-14s %5d %,8d %,9d %,8d %8s%n", label, t.files, t.rows,
                t.imported, t.skipped, t.refusedRows + (t.refusedFiles > 0 ? " (" + t.refusedFiles + " files)" : "")));
        out.println("  (registrations: imported = registered now, skipped = already registered, 409 or already loaded)");
        return tallies;
    }

    /** The manifest's lines per service ({@code /api/<service>/…}), each service's in manifest order. */
    static Map<String, List<Entry>> byService(List<Entry> entries) {
        Map<String, List<Entry>> byService = new LinkedHashMap<>();
        for (Entry e : entries) {
            Matcher m = SERVICE.matcher(e.path());
            byService.computeIfAbsent(m.find() ? m.group(1) : e.path(), k -> new ArrayList<>()).add(e);
        }
        return byService;
    }

    /**
     * Records without a source id (material handed out): the whole file is sent, one request per line, only while
     * the town has no such record in the file's year yet ({@code GET path?town=&from=&to=} lists none), so a second
     * run does not hand the handbooks out twice.
     */
    private String postEachLineOnce(Path dir, Entry entry, Tally tally) {
        int year = entry.year();
        String path = entry.path();
        String query = "from=" + year + "-01-01&to=" + year + "-12-31&size=1";
        String body = getText(path + (path.contains("?") ? "&" : "?") + query);
        long total = number(TOTAL, body);
        if (total > 0) {
            long lines = lines(dir.resolve(entry.file())).size();
            tally.rows += lines;
            tally.skipped += lines;
            return String.format(Locale.ROOT, "%,d lines: already loaded (%,d records of %d there)", lines, total, year);
        }
        return postEachLine(dir, entry, tally);
    }

    /** One request per line (registrations): 201 registered, 409 already registered (a second run). */
    private String postEachLine(Path dir, Entry entry, Tally tally) {
        List<String> lines = lines(dir.resolve(entry.file()));
        long registered = 0;
        long existing = 0;
        long refused = 0;
        for (int n = 0; n < lines.size(); n++) {
            Answer answer = send(entry, lines.get(n).getBytes(StandardCharsets.UTF_8));
            if (answer == null) {
                return null;
            }
            tally.resent += answer.resent;
            if (answer.status == 200 || answer.status == 201) {
                registered++;
            } else if (answer.status == 409) {
                existing++;
            } else {
                refused++;
                out.printf("    ! %s line %d refused: %d %s%n", entry.file(), n + 1, answer.status, abbreviate(answer.body));
            }
        }
        tally.rows += lines.size();
        tally.imported += registered;
        tally.skipped += existing;
        tally.refusedRows += refused;
        if (refused > 0) {
            tally.refusedFiles++;
        }
        return String.format(Locale.ROOT, "%,d lines: %,d registered, %,d already there%s", lines.size(), registered,
                existing, refused > 0 ? ", " + refused + " REFUSED" : "");
    }

    /** The whole file in one request to an import endpoint, which answers {imported, skipped}. */
    private String postFile(Path dir, Entry entry, Tally tally) {
        Path file = dir.resolve(entry.file());
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        long rows = lines(file).size();
        tally.rows += rows;
        Answer answer = send(entry, body);
        if (answer == null) {
            return null;
        }
        tally.resent += answer.resent;
        String resent = answer.resent > 0 ? " [sent " + (answer.resent + 1) + " times: " + answer.firstFailure + "]" : "";
        if (answer.status == 200 || answer.status == 201) {
            long imported = number(IMPORTED, answer.body);
            long skipped = number(SKIPPED, answer.body);
            if (imported < 0 || skipped < 0) {
                return answer.status + " " + abbreviate(answer.body) + resent;
            }
            tally.imported += imported;
            tally.skipped += skipped;
            return String.format(Locale.ROOT, "%,d rows: %,d imported, %,d skipped%s", rows, imported, skipped, resent);
        }
        tally.refusedFiles++;
        tally.refusedRows += rows;
        out.printf("    ! %s refused: %d %s%n", entry.file(), answer.status, abbreviate(answer.body));
        return String.format(Locale.ROOT, "%,d rows: REFUSED (%d)%s", rows, answer.status, resent);
    }

    record Answer(int status, String body, int resent, String firstFailure) { }

    /**
     * POSTs with the role's dev token. The gateway answers 503 when a service is down, slower than its time limit or
     * behind an open circuit, and 429 over the rate limit: those are sent again after a pause (imports skip what an
     * earlier attempt stored, and a 409 "duplicate" after such a failure means that attempt is still being written).
     * Null when the stack stopped meanwhile.
     */
    private Answer send(Entry entry, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + entry.path()))
                .timeout(Duration.ofMinutes(11))   // beyond the gateway's --demo limit of 10 min
                .header("Authorization", "Bearer " + token(entry.role()))
                .header("Content-Type", entry.contentType() + ";charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String firstFailure = null;
        for (int attempt = 0; ; attempt++) {
            if (stopped.getAsBoolean()) {
                return null;
            }
            int status;
            String answer;
            Duration pause = Duration.ofSeconds(Math.min(30, 10L * (attempt + 1)));
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = response.statusCode();
                answer = response.body();
                if (status == 429) {
                    pause = Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(2));
                }
            } catch (IOException e) {
                status = -1;
                answer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            boolean transientFailure = status < 0 || status == 429 || status == 502 || status == 503 || status == 504
                    || (status == 409 && firstFailure != null && DUPLICATE.matcher(answer).find());
            if (!transientFailure || attempt + 1 >= ATTEMPTS) {
                return new Answer(status, answer, attempt, firstFailure);
            }
            if (stopped.getAsBoolean()) {
                return null;
            }
            String failure = (status < 0 ? "no answer" : Integer.toString(status));
            if (firstFailure == null) {
                firstFailure = failure;
            }
            out.printf("    %s: %s %s; sending again in %d s%n", entry.file(), failure, abbreviate(answer), pause.toSeconds());
            if (!sleep(pause)) {
                return null;
            }
        }
    }

    // ---- 3. the report ---------------------------------------------------------------------------------------

    /**
     * Polls the district's report for the last year until it counts every generated record (work orders,
     * applications, trips, suggestions and motions), or stops changing for 90 s, or 15 min have passed.
     */
    boolean awaitReport(Path dir, List<Entry> entries, int year) {
        Map<String, Long> expected = expected(dir, entries, year);
        out.println("Waiting for the " + year + " annual report to count the events (district; expected "
                + AWAITED.stream().map(k -> k + " " + String.format(Locale.ROOT, "%,d", expected.get(k)))
                        .reduce((a, b) -> a + ", " + b).orElse("") + ") …");
        long start = System.nanoTime();
        long lastChange = start;
        long lastPrint = 0;
        Map<String, BigDecimal> previous = Map.of();
        while (!stopped.getAsBoolean()) {
            Map<String, BigDecimal> figures;
            try {
                figures = figures(REPORT + "?year=" + year);
            } catch (IllegalStateException e) {
                out.println("  " + e.getMessage());
                figures = previous;
            }
            long now = System.nanoTime();
            Map<String, BigDecimal> current = figures;
            boolean complete = expected.values().stream().mapToLong(Long::longValue).sum() > 0
                    && AWAITED.stream().allMatch(k -> value(current, FIGURE_OF.get(k)) >= expected.get(k));
            if (!figures.equals(previous)) {
                lastChange = now;
            }
            if (complete || now - lastPrint > 10_000_000_000L || !figures.equals(previous)) {
                out.printf(Locale.ROOT, "  %s (%.0f s)%n", progress(figures, expected), (now - start) / 1e9);
                lastPrint = now;
            }
            previous = figures;
            if (complete) {
                return true;
            }
            if (Duration.ofNanos(now - lastChange).compareTo(REPORT_STALL) > 0
                    || Duration.ofNanos(now - start).compareTo(REPORT_MAX_WAIT) > 0) {
                out.println("  the report stopped short of the generated records; see .zhenwu/logs/document-service.log");
                return false;
            }
            if (!sleep(Duration.ofSeconds(5))) {
                return false;
            }
        }
        return false;
    }

    /** Records of {@code year} per awaited figure, counted in the files (the district; any town's are a subset). */
    static Map<String, Long> expected(Path dir, List<Entry> entries, int year) {
        Map<String, Long> expected = new LinkedHashMap<>();
        AWAITED.forEach(k -> expected.put(k, 0L));
        for (Entry e : entries) {
            if (e.year() != year || !expected.containsKey(e.label())) {
                continue;
            }
            long n = e.label().equals("congress")
                    // the figure counts suggestions and motions; proposals (政协提案) are not the deputies'
                    ? lines(dir.resolve(e.file())).stream()
                            .filter(l -> l.contains("\"kind\":\"SUGGESTION\"") || l.contains("\"kind\":\"MOTION\"")).count()
                    : lines(dir.resolve(e.file())).size();
            expected.merge(e.label(), n, Long::sum);
        }
        return expected;
    }

    private static String progress(Map<String, BigDecimal> figures, Map<String, Long> expected) {
        StringBuilder sb = new StringBuilder();
        for (String k : AWAITED) {
            sb.append(String.format(Locale.ROOT, "%s %,d/%,d · ", k, value(figures, FIGURE_OF.get(k)), expected.get(k)));
        }
        return sb.append(String.format(Locale.ROOT, "documents issued %,d, received %,d",
                value(figures, "documents.issued"), value(figures, "documents.received"))).toString();
    }

    /** The report's figures as key → value (null values left out). */
    Map<String, BigDecimal> figures(String pathAndQuery) {
        return figuresOf(getText(pathAndQuery));
    }

    static Map<String, BigDecimal> figuresOf(String reportJson) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        Matcher m = FIGURE.matcher(reportJson);
        while (m.find()) {
            if (!m.group(2).equals("null")) {
                figures.put(m.group(1), new BigDecimal(m.group(2)));
            }
        }
        return figures;
    }

    private String getText(String pathAndQuery) {
        HttpResponse<byte[]> response = get(pathAndQuery, "application/json");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " → " + response.statusCode() + " " + abbreviate(body));
        }
        return body;
    }

    private HttpResponse<byte[]> get(String pathAndQuery, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(REPORT_ROLE)).header("Accept", accept).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long value(Map<String, BigDecimal> figures, String key) {
        BigDecimal v = figures.get(key);
        return v == null ? 0 : v.longValue();
    }

    // ---- 4. the result ---------------------------------------------------------------------------------------

    private void printResult(int year, Map<String, Tally> tallies, boolean complete, long t0, long t1, long t2, long t3) {
        String town = DevTokens.DEV_TOWN;
        Map<String, BigDecimal> townFigures = Map.of();
        Map<String, BigDecimal> districtFigures = Map.of();
        String townName = "";
        try {
            String townReport = getText(REPORT + "?town=" + town + "&year=" + year);
            townFigures = figuresOf(townReport);
            Matcher name = TOWN_NAME.matcher(townReport);
            townName = name.find() ? name.group(1) : "";
            districtFigures = figures(REPORT + "?year=" + year);
        } catch (IllegalStateException e) {
            out.println("  " + e.getMessage());
        }
        out.println();
        String townLabel = (townName + " " + town).trim();
        String width = "%-" + Math.max(townLabel.length(), "district".length()) + "s";
        out.printf(Locale.ROOT, "Report %d, " + width + "  %s%n", year, townLabel, headline(townFigures));
        out.printf(Locale.ROOT, "Report %d, " + width + "  %s%n", year, "district", headline(districtFigures));
        Path saved = demoHome.resolve("reports");
        List<String> savedFiles = save(saved, year, town);
        long refused = tallies.values().stream().mapToLong(t -> t.refusedRows).sum();
        int resent = tallies.values().stream().mapToInt(t -> t.resent).sum();
        out.printf(Locale.ROOT, "Demo data loaded in %s: files %s, loading %s, report %s%s.%s%s%n", duration(t3 - t0),
                duration(t1 - t0), duration(t2 - t1), duration(t3 - t2),
                complete ? " (every generated record counted)" : " (the report had not counted every generated record yet)",
                refused > 0 ? String.format(Locale.ROOT, " %,d rows REFUSED (see the ! lines above).", refused) : "",
                resent > 0 ? " " + resent + " requests were sent again after a 5xx/429 from the gateway." : "");
        if (!savedFiles.isEmpty()) {
            out.println("Copies for the browser (no token needed): " + shown(saved) + "/{" + String.join(",", savedFiles) + "}");
        }
        out.println("The stack keeps running; Ctrl-C stops everything. The report's URLs want a DISTRICT_ADMIN token "
                + "(source .zhenwu/tokens.env; curl -H \"Authorization: Bearer $TOKEN_DISTRICT_ADMIN\" …):");
        String q = "?town=" + town + "&year=" + year;
        String d = "?year=" + year;
        String base = gateway + REPORT;
        out.println("Annual report " + year + " JSON/HTML/DOCX — " + townName + " " + town + ": " + base + q + "  " + base + ".html" + q
                + "  " + base + ".docx" + q + "  — district: " + base + d + "  " + base + ".html" + d + "  " + base + ".docx" + d);
    }

    private static String headline(Map<String, BigDecimal> f) {
        return String.format(Locale.ROOT, "hotline %,d work orders · service hall %,d accepted, %,d completed · fleet %,d trips, "
                        + "%,d km · congress %,d suggestions · documents %,d issued, %,d received",
                value(f, "hotline.workOrders"), value(f, "hall.accepted"), value(f, "hall.completed"), value(f, "fleet.trips"),
                value(f, "fleet.km"), value(f, "congress.suggestionsReceived"), value(f, "documents.issued"),
                value(f, "documents.received"));
    }

    /** The town's and the district's report as JSON, HTML and Word, for opening without a token. */
    private List<String> save(Path dir, int year, String town) {
        List<String> saved = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String scope : List.of(town, "district")) {
                String query = (scope.equals("district") ? "?" : "?town=" + scope + "&") + "year=" + year;
                for (String[] kind : new String[][] {{"", "json", "application/json"}, {".html", "html", "text/html"},
                        {".docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}}) {
                    HttpResponse<byte[]> response = get(REPORT + kind[0] + query, kind[2]);
                    if (response.statusCode() == 200) {
                        String name = "annual-" + year + "-" + scope + "." + kind[1];
                        Files.write(dir.resolve(name), response.body());
                        saved.add(name);
                    } else {
                        out.println("  GET " + REPORT + kind[0] + query + " → " + response.statusCode() + " "
                                + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
                    }
                }
            }
        } catch (IOException | IllegalStateException e) {
            out.println("  could not save the report: " + e.getMessage());
        }
        return saved;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String token(String role) {
        return tokens.computeIfAbsent(role, r -> DevTokens.withDevKey().forRole(r));
    }

    private static List<String> lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long number(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String abbreviate(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return s.length() <= 600 ? s : s.substring(0, 600) + "… (" + s.length() + " chars)";
    }

    private String shown(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    private boolean sleep(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (stopped.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Math.min(500, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
            return !stopped.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
