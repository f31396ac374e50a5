package org.zhenwu.document.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.zhenwu.platform.calendar.WorkingDayCalendar;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes two years of realistic synthetic activity of the district's ten towns as import files (JSON lines), one per
 * service, town and year, in each service's documented import format, so that loading them through the services'
 * import endpoints makes every service announce its events and the annual summary fill up. Deterministic: the same
 * seed and scale write the same bytes. Not part of any service: a developer's and the launcher's tool.
 *
 * <pre>
 * java -cp … org.zhenwu.document.demo.DemoDataFiles [outDir=.zhenwu/demo] [--seed 2019] [--scale 1.0] [--years 2018,2019]
 * </pre>
 * The file {@code manifest.tsv} lists, in load order: method, path (with {@code town}), content type, role, file.
 * Volumes at scale 1 per town and year (×0.7 … ×1.6 by town size): 2,400 hotline orders, 3,000 applications,
 * ~600 trips, 35 suggestions and motions + 10 proposals, ~700 incoming and ~300 outgoing documents. Nothing is
 * withdrawn or merged (those are not announced yet, so the summary could not match the services' own figures).
 */
public final class DemoDataFiles {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();

    /** code, name, one-character issuer prefix, size factor. */
    static final String[][] TOWNS = {
            {"440606001", "大良街道", "大", "1.6"}, {"440606002", "容桂街道", "容", "1.5"},
            {"440606003", "伦教街道", "伦", "0.8"}, {"440606004", "勒流街道", "勒", "0.9"},
            {"440606100", "陈村镇", "陈", "1.0"}, {"440606101", "均安镇", "均", "0.7"},
            {"440606102", "杏坛镇", "杏", "0.7"}, {"440606103", "龙江镇", "龙", "1.0"},
            {"440606104", "乐从镇", "乐", "1.1"}, {"440606105", "北滘镇", "北", "1.3"}};
    /** Relative volume per month: the Spring Festival dip, the summer storms. */
    static final double[] SEASON = {0.95, 0.7, 1.0, 1.0, 1.05, 1.15, 1.2, 1.2, 1.1, 0.95, 0.9, 0.8};

    private static final String[] HOTLINE_TYPES = {"CONSULTATION", "CONSULTATION", "CONSULTATION", "CONSULTATION",
            "CONSULTATION", "COMPLAINT", "COMPLAINT", "COMPLAINT", "HELP", "HELP", "REPORT", "SUGGESTION", "PRAISE"};
    private static final String[] HOTLINE_CHANNELS = {"PHONE", "PHONE", "PHONE", "WEB", "WECHAT", "APP"};
    private static final String[][] CATEGORIES = {{"城市管理/占道经营", "城管办"}, {"城市管理/噪声扰民", "城管办"},
            {"市场监管/消费纠纷", "市场监管所"}, {"劳动保障/欠薪", "人社分局"}, {"住房建设/物业管理", "住建办"},
            {"交通运输/公交线路", "交通办"}, {"环境保护/河涌污染", "环保办"}, {"社会保障/医保社保", "人社分局"},
            {"教育/入学咨询", "教育办"}, {"公共安全/消防隐患", "应急办"}};
    private static final String[][] MATTERS = {{"SC001", "个体工商户设立登记", "市场监管所", "3", "15"},
            {"SC002", "食品经营许可", "市场监管所", "10", "20"}, {"RS001", "灵活就业人员参保登记", "人社分局", "0", "5"},
            {"RS002", "失业保险金申领", "人社分局", "5", "20"}, {"ZR001", "不动产登记资料查询", "自然资源所", "1", "5"},
            {"ZR002", "农村宅基地用地审批", "自然资源所", "15", "20"}, {"GA001", "居住证办理", "公安派出所", "7", "15"},
            {"MZ001", "结婚登记预约", "民政办", "0", "1"}, {"WJ001", "生育登记", "卫健办", "1", "5"},
            {"CJ001", "残疾人证办理", "残联", "10", "20"}};
    private static final String[] SURNAMES = {"李", "陈", "黄", "梁", "何", "罗", "周", "吴", "麦", "冯", "邓", "谭"};
    private static final String[] GIVEN = {"伟", "芳", "敏", "强", "丽", "军", "婷", "杰", "霞", "华", "明", "燕"};
    private static final String[] UNITS = {"城建办", "经发办", "农业办", "教育办", "环保办", "交通办", "社工局"};

    final Random random;
    final double scale;
    final List<Integer> years;
    private final Path out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> manifest = new ArrayList<>();

    public DemoDataFiles(Path out, long seed, double scale, List<Integer> years) {
        this.out = out;
        this.random = new Random(seed);
        this.scale = scale;
        this.years = List.copyOf(years);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(".zhenwu/demo");
        long seed = 2019;
        double scale = 1.0;
        List<Integer> years = List.of(2018, 2019);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--years" -> years = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                default -> out = Path.of(args[i]);
            }
        }
        int files = new DemoDataFiles(out, seed, scale, years).write();
        System.out.println("wrote " + files + " files to " + out.toAbsolutePath() + " (load them in the order of manifest.tsv)");
    }

    /** Writes every file and the manifest; returns how many data files were written. */
    public int write() throws IOException {
        Files.createDirectories(out);
        for (String[] town : TOWNS) {
            fleetRegister(town);
        }
        for (int year : years) {
            for (String[] town : TOWNS) {
                double size = size(town, year);
                hotline(town, year, size);
                hall(town, year, size);
                fleetTrips(town, year, size);
                congress(town, year, size);
                incoming(town, year, size);
                outgoing(town, year, size);
            }
        }
        // the office's own registers (issue #6) after every other file, so those keep their bytes for a seed
        for (String[] town : TOWNS) {
            new OfficeRecords(this, town).write();
        }
        List<String> lines = new ArrayList<>();
        lines.add("method\tpath\tcontent-type\trole\tfile");
        lines.addAll(manifest);
        Files.write(out.resolve("manifest.tsv"), lines, StandardCharsets.UTF_8);
        return manifest.size();
    }

    // ---- hotline-service: POST /api/hotline/work-orders/imports?town= ------------------------------------------

    private void hotline(String[] town, int year, double size) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (int m = 1; m <= 12; m++) {
            int count = (int) Math.round(2400 * size / 12 * SEASON[m - 1] * (0.9 + 0.2 * random.nextDouble()));
            for (int i = 0; i < count; i++) {
                LocalDateTime accepted = anyTime(year, m, 8, 21);
                String type = pick(HOTLINE_TYPES);
                String[] category = pick(CATEGORIES);
                Map<String, Object> r = row("sourceId", "HL-" + town[0] + "-" + year + "-" + (++n), "acceptedAt", accepted,
                        "type", type, "channel", pick(HOTLINE_CHANNELS), "category", category[0],
                        "urgency", random.nextInt(20) == 0 ? "URGENT" : "NORMAL",
                        "content", "市民反映" + category[0].replace('/', '：') + "问题，请协调处理。");
                boolean late = accepted.toLocalDate().isAfter(LocalDate.of(year, 12, 20)) && year == last();
                if (type.equals("CONSULTATION") && random.nextInt(10) < 6) {
                    r.putAll(row("status", "CLOSED", "reply", "已当场解答。", "closedAt", accepted.plusMinutes(6)));
                } else if (late) {
                    r.putAll(row("status", "DISPATCHED", "department", category[1], "dispatchedAt", accepted.plusHours(1)));
                } else {
                    LocalDateTime replied = accepted.plusDays(1 + random.nextInt(9)).withHour(15);
                    r.putAll(row("status", "CLOSED", "department", category[1], "dispatchedAt", accepted.plusHours(1),
                            "signedAt", accepted.plusHours(3), "repliedAt", replied, "reply", "已现场核查并处理。",
                            "satisfaction", random.nextInt(10) < 8 ? "SATISFIED" : "BASICALLY_SATISFIED",
                            "closedAt", replied.plusDays(1).withHour(10)));
                }
                rows.add(r);
            }
        }
        write("hotline/" + town[0] + "-" + year + ".jsonl", rows, "/api/hotline/work-orders/imports?town=" + town[0],
                "DISTRICT_ADMIN");
    }

    // ---- service-hall-service: POST /api/service-hall/applications/imports?town= -------------------------------

    private void hall(String[] town, int year, double size) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (int m = 1; m <= 12; m++) {
            int count = (int) Math.round(3000 * size / 12 * (m == 2 ? 0.6 : 1.0) * (0.9 + 0.2 * random.nextDouble()));
            for (int i = 0; i < count; i++) {
                LocalDate day = workingDay(year, m);
                LocalDateTime accepted = day.atTime(9 + random.nextInt(8), random.nextInt(60));
                String[] matter = pick(MATTERS);
                int promised = Integer.parseInt(matter[3]);
                Map<String, Object> r = row("sourceId", "SH-" + town[0] + "-" + year + "-" + (++n), "matterCode", matter[0],
                        "matterName", matter[1], "department", matter[2], "promisedLimitDays", promised,
                        "legalLimitDays", Integer.parseInt(matter[4]), "channel", random.nextInt(4) == 0 ? "ONLINE" : "WINDOW",
                        "applicantName", name(), "acceptedAt", accepted);
                LocalDate done = CALENDAR.addWorkingDays(day, random.nextInt(30) == 0 ? promised + 2
                        : promised == 0 ? 0 : random.nextInt(promised + 1));
                // decided and completed after the acceptance, also for a matter done the same day
                LocalDateTime completed = done.equals(day) ? accepted.plusMinutes(40) : done.atTime(16, 30);
                LocalDateTime decided = done.equals(day) ? accepted.plusMinutes(20) : completed.minusHours(2);
                if (year == last() && done.isAfter(LocalDate.of(year, 12, 27))) {
                    r.put("status", "ACCEPTED");
                } else if (random.nextInt(50) == 0) {
                    r.putAll(row("status", "COMPLETED", "outcome", "REJECTED", "legalBasis", "《行政许可法》第三十八条",
                            "decidedAt", decided, "completedAt", completed));
                } else {
                    r.putAll(row("status", "DELIVERED", "outcome", "APPROVED", "decidedAt", decided,
                            "completedAt", completed, "deliveredAt", completed.plusHours(1), "deliveryMethod", "PICKUP"));
                }
                rows.add(r);
            }
        }
        write("service-hall/" + town[0] + "-" + year + ".jsonl", rows,
                "/api/service-hall/applications/imports?town=" + town[0], "DISTRICT_ADMIN");
    }

    // ---- fleet-service: vehicles and drivers first (POST one body per line), then trips -------------------------

    private int vehicles(String[] town) {
        return Math.max(4, (int) Math.round(6 * Double.parseDouble(town[3])));
    }

    private String plate(String[] town, int i) {
        return "粤X" + "ABCDEFGHJK".charAt(java.util.Arrays.asList(TOWNS).indexOf(town)) + String.format("%04d", 101 + i);
    }

    private void fleetRegister(String[] town) throws IOException {
        List<Map<String, Object>> vehicles = new ArrayList<>();
        List<Map<String, Object>> drivers = new ArrayList<>();
        for (int i = 0; i < vehicles(town); i++) {
            vehicles.add(row("town", town[0], "plate", plate(town, i),
                    "vehicleClass", i == 0 ? "CONFIDENTIAL_COMMUNICATION" : i == 1 ? "EMERGENCY_SUPPORT" : i == 2
                            ? "LAW_ENFORCEMENT" : "GENERAL_OFFICIAL",
                    "category", i < 3 ? "RESERVED" : "PLATFORM", "marked", i < 3, "seats", 5, "tankLitres", 55,
                    "fuelPer100kmNorm", 8.5, "odometerKm", 20_000 + 1_000 * i));
            drivers.add(row("town", town[0], "name", name(), "phone", "0757-2" + town[0].substring(6) + String.format("%04d", i),
                    "licenceNumber", "4406" + town[0].substring(6) + String.format("%08d", 1000 + i), "licenceClass", "C1",
                    "licenceExpiresOn", "2030-06-30"));
        }
        writeEach("fleet/vehicles-" + town[0] + ".jsonl", vehicles, "/api/fleet/vehicles", "DISTRICT_ADMIN");
        writeEach("fleet/drivers-" + town[0] + ".jsonl", drivers, "/api/fleet/drivers", "DISTRICT_ADMIN");
    }

    private final Map<String, Long> odometers = new LinkedHashMap<>();

    private void fleetTrips(String[] town, int year, double size) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        String[] destinations = {"区政府", "区行政服务中心", "各村（社区）", "区应急管理局", "市政府", "工业园区"};
        for (int v = 0; v < vehicles(town); v++) {
            String plate = plate(town, v);
            String licence = "4406" + town[0].substring(6) + String.format("%08d", 1000 + v);
            long odometer = odometers.getOrDefault(plate, 20_000L + 1_000L * v);
            double perDay = Math.min(0.9, 0.42 * size / Double.parseDouble(town[3]));
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (!CALENDAR.isWorkingDay(d) || random.nextDouble() > perDay) {
                    continue;
                }
                LocalDateTime departed = d.atTime(8 + random.nextInt(4), random.nextInt(60));
                LocalDateTime returned = departed.plusHours(1 + random.nextInt(5)).plusMinutes(random.nextInt(60));
                long km = 8 + random.nextInt(110);
                rows.add(row("sourceId", "FT-" + town[0] + "-" + year + "-" + (++n), "plate", plate, "driverLicence", licence,
                        "requesterName", name(), "department", pick(UNITS), "purpose", "公务出行：" + pick(destinations) + "开会",
                        "destination", pick(destinations), "passengerCount", 1 + random.nextInt(3), "status", "COMPLETED",
                        "plannedStart", departed.minusMinutes(15), "plannedEnd", returned.plusMinutes(15),
                        "departedAt", departed, "departureOdometerKm", odometer, "returnedAt", returned,
                        "returnOdometerKm", odometer + km, "route", "往返", "fuelLitres",
                        Math.round(km * 8.5) / 100.0, "tollsYuan", random.nextInt(4) == 0 ? 15 : 0,
                        "parkingYuan", random.nextInt(3) == 0 ? 10 : 0, "fuelPricePerLitre", year == 2018 ? 7.4 : 7.1));
                odometer += km;
            }
            odometers.put(plate, odometer);
        }
        write("fleet/trips-" + town[0] + "-" + year + ".jsonl", rows, "/api/fleet/trips/imports?town=" + town[0],
                "DISTRICT_ADMIN");
    }

    // ---- congress-service: POST /api/congress/suggestions/imports?town= ----------------------------------------

    private void congress(String[] town, int year, double size) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        String session = year % 2 == 1 ? "第十七届人大第七次会议" : "第十七届人大第五次会议";
        String[] topics = {"河涌整治", "学位供给", "村道硬底化", "停车难", "垃圾分类", "农贸市场升级", "公交线路优化", "工业园区改造"};
        int suggestions = (int) Math.round(35 * size);
        int proposals = (int) Math.round(10 * size);
        for (int i = 0; i < suggestions + proposals; i++) {
            boolean proposal = i >= suggestions;
            String kind = proposal ? "PROPOSAL" : i % 7 == 0 ? "MOTION" : "SUGGESTION";
            LocalDateTime submitted = LocalDate.of(year, 1, 8).plusDays(random.nextInt(60)).atTime(10, 0);
            LocalDateTime assigned = submitted.plusDays(5 + random.nextInt(10));
            LocalDateTime replied = assigned.plusDays(random.nextInt(12) == 0 ? 95 : 30 + random.nextInt(55));
            String topic = pick(topics);
            boolean solved = random.nextInt(4) != 0; // A 已解决 is closed; B 正在解决 stays tracked until solved
            Map<String, Object> r = row("sourceId", "CG-" + town[0] + "-" + year + "-" + i, "kind", kind,
                    "session", proposal ? "政协联络组" + year + "年度" : session, "title", "关于" + topic + "的" + (proposal ? "提案" : "建议"),
                    "content", "建议加快推进" + topic + "工作，回应群众关切。", "deputies", List.of(name(), name()),
                    "submittedAt", submitted, "status", solved ? "CLOSED" : "TRACKING", "registeredAt", submitted.plusDays(2),
                    "leadUnit", pick(UNITS), "assignedAt", assigned, "category", solved ? "A" : "B",
                    "reply", "已按建议落实，具体情况如下……", "repliedAt", replied,
                    "satisfaction", random.nextInt(8) == 0 ? "BASICALLY_SATISFIED" : "SATISFIED",
                    "feedbackAt", replied.plusDays(10));
            if (proposal) {
                r.put("proposerType", "JOINT");
            }
            rows.add(r);
        }
        write("congress/" + town[0] + "-" + year + ".jsonl", rows, "/api/congress/suggestions/imports?town=" + town[0],
                "DISTRICT_ADMIN");
    }

    // ---- document-service: incoming and outgoing -----------------------------------------------------------------

    private void incoming(String[] town, int year, double size) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        String[] senders = {"顺德区人民政府办公室", "中共顺德区委办公室", "顺德区发展和改革局", "顺德区应急管理局"};
        for (int m = 1; m <= 12; m++) {
            int oa = (int) Math.round(560 * size / 12 * SEASON[m - 1]);
            for (int i = 0; i < oa + 8; i++) {
                LocalDateTime received = workingDay(year, m).atTime(9 + random.nextInt(8), random.nextInt(60));
                String kind = i < oa ? "DOCUMENT" : i < oa + 3 ? "TELEGRAM" : i < oa + 6 ? "PETITION" : "DOCUMENT";
                Map<String, Object> r = row("sourceId", "IN-" + town[0] + "-" + year + "-" + (++n), "kind", kind,
                        "receivedAt", received, "documentType", "NOTICE");
                switch (kind) {
                    case "TELEGRAM" -> r.putAll(row("channel", "TELEGRAPH", "sender", "佛山市三防指挥部",
                            "title", "关于做好强降雨防御工作的明传电报", "urgency", "URGENT", "status", "REGISTERED"));
                    case "PETITION" -> r.putAll(row("channel", "FORWARDED", "sender", "顺德区纪委监委", "documentType", "LETTER",
                            "title", "群众来信一件", "status", "ARCHIVED", "leadDepartment", pick(UNITS),
                            "deadline", received.toLocalDate().plusDays(30), "completedAt", received.plusDays(12),
                            "result", "已核查处理并答复来信人。", "resultReportedAt", received.plusDays(14),
                            "archivedAt", received.plusDays(20)));
                    default -> {
                        if (i < oa) {
                            r.putAll(row("channel", "DISTRICT_OA", "sender", pick(senders), "originalNumber",
                                    "顺府办〔" + year + "〕" + (n + 1) + "号", "title", "关于做好有关工作的通知",
                                    "status", "ARCHIVED", "leadDepartment", "党政办", "completedAt", received.plusDays(5), "result", "已传阅落实。",
                                    "archivedAt", received.plusDays(10)));
                        } else {
                            r.putAll(row("channel", "CONFIDENTIAL_EXCHANGE", "sender", "中共顺德区委办公室",
                                    "originalNumber", "顺办〔" + year + "〕" + n + "号", "title", "关于某专项工作的通知",
                                    "secrecyLevel", "SECRET", "secrecyYears", 10, "copyNumber", String.format("%06d", n),
                                    "status", "COMPLETED", "leadDepartment", "党政办", "completedAt", received.plusDays(7),
                                    "result", "已按要求办理。"));
                        }
                    }
                }
                rows.add(r);
            }
        }
        write("documents/incoming-" + town[0] + "-" + year + ".jsonl", rows,
                "/api/documents/incoming/imports?town=" + town[0], "DISTRICT_ADMIN");
    }

    private void outgoing(String[] town, int year, double size) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        String p = town[2];
        String[][] issuers = {{p + "委发", "中共" + town[1] + "委员会", "NOTICE"}, {p + "委办发", "中共" + town[1] + "委员会办公室", "NOTICE"},
                {p + "府发", town[1] + "人民政府", "OPINION"}, {p + "府办发", town[1] + "人民政府办公室", "NOTICE"},
                {p + "府函", town[1] + "人民政府", "LETTER"}, {p + "人大发", town[1] + "人大", "DECISION"}};
        int[] weights = {3, 4, 5, 8, 4, 1};
        Map<String, Integer> sequence = new LinkedHashMap<>();
        List<LocalDateTime> times = new ArrayList<>();
        int total = (int) Math.round(300 * size);
        for (int i = 0; i < total; i++) {
            int m = 1 + random.nextInt(12);
            times.add(workingDay(year, m).atTime(9 + random.nextInt(8), random.nextInt(60)));
        }
        times.sort(null);
        int n = 0;
        for (LocalDateTime at : times) {
            boolean telegram = random.nextInt(12) == 0;
            String[] issuer = telegram ? new String[] {p + "府电", town[1] + "人民政府", "NOTICE"} : weighted(issuers, weights);
            int seq = sequence.merge(issuer[0], 1, Integer::sum);
            rows.add(row("sourceId", "OUT-" + town[0] + "-" + year + "-" + (++n), "kind", telegram ? "TELEGRAM" : "DOCUMENT",
                    "documentType", issuer[2], "urgency", telegram ? "EXTRA_URGENT" : "NORMAL",
                    "title", "关于" + pick(new String[] {"做好安全生产", "开展防汛", "推进乡村振兴", "优化营商环境", "加强作风建设"})
                            + "工作的" + (issuer[2].equals("LETTER") ? "函" : issuer[2].equals("OPINION") ? "意见" : "通知"),
                    "issuerName", issuer[1], "documentNumber", issuer[0] + "〔" + year + "〕" + seq + "号",
                    "mainRecipients", "各村（社区），镇属各单位", "signer", "主要领导", "signedAt", at.minusDays(1),
                    "distributedAt", at, "copies", 20 + random.nextInt(40), "status", "ARCHIVED", "archivedAt", at.plusDays(30)));
        }
        write("documents/outgoing-" + town[0] + "-" + year + ".jsonl", rows,
                "/api/documents/outgoing/imports?town=" + town[0], "DISTRICT_ADMIN");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Volume of a town in a year: its size factor × the scale, 8 % more each year. */
    double size(String[] town, int year) {
        return Double.parseDouble(town[3]) * scale * (1 + 0.08 * (year - years.get(0)));
    }

    int last() {
        return years.get(years.size() - 1);
    }

    LocalDate workingDay(int year, int month) {
        for (int tries = 0; tries < 60; tries++) {
            LocalDate d = LocalDate.of(year, month, 1 + random.nextInt(LocalDate.of(year, month, 1).lengthOfMonth()));
            if (CALENDAR.isWorkingDay(d)) {
                return d;
            }
        }
        LocalDate d = LocalDate.of(year, month, 1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    LocalDateTime anyTime(int year, int month, int fromHour, int toHour) {
        int day = 1 + random.nextInt(LocalDate.of(year, month, 1).lengthOfMonth());
        return LocalDateTime.of(year, month, day, fromHour + random.nextInt(toHour - fromHour), random.nextInt(60),
                random.nextInt(60));
    }

    String name() {
        return pick(SURNAMES) + pick(GIVEN) + (random.nextBoolean() ? pick(GIVEN) : "");
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    String[] weighted(String[][] values, int[] weights) {
        int total = java.util.Arrays.stream(weights).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            r.put((String) pairs[i], v instanceof LocalDateTime t ? LOCAL.format(t) : v instanceof LocalDate d ? d.toString() : v);
        }
        return r;
    }

    /** One import file (the whole file is one request; each service takes up to 20,000–50,000 rows per file). */
    private void write(String file, List<Map<String, Object>> rows, String path, String role) throws IOException {
        lines(file, rows);
        manifest.add(String.join("\t", "POST", path, "application/x-ndjson", role, file));
    }

    /** A file of request bodies: one POST per line. */
    void writeEach(String file, List<Map<String, Object>> rows, String path, String role) throws IOException {
        writeEach(file, rows, path, role, "POST-EACH-LINE");
    }

    /**
     * A file of request bodies, one POST per line; with {@code POST-EACH-LINE-ONCE} (records without a source id,
     * such as material handed out) the loader sends the file only while the town has no such record in the file's
     * year yet.
     */
    void writeEach(String file, List<Map<String, Object>> rows, String path, String role, String method)
            throws IOException {
        lines(file, rows);
        manifest.add(String.join("\t", method, path, "application/json", role, file));
    }

    /** One CSV import file (header row, RFC 4180 quoting), the whole file one request. */
    void writeCsv(String file, List<String> header, List<List<Object>> rows, String path, String role)
            throws IOException {
        Path target = out.resolve(file);
        Files.createDirectories(target.getParent());
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write(csvLine(header));
            for (List<Object> r : rows) {
                w.write(csvLine(r));
            }
        }
        manifest.add(String.join("\t", "POST", path, "text/csv", role, file));
    }

    private static String csvLine(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            String c = v == null ? "" : v instanceof LocalDateTime t ? LOCAL.format(t) : v.toString();
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            sb.append(i == 0 ? "" : ",").append(c);
        }
        return sb.append("\r\n").toString();
    }

    private void lines(String file, List<Map<String, Object>> rows) throws IOException {
        Path target = out.resolve(file);
        Files.createDirectories(target.getParent());
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (Map<String, Object> r : rows) {
                w.write(json.writeValueAsString(r));
                w.write('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
