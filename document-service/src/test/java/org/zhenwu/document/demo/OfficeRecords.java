package org.zhenwu.document.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One town's own registers of the office (issue #6) for the demo years, as the office would bring them in from its
 * old ledgers: 法律意见书 and 代理案件, the 合同 register with its legal reviews, 政务公开 items, the 档案 arranged
 * (each year the previous year's files), 应急信息 reports, drills and handbooks handed to the villages, 调研, and the
 * meetings (镇委会 about weekly, the 人代会 sessions, 政府常务会, work and video meetings). CSV files in each feature's
 * import format (see its {@code *Import} class), one per kind and town covering every year, so that a town's
 * register arrives in one request; the handbooks go one request per village (the endpoint has no import).
 *
 * <p>Volumes per year at scale 1 for a town of size 1.1 like the seed's (乐从镇), matching the seed's 2019 summary:
 * ~35 legal opinions, ~5 cases, ~44 contracts, ~2,100 disclosure items (most on the website and WeChat), ~620 文书
 * and ~120 婚姻 archive items, ~45 emergency reports (fires and production-safety accidents a few each, ~30 wage
 * disputes of which a quarter on real-estate projects, about one in twelve phoned in late), ~7 drills, ~22 research
 * visits and ~130 meetings. Everything scales with the town's size and {@code --scale} like the other generators.
 */
final class OfficeRecords {
    private static final String ROLE = "DISTRICT_ADMIN";
    private static final String[] VILLAGES = {"沙滘", "水藤", "大墩", "腾冲", "劳村", "荷村", "小布", "路州", "良教",
            "岳步", "杨滘", "新隆", "平步", "葛岸", "上华", "东平", "西华", "南村", "北村", "新村"};
    private static final String[][] OPINION_TOPICS = {
            {"LAND_ACQUISITION", "集体土地征收补偿方案的合法性", "补偿标准符合省、市规定，建议补充听证程序。"},
            {"CONTRACT", "合同解除及违约责任的法律风险", "可依约解除，建议先发催告函并保留送达证据。"},
            {"LABOUR", "镇属单位劳务派遣人员用工风险", "建议规范派遣协议，明确工伤及社保责任。"},
            {"PETITION", "信访事项答复口径", "事实清楚，建议依法答复并告知复查途径。"},
            {"ADMINISTRATIVE_ENFORCEMENT", "违法建设拆除决定的程序", "程序基本合法，建议补充催告及陈述申辩环节。"},
            {"OTHER", "村规民约修订的合法性", "个别条款与上位法不一致，建议修改后提交村民会议表决。"}};
    private static final int[] OPINION_WEIGHTS = {6, 9, 4, 5, 8, 3};
    private static final String[][] CONTRACT_KINDS = {{"PROCUREMENT", "办公设备采购合同"},
            {"CONSTRUCTION", "村道硬底化工程施工合同"}, {"SERVICE", "政府办公场所保洁服务合同"},
            {"SERVICE", "公务用车定点加油服务合同"}, {"LEASE", "镇属物业租赁合同"}, {"COOPERATION", "产业招商合作协议"},
            {"CONSTRUCTION", "河涌整治工程施工合同"}, {"SERVICE", "法律顾问服务合同"}, {"OTHER", "饭堂主副食品供应合同"}};
    private static final String[] COMPANIES = {"顺德区恒信建设工程有限公司", "佛山市明达物业管理有限公司",
            "广东粤通科技有限公司", "顺德区华联石油有限公司", "佛山市南粤律师事务所", "顺德区新兴食品供应有限公司",
            "佛山市城建园林工程有限公司", "顺德区创智投资发展有限公司"};
    private static final String[][] DISCLOSURE = {{"NOTICE", "关于%s的通知"}, {"NOTICE", "%s公告"},
            {"POLICY", "关于印发%s实施办法的通知"}, {"PLAN", "%s工作计划"}, {"BUDGET", "%s财政预算公开"},
            {"MAJOR_PROJECT", "%s项目进展情况"}, {"LIVELIHOOD", "%s民生实事办理情况"}, {"PERSONNEL", "%s人事任免公示"},
            {"ORGANISATION", "%s机构职能调整"}, {"OTHER", "%s工作动态"}};
    private static final int[] DISCLOSURE_WEIGHTS = {30, 14, 6, 5, 3, 8, 10, 4, 2, 18};
    private static final String[] SUBJECTS = {"安全生产大检查", "防汛防台风", "垃圾分类", "乡村振兴", "营商环境",
            "河涌整治", "村级工业园升级改造", "疫苗接种", "征兵", "森林防火", "扫黑除恶", "食品安全"};
    private static final String[][] CHANNELS = {{"WEBSITE;WECHAT", "55"}, {"WEBSITE", "25"}, {"WECHAT", "10"},
            {"WEBSITE;RADIO_TV", "4"}, {"PRESS", "3"}, {"NOTICE_BOARD", "3"}};
    private static final String[] RESEARCH_TOPICS = {"高质量发展", "城市形态重塑", "乡村振兴", "村级工业园升级改造",
            "民营企业发展", "农村生活污水治理", "学位供给", "养老服务", "营商环境", "河涌水质提升"};
    private static final String[] RESEARCH_METHODS = {"SYMPOSIUM", "SYMPOSIUM", "ON_SITE", "ON_SITE", "ON_SITE",
            "INTERVIEW", "QUESTIONNAIRE"};

    private final DemoDataFiles files;
    private final String[] town;
    private final String secretary;
    private final String mayor;
    private final List<String> villages = new ArrayList<>();
    private final List<String> members = new ArrayList<>();

    OfficeRecords(DemoDataFiles files, String[] town) {
        this.files = files;
        this.town = town;
        this.secretary = files.name();
        this.mayor = files.name();
        int index = Arrays.asList(DemoDataFiles.TOWNS).indexOf(town);
        int count = Math.max(4, (int) Math.round(12 * factor()));
        for (int i = 0; i < count; i++) {
            villages.add(VILLAGES[(index * 3 + i) % VILLAGES.length] + (i % 5 == 4 ? "社区" : "村"));
        }
        members.add(secretary);
        members.add(mayor);
        for (int i = 0; i < 7; i++) {
            members.add(files.name());
        }
    }

    void write() throws IOException {
        String code = town[0];
        String q = "?town=" + code;
        List<List<Object>> opinions = new ArrayList<>();
        List<List<Object>> cases = new ArrayList<>();
        List<List<Object>> contracts = new ArrayList<>();
        List<List<Object>> disclosure = new ArrayList<>();
        List<List<Object>> archives = new ArrayList<>();
        List<List<Object>> emergency = new ArrayList<>();
        List<List<Object>> drills = new ArrayList<>();
        List<List<Object>> research = new ArrayList<>();
        List<List<Object>> meetings = new ArrayList<>();
        for (int year : files.years) {
            double size = files.size(town, year);
            opinions(year, size, opinions);
            cases(year, size, cases);
            contracts(year, size, contracts);
            disclosure(year, size, disclosure);
            archives(year, size, archives);
            emergency(year, size, emergency);
            drills(year, size, drills);
            research(year, size, research);
            meetings(year, size, meetings);
        }
        files.writeCsv("office/legal-opinions-" + code + ".csv", List.of("sourceId", "subjectArea", "question",
                "opinion", "counsel", "issuedOn"), opinions, "/api/documents/legal/opinions/imports" + q, ROLE);
        files.writeCsv("office/legal-cases-" + code + ".csv", List.of("sourceId", "caseNumber", "court", "kind",
                "ourRole", "counterparty", "counsel", "cause", "registeredOn", "status", "judgedOn", "judgment",
                "outcome", "closedOn"), cases, "/api/documents/legal/cases/imports" + q, ROLE);
        files.writeCsv("office/contracts-" + code + ".csv", List.of("sourceId", "title", "type", "counterpartyName",
                "amount", "termStart", "termEnd", "signingUnit", "status", "signedOn", "reviewOutcome", "reviewer",
                "reviewedOn", "closedOn", "terminationReason"), contracts, "/api/documents/contracts/imports" + q,
                ROLE);
        files.writeCsv("office/disclosure-" + code + ".csv", List.of("sourceId", "title", "body", "category",
                "channels", "publishedAt"), disclosure, "/api/documents/disclosure/imports" + q, ROLE);
        files.writeCsv("office/archives-" + code + ".csv", List.of("sourceId", "year", "category", "retention",
                "itemNumber", "title", "kind", "documentNumber", "arrangedOn"), archives,
                "/api/documents/archives/imports" + q, ROLE);
        files.writeCsv("office/emergency-" + code + ".csv", List.of("sourceId", "category", "realEstateProject",
                "level", "title", "place", "occurredAt", "receivedAt", "deaths", "injuries", "missing", "description",
                "economicLossYuan", "phoneReportedAt", "writtenReportedAt", "closedAt", "closingSummary"), emergency,
                "/api/documents/emergency/imports" + q, ROLE);
        files.writeCsv("office/drills-" + code + ".csv", List.of("sourceId", "heldOn", "type", "place", "scenario",
                "participants", "evaluation"), drills, "/api/documents/preparedness/drills/imports" + q, ROLE);
        files.writeCsv("office/research-" + code + ".csv", List.of("sourceId", "topic", "leaders", "places", "method",
                "startDate", "endDate", "status", "findings", "report", "cancelReason"), research,
                "/api/documents/research/imports" + q, ROLE);
        files.writeCsv("office/meetings-" + code + ".csv", List.of("sourceId", "type", "title", "host", "startsAt",
                "endsAt", "place", "agenda", "attendees", "onLeave", "status", "cancelReason"), meetings,
                "/api/documents/meetings/imports" + q, ROLE);
        for (int year : files.years) {
            materials(year);
        }
    }

    // ---- 法制: 法律意见书, 代理案件, 合同 ------------------------------------------------------------------------

    private void opinions(int year, double size, List<List<Object>> out) {
        int n = atLeastOne(32 * size);
        for (int i = 1; i <= n; i++) {
            String[] topic = files.weighted(OPINION_TOPICS, OPINION_WEIGHTS);
            out.add(List.of(id("LO", year, i), topic[0], "关于" + topic[1] + "的咨询", topic[2], counsel(),
                    files.workingDay(year, 1 + files.random.nextInt(12))));
        }
    }

    private void cases(int year, double size, List<List<Object>> out) {
        int n = atLeastOne(4.5 * size);
        String[][] kinds = {{"ADMINISTRATIVE_LITIGATION", "顺德区人民法院", "行初", "DEFENDANT", "房屋征收补偿决定"},
                {"CIVIL_LITIGATION", "顺德区人民法院", "民初", "DEFENDANT", "建设工程施工合同纠纷"},
                {"ADMINISTRATIVE_RECONSIDERATION", "顺德区人民政府", "复", "RESPONDENT", "政府信息公开答复"},
                {"ARBITRATION", "顺德区劳动人事争议仲裁委员会", "仲", "RESPONDENT", "劳动报酬争议"}};
        for (int i = 1; i <= n; i++) {
            String[] k = kinds[files.random.nextInt(kinds.length)];
            LocalDate registered = files.workingDay(year, 1 + files.random.nextInt(11));
            String number = "（" + year + "）粤0606" + k[2] + (1000 + 37 * i + files.random.nextInt(37)) + "号";
            String status;
            LocalDate judgedOn = null;
            String judgment = null;
            String outcome = null;
            LocalDate closedOn = null;
            int r = files.random.nextInt(10);
            LocalDate later = registered.plusDays(60 + files.random.nextInt(120));
            boolean open = year == files.last() && later.getYear() > year;
            if (open || r == 0) {
                status = "IN_PROGRESS";
            } else if (r < 3) {
                status = "CLOSED";
                outcome = r == 1 ? "SETTLED" : "WITHDRAWN";
                closedOn = later;
            } else {
                judgedOn = later;
                judgment = r < 7 ? "驳回原告的诉讼请求。" : r < 9 ? "部分支持申请人的请求。" : "撤销被诉行政行为。";
                if (year == files.last() && r == 9) {
                    status = "JUDGED";
                } else {
                    status = "CLOSED";
                    outcome = r < 7 ? "WON" : r < 9 ? "PARTLY_WON" : "LOST";
                    closedOn = judgedOn.plusDays(20);
                }
            }
            out.add(Arrays.asList(id("LC", year, i), number, k[1], k[0], k[3],
                    files.random.nextBoolean() ? files.name() : files.pick(COMPANIES), counsel(), k[4], registered,
                    status, judgedOn, judgment, outcome, closedOn));
        }
    }

    private void contracts(int year, double size, List<List<Object>> out) {
        int n = atLeastOne(40 * size);
        LocalDate end = LocalDate.of(files.last(), 12, 31);
        for (int i = 1; i <= n; i++) {
            String[] kind = files.pick(CONTRACT_KINDS);
            LocalDate signed = files.workingDay(year, 1 + files.random.nextInt(12));
            LocalDate termStart = signed.plusDays(files.random.nextInt(15));
            LocalDate termEnd = termStart.plusMonths(3 + files.random.nextInt(22));
            BigDecimal amount = BigDecimal.valueOf(50_000 + files.random.nextInt(2_950_000))
                    .add(BigDecimal.valueOf(files.random.nextInt(100), 2)).setScale(2, RoundingMode.UNNECESSARY);
            // the contract system (and its legal review) came into use in April 2019; earlier ones mostly reviewed
            boolean reviewed = !signed.isBefore(LocalDate.of(2019, 4, 1)) || files.random.nextInt(10) < 7;
            String outcome = reviewed ? (files.random.nextInt(4) == 0 ? "APPROVED_WITH_CHANGES" : "APPROVED") : null;
            String status = termEnd.isBefore(end) ? "COMPLETED" : signed.isBefore(end.minusMonths(1))
                    ? "IN_PERFORMANCE" : "SIGNED";
            String reason = null;
            LocalDate closedOn = status.equals("COMPLETED") ? termEnd : null;
            if (files.random.nextInt(30) == 0) {
                status = "TERMINATED";
                closedOn = termStart.plusMonths(2);
                reason = "对方未按约履行，经协商一致解除。";
            }
            out.add(Arrays.asList(id("CT", year, i), town[1] + kind[1], kind[0], files.pick(COMPANIES),
                    amount.toPlainString(), termStart, termEnd, files.random.nextInt(3) == 0 ? "党政办"
                            : files.pick(new String[] {"城建办", "经发办", "农业办", "教育办", "环保办"}),
                    status, signed, outcome, reviewed ? counsel() : null,
                    reviewed ? signed.minusDays(2 + files.random.nextInt(8)) : null, closedOn, reason));
        }
    }

    // ---- 政务公开 and 档案 ---------------------------------------------------------------------------------------

    private void disclosure(int year, double size, List<List<Object>> out) {
        int n = (int) Math.round(1900 * size);
        for (int i = 1; i <= n; i++) {
            String[] kind = files.weighted(DISCLOSURE, DISCLOSURE_WEIGHTS);
            LocalDateTime at = files.workingDay(year, month()).atTime(9 + files.random.nextInt(9),
                    files.random.nextInt(60));
            String subject = files.pick(SUBJECTS);
            String channels = channels();
            out.add(Arrays.asList(id("GK", year, i), town[1] + String.format(kind[1], subject),
                    files.random.nextInt(3) == 0 ? null : "为做好" + subject + "工作，现将有关事项公开如下。", kind[0],
                    channels, at));
        }
    }

    /** Each year the office arranges the files of the year before (文书 by retention, 婚姻, 专题, 照片). */
    private void archives(int year, double size, List<List<Object>> out) {
        int of = year - 1;
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Object[][] plan = {{"DOCUMENTARY", 560.0}, {"MARRIAGE", 110.0}, {"THEMATIC", 15.0}, {"PHOTO", 25.0}};
        int n = 0;
        for (Object[] p : plan) {
            String category = (String) p[0];
            int count = atLeastOne((double) p[1] * size);
            for (int i = 0; i < count; i++) {
                String retention = switch (category) {
                    case "DOCUMENTARY" -> files.random.nextInt(10) < 2 ? "PERMANENT"
                            : files.random.nextInt(10) < 6 ? "Y30" : "Y10";
                    case "THEMATIC" -> "Y30";
                    default -> "PERMANENT";
                };
                int number = numbers.merge(category + retention, 1, Integer::sum);
                String title = switch (category) {
                    case "DOCUMENTARY" -> "关于" + files.pick(SUBJECTS) + "工作的通知";
                    case "MARRIAGE" -> of + "年婚姻登记档案";
                    case "THEMATIC" -> of + "年" + files.pick(SUBJECTS) + "专题材料";
                    default -> of + "年" + files.pick(SUBJECTS) + "活动照片";
                };
                LocalDate arranged = files.workingDay(year, 3 + files.random.nextInt(4));
                out.add(Arrays.asList(id("DA", year, ++n), of, category, retention, number, title,
                        category.equals("THEMATIC") ? "DOSSIER" : "DOCUMENT", category.equals("DOCUMENTARY")
                                ? town[2] + "府办发〔" + of + "〕" + n + "号" : null, arranged));
            }
        }
    }

    // ---- 应急: reports, drills, handbooks ------------------------------------------------------------------------

    private void emergency(int year, double size, List<List<Object>> out) {
        // category, count at size 1, month range, realEstate share (of 4), title
        Object[][] kinds = {{"FIRE", 4.0, 1, 12, "厂房火灾"}, {"PRODUCTION_SAFETY", 4.0, 1, 12, "工地高处坠落事故"},
                {"WAGE_DISPUTE", 28.0, 1, 12, "工人聚集讨薪"}, {"FLOOD", 2.0, 5, 9, "强降雨致内涝"},
                {"TRAFFIC", 3.0, 1, 12, "道路交通事故"}, {"TYPHOON", 1.0, 7, 10, "台风影响"}};
        int n = 0;
        for (Object[] k : kinds) {
            String category = (String) k[0];
            int count = atLeastOne((double) k[1] * size);
            for (int i = 0; i < count; i++) {
                int from = (int) k[2];
                int to = (int) k[3];
                LocalDateTime occurred = files.anyTime(year, from + files.random.nextInt(to - from + 1), 0, 24);
                LocalDateTime received = occurred.plusMinutes(10 + files.random.nextInt(30));
                boolean late = files.random.nextInt(12) == 0;
                LocalDateTime phone = received.plusMinutes(late ? 35 + files.random.nextInt(60)
                        : 5 + files.random.nextInt(20));
                LocalDateTime written = late ? phone.plusMinutes(20)
                        : received.plusMinutes(35 + files.random.nextInt(20));
                boolean realEstate = category.equals("WAGE_DISPUTE") && files.random.nextInt(4) == 0;
                String place = village();
                boolean fire = category.equals("FIRE");
                out.add(Arrays.asList(id("YJ", year, ++n), category, realEstate ? "true" : null, "GENERAL",
                        place + (realEstate ? "某楼盘项目" : "") + k[4], place, occurred, received, 0,
                        category.equals("PRODUCTION_SAFETY") || category.equals("TRAFFIC") ? 1 : 0, 0,
                        "接报后镇应急办即赶赴现场处置。", fire ? (5_000 + files.random.nextInt(200_000)) + ".00" : null,
                        phone, written, written.plusDays(1 + files.random.nextInt(5)), "已妥善处置，无次生事件。"));
            }
        }
    }

    private void drills(int year, double size, List<List<Object>> out) {
        String[][] kinds = {{"FLOOD_TYPHOON", "防汛防台风转移安置演练"}, {"FIRE", "消防疏散演练"},
                {"PRODUCTION_SAFETY", "危险化学品泄漏处置演练"}, {"GEOLOGICAL", "山体滑坡避险演练"},
                {"PUBLIC_HEALTH", "突发公共卫生事件处置演练"}, {"GENERAL", "综合应急演练"}};
        int n = atLeastOne(6 * size);
        for (int i = 1; i <= n; i++) {
            String[] k = kinds[(i - 1) % kinds.length];
            out.add(List.of(id("YL", year, i), files.workingDay(year, 3 + files.random.nextInt(9)), k[0],
                    village(), k[1], 30 + files.random.nextInt(270),
                    "演练组织有序，达到预期效果。"));
        }
    }

    /** 《应急宣传手册》 printed and handed to every village once a year, around the May disaster-prevention day. */
    private void materials(int year) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        double size = files.size(town, year) / factor();
        for (String village : villages) {
            rows.add(DemoDataFiles.row("town", town[0], "item", "《应急宣传手册》",
                    "quantity", Math.max(1, (int) Math.round((300 + files.random.nextInt(300)) * size)),
                    "recipient", village, "distributedOn", files.workingDay(year, 5), "note", "防灾减灾日宣传"));
        }
        files.writeEach("office/materials-" + town[0] + "-" + year + ".jsonl", rows,
                "/api/documents/preparedness/materials?town=" + town[0], ROLE, "POST-EACH-LINE-ONCE");
    }

    // ---- 调研 and 办会 -------------------------------------------------------------------------------------------

    private void research(int year, double size, List<List<Object>> out) {
        int n = atLeastOne(20 * size);
        for (int i = 1; i <= n; i++) {
            String topic = files.pick(RESEARCH_TOPICS);
            LocalDate start = files.workingDay(year, 1 + files.random.nextInt(12));
            int r = files.random.nextInt(20);
            String status = r == 0 ? "CANCELLED" : r < 4 ? "CONDUCTED" : "REPORTED";
            String leaders = files.random.nextBoolean() ? secretary : secretary + ";" + mayor;
            int first = files.random.nextInt(villages.size());
            String places = villages.get(first) + ";" + villages.get((first + 1) % villages.size());
            out.add(Arrays.asList(id("DY", year, i), "关于" + topic + "的调研", leaders, places,
                    files.pick(RESEARCH_METHODS), start, files.random.nextInt(3) == 0 ? start.plusDays(1) : null,
                    status, status.equals("CANCELLED") ? null : "听取村（社区）和企业意见，梳理问题清单。",
                    status.equals("REPORTED") ? "形成调研报告一份，提出对策建议。" : null,
                    status.equals("CANCELLED") ? "因防汛工作改期。" : null));
        }
    }

    private void meetings(int year, double size, List<List<Object>> out) {
        int[] n = {0};
        int sessions = year == 2019 ? 7 : 5;
        // 镇委会 about weekly; the 人代会's two sessions and the 党代会 once a year whatever the scale
        series(year, "PARTY_COMMITTEE", atLeastOne(44 * size), "镇委会", secretary, "镇委会议室", n, out);
        series(year, "GOVERNMENT_EXECUTIVE", atLeastOne(22 * size), "政府常务会议", mayor, "第一会议室", n, out);
        series(year, "WORK_MEETING", atLeastOne(27 * size), "工作会议", mayor, "镇政府礼堂", n, out);
        series(year, "VIDEO_CONFERENCE", atLeastOne(18 * size), "视频会议", mayor, "视频会议室", n, out);
        meeting(year, "PEOPLES_CONGRESS_SESSION", "镇第十七届人民代表大会第" + chinese(sessions) + "次会议",
                LocalDate.of(year, 1, 15), mayor, "镇政府礼堂", n, out);
        meeting(year, "PEOPLES_CONGRESS_SESSION", "镇第十七届人民代表大会第" + chinese(sessions + 1) + "次会议",
                LocalDate.of(year, 11, 20), mayor, "镇政府礼堂", n, out);
        meeting(year, "PARTY_CONGRESS", "镇第十五次代表大会第" + chinese(Math.floorMod(year - 2016, 5) + 1) + "次会议",
                LocalDate.of(year, 2, 26), secretary, "镇政府礼堂", n, out);
    }

    private void series(int year, String type, int count, String label, String host, String place, int[] n,
                        List<List<Object>> out) {
        for (int i = 0; i < count; i++) {
            LocalDate day = LocalDate.of(year, 1, 3).plusDays((long) i * 360 / count + files.random.nextInt(3));
            meeting(year, type, year + "年第" + (i + 1) + "次" + label, day, host, place, n, out);
        }
    }

    private void meeting(int year, String type, String title, LocalDate day, String host, String place, int[] n,
                         List<List<Object>> out) {
        while (!DemoDataFiles.CALENDAR.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        if (day.getYear() != year) {
            return;
        }
        LocalDateTime start = day.atTime(files.random.nextBoolean() ? 9 : 15, 0);
        String onLeave = files.random.nextInt(3) == 0
                ? members.get(2 + files.random.nextInt(members.size() - 2)) : null;
        boolean cancelled = !type.startsWith("PARTY") && !type.startsWith("PEOPLES") && files.random.nextInt(40) == 0;
        out.add(Arrays.asList(id("HY", year, ++n[0]), type, title, host, start,
                start.plusMinutes(60 + 30 * files.random.nextInt(4)), place,
                "传达学习上级会议精神;研究" + files.pick(SUBJECTS) + "工作;其他事项", String.join(";", members), onLeave,
                cancelled ? "CANCELLED" : "MINUTED", cancelled ? "因防汛工作改期。" : null));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String village() {
        return villages.get(files.random.nextInt(villages.size()));
    }

    private double factor() {
        return Double.parseDouble(town[3]);
    }

    private String id(String kind, int year, int n) {
        return kind + "-" + town[0] + "-" + year + "-" + n;
    }

    private String counsel() {
        return "法律顾问" + files.name();
    }

    private int month() {
        double total = Arrays.stream(DemoDataFiles.SEASON).sum();
        double r = files.random.nextDouble() * total;
        for (int m = 0; m < 12; m++) {
            r -= DemoDataFiles.SEASON[m];
            if (r < 0) {
                return m + 1;
            }
        }
        return 12;
    }

    private String channels() {
        int r = files.random.nextInt(100);
        for (String[] c : CHANNELS) {
            r -= Integer.parseInt(c[1]);
            if (r < 0) {
                return c[0];
            }
        }
        return CHANNELS[0][0];
    }

    private static int atLeastOne(double n) {
        return Math.max(1, (int) Math.round(n));
    }

    private static String chinese(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return n <= 10 ? digits[n] : "十" + digits[n - 10];
    }
}
