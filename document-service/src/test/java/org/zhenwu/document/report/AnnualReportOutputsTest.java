package org.zhenwu.document.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhenwu.document.report.AnnualFiguresMatchTheServicesTest.figure;
import static org.zhenwu.document.report.AnnualFiguresMatchTheServicesTest.importFile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ApplicationCompleted;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** The printable page (rendered by headless Chromium) and the Word draft, over one town's year of activity. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportOutputsTest extends ApiTestSupport {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String TOWN = "440606003";
    static final int YEAR = 2016;

    @Autowired
    KafkaTemplate<String, String> kafka;

    JsonNode report;

    @BeforeAll
    void a_year_of_activity() throws Exception {
        String[] types = {"CONSULTATION", "COMPLAINT", "HELP", "REPORT", "SUGGESTION"};
        for (int y = YEAR - 1; y <= YEAR; y++) {
            int orders = y == YEAR ? 60 : 48;
            for (int i = 0; i < orders; i++) {
                UUID id = UUID.randomUUID();
                Instant at = LocalDateTime.of(y, 1 + i % 12, 1 + i % 27, 10, 0).atZone(BEIJING).toInstant();
                send(HotlineTopics.WORK_ORDER_EVENTS, id, WorkOrderCreated.TYPE, WorkOrderCreated.of(TOWN, id, "n" + id,
                        types[i % types.length], "PHONE", "城市管理", "NORMAL", LocalDate.ofInstant(at, BEIJING).plusDays(3), at));
            }
        }
        String[] departments = {"市场监管所", "人社分局", "自然资源所", "公安派出所"};
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            LocalDate on = LocalDate.of(YEAR, 1 + i % 12, 10);
            Instant at = on.atTime(9, 30).atZone(BEIJING).toInstant();
            send(ServiceHallTopics.APPLICATION_EVENTS, id, ApplicationAccepted.TYPE, ApplicationAccepted.of(TOWN, id, "a" + id,
                    UUID.randomUUID(), "M" + i % 4, "事项", departments[i % 4], "WINDOW", on, on.plusDays(5), 5, at));
            if (i % 10 != 0) {
                send(ServiceHallTopics.APPLICATION_EVENTS, id, ApplicationCompleted.TYPE, ApplicationCompleted.of(TOWN, id,
                        "a" + id, UUID.randomUUID(), "M" + i % 4, departments[i % 4], "APPROVED", on, on.plusDays(5),
                        on.plusDays(2), 2, true, at.plusSeconds(172_800)));
            }
        }
        for (int i = 0; i < 30; i++) {
            UUID id = UUID.randomUUID();
            Instant at = LocalDateTime.of(i < 18 ? YEAR : YEAR - 1, 1 + i % 12, 15, 8, 0).atZone(BEIJING).toInstant();
            send(FleetTopics.TRIP_EVENTS, id, TripCompleted.TYPE, TripCompleted.of(TOWN, id, UUID.randomUUID(), "粤X00001",
                    "GENERAL_OFFICIAL", "公务", "区政府", at, at.plusSeconds(3600), 30, new BigDecimal("3.0"),
                    new BigDecimal("45.50"), false, at.plusSeconds(4000)));
        }
        String code = "伦府" + unique() + "发";
        StringBuilder outgoing = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            outgoing.append(("{\"sourceId\":\"o%d%s\",\"kind\":\"DOCUMENT\",\"documentType\":\"NOTICE\",\"title\":\"通知%d\","
                    + "\"issuerName\":\"伦教街道办事处\",\"documentNumber\":\"%s〔%d〕%d号\",\"mainRecipients\":\"各社区\","
                    + "\"signer\":\"主任\",\"signedAt\":\"%d-0%d-01T09:00:00\",\"distributedAt\":\"%d-0%d-02T09:00:00\","
                    + "\"copies\":\"3\"}\n").formatted(i, code, i, code, YEAR, i, YEAR, i, YEAR, i));
        }
        ok(importFile(clerk(TOWN), "/api/documents/outgoing/imports?town=" + TOWN, outgoing.toString(),
                "application/x-ndjson"), 201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode r = ok(clerk(TOWN).get("/api/documents/reports/annual?year=" + YEAR));
            assertThat(figure(r, "hotline.workOrders").get("value").asLong()).isEqualTo(60);
            assertThat(figure(r, "hotline.workOrders").get("previousYear").asLong()).isEqualTo(48);
            assertThat(figure(r, "hall.accepted").get("value").asLong()).isEqualTo(40);
            assertThat(figure(r, "hall.completed").get("value").asLong()).isEqualTo(36);
            assertThat(figure(r, "fleet.trips").get("value").asLong()).isEqualTo(18);
            report = r;
        });
    }

    @Test
    void the_page_is_html_with_charts_at_its_own_address_and_for_browsers() {
        Api.Response page = clerk(TOWN).get("/api/documents/reports/annual.html?year=" + YEAR);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<svg", "伦教街道", "政务热线平台处理咨询投诉工单", "60 宗",
                "+25%", "提供法律意见书", "上报应急信息", "逐月", "同比变化", "按部门和类别", "市场监管所").doesNotContain("<script", "http://", "https://");
        Api.Response negotiated = clerk(TOWN).send(clerk(TOWN).request("/api/documents/reports/annual?year=" + YEAR)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
        assertThat(negotiated.contentType()).startsWith("text/html");
        assertThat(clerk(TOWN).get("/api/documents/reports/annual?year=" + YEAR).contentType()).startsWith("application/json");
        Api.Response district = district().get("/api/documents/reports/annual.html?year=" + YEAR);
        assertThat(district.body()).contains("全区", "各镇街行政服务受理量排名");
        assertThat(handler(TOWN, "城管办").get("/api/documents/reports/annual.html?year=" + YEAR).status()).isEqualTo(403);
    }

    @Test
    void headless_chromium_draws_the_page(@TempDir Path dir) throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no chromium binary installed (Debian package chromium)");
        Path html = dir.resolve("annual.html");
        Files.writeString(html, clerk(TOWN).get("/api/documents/reports/annual.html?year=" + YEAR).body(), UTF_8);
        Path png = dir.resolve("annual.png");
        List<String> command = new ArrayList<>(List.of(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=760,2400", "--screenshot=" + png, html.toUri().toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertThat(png).as(Files.exists(dir.resolve("chromium.log")) ? Files.readString(dir.resolve("chromium.log")) : "")
                .exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(500);
        long ink = 0;
        long barBlue = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (Math.abs(r - 0x1f) < 24 && Math.abs(g - 0x5f) < 24 && Math.abs(b - 0xa8) < 24) {
                    barBlue++;
                }
            }
        }
        assertThat(ink).as("text, table and charts drawn").isGreaterThan(20_000);
        assertThat(barBlue).as("this year's bars drawn").isGreaterThan(500);
        String keep = System.getProperty("zhenwu.screenshot.dir");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(png, Path.of(keep, "annual-report.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void the_word_draft_fills_the_figures_where_the_summary_has_xx() throws IOException {
        HttpResponse<String> raw = clerk(TOWN).get("/api/documents/reports/annual.docx?year=" + YEAR).raw();
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(raw.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        byte[] bytes;
        try {
            bytes = HttpClient.newHttpClient().send(clerk(TOWN).request("/api/documents/reports/annual.docx?year=" + YEAR)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        JsonNode hall = figure(report, "hall.completionRate");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains(YEAR + "年工作总结及" + (YEAR + 1) + "年工作计划")
                    .contains("印发镇委、政府、人大及其办公室文件、函件7份")
                    .contains("全年处理区政府OA平台文件0份")
                    .contains("发出明传电报0份")
                    .contains("行政服务中心业务量受理量共40宗，办结量共36宗，办结率" + hall.get("value").asString() + "%")
                    .contains("业务量在全区10个镇街位居第" + report.get("hallRank").get("rank").asInt() + "位")
                    .contains("政务热线平台共处理咨询投诉工单60宗，同比增加25%")
                    .contains("全年公务用车出车18车次，同比增加50%")
                    .contains("提供法律意见书" + value(report, "legal.opinions") + "件，代理案件"
                            + value(report, "legal.cases") + "件")
                    .contains("上报应急信息" + value(report, "emergency.reports") + "起，其中火灾事故"
                            + value(report, "emergency.fires") + "起")
                    .contains("开展了" + value(report, "research.visits") + "次调研活动")
                    .doesNotContain(AnnualReportDocx.NOT_YET)
                    .contains("【待填写：")
                    .doesNotContain("XX", "{");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().get(0).getRows()).hasSize(1 + report.get("figures").size());
        }
    }

    /** A count figure as the Word draft writes it. */
    private static String value(JsonNode report, String key) {
        return Long.toString(figure(report, key).get("value").asLong());
    }

    private static Optional<String> chromium() {
        String configured = System.getenv("CHROMIUM_BIN");
        if (configured != null && new File(configured).canExecute()) {
            return Optional.of(configured);
        }
        return Stream.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                .flatMap(name -> Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .map(d -> new File(d, name)))
                .filter(File::canExecute).map(File::getPath).findFirst();
    }

    private void send(String topic, UUID key, String type, IntegrationEvent event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(UTF_8));
        kafka.send(record).get();
    }
}
