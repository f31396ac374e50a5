package org.zhenwu.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.contracts.document.v1.DocumentIssued;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.contracts.fleet.v1.VehicleRegistered;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderClosed;
import org.zhenwu.contracts.hotline.v1.WorkOrderDispatched;
import org.zhenwu.contracts.hotline.v1.WorkOrderEscalated;
import org.zhenwu.contracts.hotline.v1.WorkOrderReopened;
import org.zhenwu.contracts.hotline.v1.WorkOrderReplied;
import org.zhenwu.contracts.servicehall.v1.MatterPublished;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every contract record serializes to its golden file, and a consumer still reads it with an unknown field added. */
class GoldenJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final UUID ORDER = UUID.fromString("5f0c2a9e-8b7d-4e61-a3c2-1f9e8d7c6b5a");

    private static UUID id(String suffix) {
        return UUID.fromString("11111111-2222-4333-8444-5555555555" + suffix);
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("hotline/v1/WorkOrderCreated.json", new WorkOrderCreated(
                        UUID.fromString("0b7e2f4c-1a8d-4c3e-9f51-2d6a7c8e9b10"), 1, Instant.parse("2019-03-04T01:30:00Z"),
                        "440606104", UUID.fromString("5f0c2a9e-8b7d-4e61-a3c2-1f9e8d7c6b5a"), "440606104-20190304-00001",
                        "COMPLAINT", "PHONE", "城市管理/占道经营", "NORMAL", LocalDate.parse("2019-03-21"))),
                Arguments.of("hotline/v1/WorkOrderDispatched.json", new WorkOrderDispatched(
                        UUID.fromString("3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), 1, Instant.parse("2019-03-04T02:00:00Z"),
                        "440606104", UUID.fromString("5f0c2a9e-8b7d-4e61-a3c2-1f9e8d7c6b5a"), "城市管理办",
                        LocalDate.parse("2019-03-21"))),
                Arguments.of("hotline/v1/WorkOrderReplied.json", new WorkOrderReplied(id("01"),
                        1, Instant.parse("2019-03-08T06:00:00Z"), "440606104", ORDER, "城市管理办", true)),
                Arguments.of("hotline/v1/WorkOrderClosed.json", new WorkOrderClosed(id("02"),
                        1, Instant.parse("2019-03-11T02:00:00Z"), "440606104", ORDER, "COMPLAINT", "SATISFIED", true)),
                Arguments.of("hotline/v1/WorkOrderReopened.json", new WorkOrderReopened(id("03"),
                        1, Instant.parse("2019-03-11T02:00:00Z"), "440606104", ORDER, 1)),
                Arguments.of("hotline/v1/WorkOrderMerged.json", new org.zhenwu.contracts.hotline.v1.WorkOrderMerged(
                        id("06"), 1, Instant.parse("2019-03-05T03:00:00Z"), "440606104",
                        UUID.fromString("6a1d3b5f-9c8e-4f72-b4d3-2e0f9a8b7c6d"), ORDER, "COMPLAINT",
                        Instant.parse("2019-03-05T02:40:00Z"))),
                Arguments.of("servicehall/v1/ApplicationWithdrawn.json",
                        new org.zhenwu.contracts.servicehall.v1.ApplicationWithdrawn(id("16"), 1,
                                Instant.parse("2019-03-06T07:00:00Z"), "440606104",
                                UUID.fromString("8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"), "440606104-20190304-00001",
                                "社会事务办", LocalDate.parse("2019-03-04"), "申请人已迁出本镇，撤回申请")),
                Arguments.of("hotline/v1/WorkOrderEscalated.json", new WorkOrderEscalated(id("04"),
                        1, Instant.parse("2019-03-22T00:05:00Z"), "440606104", ORDER, "城市管理办",
                        "440606104-20190304-00001", LocalDate.parse("2019-03-21"))),
                Arguments.of("servicehall/v1/MatterPublished.json", new MatterPublished(
                        UUID.fromString("7a4e1c2b-3d5f-4a6b-8c9d-0e1f2a3b4c5d"), 1, Instant.parse("2019-03-01T02:00:00Z"),
                        "440606104", UUID.fromString("2b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e"), "LC-MZ-0012",
                        "城乡居民最低生活保障申请", "社会事务办", 30, 15, 0L, List.of("WINDOW", "ONLINE"),
                        List.of("居民身份证", "户口簿", "家庭收入证明"))),
                Arguments.of("fleet/v1/VehicleRegistered.json", new VehicleRegistered(
                        UUID.fromString("9c8b7a6d-5e4f-4321-8a9b-0c1d2e3f4a5b"), 1, Instant.parse("2019-01-07T01:00:00Z"),
                        "440606104", UUID.fromString("4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a"), "粤X12345",
                        "GENERAL_OFFICIAL", "PLATFORM", true, new BigDecimal("55"), new BigDecimal("8.5"), 48210L)),
                Arguments.of("congress/v1/SuggestionSubmitted.json", new org.zhenwu.contracts.congress.v1.SuggestionSubmitted(
                        id("31"), 1, Instant.parse("2019-01-10T02:00:00Z"), "440606104",
                        UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), "SUGGESTION", "第十七届人民代表大会第七次会议",
                        "关于加快乐从大道东延线建设的建议", Instant.parse("2019-01-09T08:30:00Z"))),
                Arguments.of("congress/v1/SuggestionAssigned.json", new SuggestionAssigned(
                        UUID.fromString("1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b"), 1, Instant.parse("2019-01-18T03:00:00Z"),
                        "440606104", UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), "第十七届人大第七次会议", 12,
                        "关于加快乐从大道东延线建设的建议", List.of("陈国强", "李秀英"), "规划建设办",
                        List.of("经济发展办", "财政办"), LocalDate.parse("2019-04-18"))),
                Arguments.of("document/v1/DocumentIssued.json", new DocumentIssued(
                        UUID.fromString("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d"), 1, Instant.parse("2019-03-12T07:30:00Z"),
                        "440606104", UUID.fromString("8e7d6c5b-4a39-4281-b7c6-d5e4f3a2b1c0"), "DOCUMENT", "NOTICE",
                        "乐府发〔2019〕12号", "乐府发", 2019, 12, "佛山市顺德区乐从镇人民政府", "NONE",
                        "关于做好2019年防汛工作的通知", "URGENT", 40)),
                Arguments.of("document/v1/SupervisionCompleted.json", new SupervisionCompleted(
                        UUID.fromString("3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e"), 1, Instant.parse("2019-04-10T08:00:00Z"),
                        "440606104", UUID.fromString("9f8e7d6c-5b4a-4392-a1b0-c9d8e7f6a5b4"), "congress.suggestion",
                        "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", "关于加快乐从大道东延线建设的建议", "规划建设办",
                        LocalDate.parse("2019-04-18"), LocalDate.parse("2019-04-10"), true,
                        "已完成东延线一期工程招标，二期列入2020年计划")),
                Arguments.of("servicehall/v1/ApplicationAccepted.json", new org.zhenwu.contracts.servicehall.v1.ApplicationAccepted(id("11"), 1,
                        Instant.parse("2019-03-04T01:30:00Z"), "440606104", UUID.fromString("8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"), "440606104-20190304-00001",
                        UUID.fromString("2b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e"), "LC-MZ-0012", "城乡居民最低生活保障申请", "社会事务办", "WINDOW",
                        LocalDate.parse("2019-03-04"), LocalDate.parse("2019-03-25"), 15)),
                Arguments.of("servicehall/v1/ApplicationCompleted.json", new org.zhenwu.contracts.servicehall.v1.ApplicationCompleted(id("12"), 1,
                        Instant.parse("2019-03-20T08:00:00Z"), "440606104", UUID.fromString("8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"), "440606104-20190304-00001",
                        UUID.fromString("2b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e"), "LC-MZ-0012", "社会事务办", "APPROVED", LocalDate.parse("2019-03-04"),
                        LocalDate.parse("2019-03-25"), LocalDate.parse("2019-03-20"), 12, true)),
                Arguments.of("servicehall/v1/ApplicationClockWarned.json", new org.zhenwu.contracts.servicehall.v1.ApplicationClockWarned(id("13"), 1,
                        Instant.parse("2019-03-26T00:05:00Z"), "440606104", UUID.fromString("8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"), "440606104-20190304-00001",
                        "LC-MZ-0012", "社会事务办", "RED", LocalDate.parse("2019-03-25"))),
                Arguments.of("servicehall/v1/ApplicationRated.json", new org.zhenwu.contracts.servicehall.v1.ApplicationRated(id("14"), 1,
                        Instant.parse("2019-03-21T02:00:00Z"), "440606104", UUID.fromString("8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"), "LC-MZ-0012", "社会事务办",
                        "DISSATISFIED", 2, true, true)),
                Arguments.of("congress/v1/SuggestionReplied.json", new org.zhenwu.contracts.congress.v1.SuggestionReplied(
                        UUID.fromString("2f3e4d5c-6b7a-4899-8a0b-1c2d3e4f5a01"), 1, Instant.parse("2019-04-10T08:00:00Z"),
                        "440606104", UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), "SUGGESTION",
                        "第十七届人大第七次会议", 12, "规划建设办", "B", "FIRST", 1, LocalDate.parse("2019-04-18"),
                        LocalDate.parse("2019-04-10"), true)),
                Arguments.of("congress/v1/SuggestionFeedbackGiven.json", new org.zhenwu.contracts.congress.v1.SuggestionFeedbackGiven(
                        UUID.fromString("2f3e4d5c-6b7a-4899-8a0b-1c2d3e4f5a02"), 1, Instant.parse("2019-04-20T02:00:00Z"),
                        "440606104", UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), 1, "B", "DISSATISFIED",
                        "REHANDLING", LocalDate.parse("2019-05-20"))),
                Arguments.of("congress/v1/SuggestionClosed.json", new org.zhenwu.contracts.congress.v1.SuggestionClosed(
                        UUID.fromString("2f3e4d5c-6b7a-4899-8a0b-1c2d3e4f5a03"), 1, Instant.parse("2019-05-28T02:00:00Z"),
                        "440606104", UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), "SUGGESTION",
                        "第十七届人大第七次会议", 12, "规划建设办", "A", "SATISFIED", true, 2)),
                Arguments.of("congress/v1/SuggestionEscalated.json", new org.zhenwu.contracts.congress.v1.SuggestionEscalated(
                        UUID.fromString("2f3e4d5c-6b7a-4899-8a0b-1c2d3e4f5a04"), 1, Instant.parse("2019-04-19T00:05:00Z"),
                        "440606104", UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), "第十七届人大第七次会议", 12,
                        "关于加快乐从大道东延线建设的建议", "REPLY", "规划建设办", LocalDate.parse("2019-04-18"))),
                Arguments.of("congress/v1/SuggestionExtended.json", new org.zhenwu.contracts.congress.v1.SuggestionExtended(
                        UUID.fromString("2f3e4d5c-6b7a-4899-8a0b-1c2d3e4f5a05"), 1, Instant.parse("2019-04-08T02:00:00Z"),
                        "440606104", UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), "规划建设办",
                        LocalDate.parse("2019-04-18"), LocalDate.parse("2019-07-18"), "涉及跨区道路规划调整，案情复杂",
                        LocalDate.parse("2019-04-08"))),
                Arguments.of("congress/v1/SuggestionsMerged.json", new org.zhenwu.contracts.congress.v1.SuggestionsMerged(
                        UUID.fromString("2f3e4d5c-6b7a-4899-8a0b-1c2d3e4f5a07"), 1, Instant.parse("2019-01-17T03:00:00Z"),
                        "440606104", UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), "SUGGESTION",
                        "第十七届人大第七次会议", 12, List.of(UUID.fromString("7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d5e"),
                                UUID.fromString("8c7d6e5f-4a3b-4c2d-9e0f-1a2b3c4d5e6f")), List.of(15, 21), null)),
                Arguments.of("congress/v1/BudgetDeviationFlagged.json", new org.zhenwu.contracts.congress.v1.BudgetDeviationFlagged(
                        UUID.fromString("2f3e4d5c-6b7a-4899-8a0b-1c2d3e4f5a08"), 1, Instant.parse("2019-07-10T02:00:00Z"),
                        "440606104", UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), 2019, 6, "2120399",
                        "农村道路维修", "规划建设办", "UNDER_EXECUTION", new BigDecimal("3000000"),
                        new BigDecimal("450000.5"), new BigDecimal("15.0"))),
                Arguments.of("fleet/v1/TripApproved.json", new org.zhenwu.contracts.fleet.v1.TripApproved(id("21"), 1,
                        Instant.parse("2019-10-08T01:00:00Z"), "440606104", UUID.fromString("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928"),
                        "clerk-lc", "到区政务中心报送年度材料", "顺德区行政服务中心", Instant.parse("2019-10-09T01:00:00Z"),
                        Instant.parse("2019-10-09T05:00:00Z"), false, "manager-lc")),
                Arguments.of("fleet/v1/TripDispatched.json", new org.zhenwu.contracts.fleet.v1.TripDispatched(id("22"), 1,
                        Instant.parse("2019-10-08T02:00:00Z"), "440606104", UUID.fromString("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928"),
                        UUID.fromString("4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a"), "粤X12345",
                        UUID.fromString("5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b"), "陈建华", Instant.parse("2019-10-09T01:00:00Z"),
                        Instant.parse("2019-10-09T05:00:00Z"))),
                Arguments.of("fleet/v1/TripCompleted.json", new org.zhenwu.contracts.fleet.v1.TripCompleted(id("23"), 1,
                        Instant.parse("2019-10-09T07:00:00Z"), "440606104", UUID.fromString("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928"),
                        UUID.fromString("4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a"), "粤X12345", "GENERAL_OFFICIAL",
                        "到区政务中心报送年度材料", "顺德区行政服务中心", Instant.parse("2019-10-09T01:05:00Z"),
                        Instant.parse("2019-10-09T04:40:00Z"), 36L, new java.math.BigDecimal("3.06"),
                        new java.math.BigDecimal("45.95"), false)),
                Arguments.of("fleet/v1/AlertRaised.json", new org.zhenwu.contracts.fleet.v1.AlertRaised(id("24"), 1,
                        Instant.parse("2019-10-10T02:00:00Z"), "440606104", UUID.fromString("8d7c6b5a-4938-4271-a0f9-8e7d6c5b4a39"),
                        "OVER_TANK", UUID.fromString("4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a"), null, null,
                        "加油 68.0 升, 超过油箱容量 55.0 升")),
                // ---- document-service: meetings and research visits (issue #6) ----
                Arguments.of("document/v1/MeetingTransportRequested.json",
                        new org.zhenwu.contracts.document.v1.MeetingTransportRequested(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f"), 1, Instant.parse("2019-05-06T02:00:00Z"),
                        "440606104", UUID.fromString("5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f80"), "2019年防汛工作现场会",
                        "WORK_MEETING", "镇政府大院", "荷村防洪堤", Instant.parse("2019-05-08T01:00:00Z"),
                        Instant.parse("2019-05-08T04:00:00Z"), List.of("李明", "陈华"), 4, "王芳", "0757-28880000")),
                Arguments.of("document/v1/MeetingCancelled.json", new org.zhenwu.contracts.document.v1.MeetingCancelled(
                        UUID.fromString("6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8091"), 1, Instant.parse("2019-05-07T08:30:00Z"),
                        "440606104", UUID.fromString("5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f80"), "2019年防汛工作现场会",
                        "台风预警，改为视频会议", true)),
                Arguments.of("document/v1/ResearchVisitReported.json",
                        new org.zhenwu.contracts.document.v1.ResearchVisitReported(
                        UUID.fromString("7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8091a2"), 1, Instant.parse("2019-06-20T07:00:00Z"),
                        "440606104", UUID.fromString("8a9b0c1d-2e3f-4a4b-9c5d-6e7f8091a2b3"), "家具产业转型升级情况调研",
                        "SYMPOSIUM", List.of("张伟"), LocalDate.parse("2019-06-11"), LocalDate.parse("2019-06-12"),
                        List.of("乐从家具城", "罗沙村"), List.of(UUID.fromString("9b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4")))),
                // ---- document-service: contracts and legal affairs (issue #6) ----
                Arguments.of("document/v1/ContractReviewed.json", new org.zhenwu.contracts.document.v1.ContractReviewed(
                        UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), 1,
                        Instant.parse("2019-04-15T07:20:00Z"),
                        "440606104", UUID.fromString("c0a1b2c3-d4e5-4f60-8172-839405a6b7c8"), "合同〔2019〕12号",
                        "乐从镇河滨路路灯改造工程施工合同", "规划建设办", 2, "司法所 何律师", "APPROVED_WITH_CHANGES",
                        LocalDate.parse("2019-04-15"))),
                Arguments.of("document/v1/ContractSigned.json", new org.zhenwu.contracts.document.v1.ContractSigned(
                        UUID.fromString("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"), 1,
                        Instant.parse("2019-04-22T02:00:00Z"),
                        "440606104", UUID.fromString("c0a1b2c3-d4e5-4f60-8172-839405a6b7c8"), "合同〔2019〕12号",
                        "乐从镇河滨路路灯改造工程施工合同", "CONSTRUCTION", "佛山市顺德区明辉照明工程有限公司",
                        "91440606MA4UQ12342", 128_650_050L, LocalDate.parse("2019-05-01"),
                        LocalDate.parse("2019-12-31"),
                        "规划建设办", LocalDate.parse("2019-04-22"), "APPROVED_WITH_CHANGES")),
                Arguments.of("document/v1/ContractExpiring.json", new org.zhenwu.contracts.document.v1.ContractExpiring(
                        UUID.fromString("2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"), 1,
                        Instant.parse("2019-12-01T00:05:00Z"),
                        "440606104", UUID.fromString("c0a1b2c3-d4e5-4f60-8172-839405a6b7c8"), "合同〔2019〕12号",
                        "乐从镇河滨路路灯改造工程施工合同", "规划建设办", "佛山市顺德区明辉照明工程有限公司",
                        LocalDate.parse("2019-12-31"), 30)),
                Arguments.of("document/v1/ContractClosed.json", new org.zhenwu.contracts.document.v1.ContractClosed(
                        UUID.fromString("3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a"), 1,
                        Instant.parse("2019-11-08T08:30:00Z"),
                        "440606104", UUID.fromString("d1b2c3d4-e5f6-4071-8283-94a5b6c7d8e9"), "合同〔2019〕7号",
                        "镇政府食堂食材采购合同", "党政办", "TERMINATED", LocalDate.parse("2019-11-08"),
                        "供应商多次供货不合格，双方协商解除")),
                Arguments.of("document/v1/LegalityReviewConcluded.json",
                        new org.zhenwu.contracts.document.v1.LegalityReviewConcluded(
                        UUID.fromString("4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8b"), 1,
                        Instant.parse("2019-06-12T06:00:00Z"),
                        "440606104", UUID.fromString("e2c3d4e5-f6a7-4182-9394-a5b6c7d8e9f0"),
                        "乐从镇鼓励企业开拓市场专项资金管理办法", "经济发展办",
                        UUID.fromString("f3d4e5f6-a7b8-4293-a4a5-b6c7d8e9f0a1"), "司法所 何律师", "LEGAL_WITH_CHANGES",
                        LocalDate.parse("2019-06-12"))),
                Arguments.of("document/v1/LegalOpinionIssued.json",
                        new org.zhenwu.contracts.document.v1.LegalOpinionIssued(
                        UUID.fromString("5f6a7b8c-9d0e-4f1a-9b2c-4d5e6f7a8b9c"), 1,
                        Instant.parse("2019-09-03T03:00:00Z"),
                        "440606104", UUID.fromString("a4e5f6a7-b8c9-43a4-b5b6-c7d8e9f0a1b2"), "法律意见书〔2019〕35号",
                        "LAND_ACQUISITION", "广东某律师事务所 何律师", LocalDate.parse("2019-09-03"))),
                Arguments.of("document/v1/LegalCaseClosed.json", new org.zhenwu.contracts.document.v1.LegalCaseClosed(
                        UUID.fromString("6a7b8c9d-0e1f-4a2b-8c3d-5e6f7a8b9c0d"), 1,
                        Instant.parse("2019-10-18T07:00:00Z"),
                        "440606104", UUID.fromString("b5f6a7b8-c9d0-44b5-86c7-d8e9f0a1b2c3"), "（2019）粤0606行初123号",
                        "ADMINISTRATIVE_LITIGATION", "DEFENDANT", "佛山市顺德区人民法院", "WON",
                        LocalDate.parse("2019-10-18"))),
                // ---- document-service: disclosure and archives (issue #6) ----
                Arguments.of("document/v1/DisclosurePublished.json", new org.zhenwu.contracts.document.v1.DisclosurePublished(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e01"), 1, Instant.parse("2019-06-03T02:00:00Z"),
                        "440606104", UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01"), "乐从镇2019年民生实事项目进展情况",
                        "LIVELIHOOD", List.of("WEBSITE", "WECHAT"))),
                Arguments.of("document/v1/DisclosureWithdrawn.json", new org.zhenwu.contracts.document.v1.DisclosureWithdrawn(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e02"), 1, Instant.parse("2019-06-05T03:00:00Z"),
                        "440606104", UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01"), "乐从镇2019年民生实事项目进展情况",
                        "数据有误，更正后重新发布")),
                Arguments.of("document/v1/ItemArchived.json", new org.zhenwu.contracts.document.v1.ItemArchived(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e03"), 1, Instant.parse("2019-03-15T06:00:00Z"),
                        "440606104", UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d02"), "440606104-2018-WS-Y30-0001",
                        2018, "DOCUMENTARY", "Y30", 1, "DOCUMENT", UUID.fromString("8e7d6c5b-4a39-4281-b7c6-d5e4f3a2b1c0"))),
                Arguments.of("document/v1/ArchiveBatchArranged.json", new org.zhenwu.contracts.document.v1.ArchiveBatchArranged(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e04"), 1, Instant.parse("2019-03-20T07:00:00Z"),
                        "440606104", UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e03"), 2018, "DOCUMENTARY", 312, List.of(
                                new org.zhenwu.contracts.document.v1.ArchiveBatchArranged.NumberRange("PERMANENT", 1, 40),
                                new org.zhenwu.contracts.document.v1.ArchiveBatchArranged.NumberRange("Y30", 2, 151),
                                new org.zhenwu.contracts.document.v1.ArchiveBatchArranged.NumberRange("Y10", 1, 123)))),
                Arguments.of("document/v1/ItemsDestroyed.json", new org.zhenwu.contracts.document.v1.ItemsDestroyed(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e05"), 1, Instant.parse("2019-11-28T08:00:00Z"),
                        "440606104", UUID.fromString("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f04"), "leader-he", "clerk-lc", List.of(
                                new org.zhenwu.contracts.document.v1.ItemsDestroyed.Item(
                                        UUID.fromString("e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a05"), "440606104-2008-WS-Y10-0001"),
                                new org.zhenwu.contracts.document.v1.ItemsDestroyed.Item(
                                        UUID.fromString("f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b06"), "440606104-2008-WS-Y10-0002")))),
                // ---- document-service: emergency information and preparedness (issue #6) ----
                Arguments.of("document/v1/EmergencyReported.json",
                        new org.zhenwu.contracts.document.v1.EmergencyReported(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e01"), 1,
                        Instant.parse("2019-07-02T06:20:00Z"), "440606104",
                        UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01"), "WAGE_DISPUTE", true,
                        "GENERAL", "某楼盘项目工人聚集讨薪", "良教村", Instant.parse("2019-07-02T05:40:00Z"),
                        Instant.parse("2019-07-02T06:05:00Z"), 0, 0, 0, Instant.parse("2019-07-02T06:35:00Z"),
                        Instant.parse("2019-07-02T07:05:00Z"))),
                Arguments.of("document/v1/EmergencyReportOverdue.json",
                        new org.zhenwu.contracts.document.v1.EmergencyReportOverdue(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e02"), 1,
                        Instant.parse("2019-07-02T06:36:00Z"), "440606104",
                        UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01"), "WAGE_DISPUTE", true,
                        "GENERAL", "某楼盘项目工人聚集讨薪", "PHONE", Instant.parse("2019-07-02T06:05:00Z"),
                        Instant.parse("2019-07-02T06:35:00Z"))),
                Arguments.of("document/v1/EmergencyReportClosed.json",
                        new org.zhenwu.contracts.document.v1.EmergencyReportClosed(
                        UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e03"), 1,
                        Instant.parse("2019-07-05T02:00:00Z"), "440606104",
                        UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01"), "WAGE_DISPUTE", true,
                        "GENERAL", Instant.parse("2019-07-02T05:40:00Z"), Instant.parse("2019-07-02T06:05:00Z"),
                        Instant.parse("2019-07-02T06:50:00Z"), Instant.parse("2019-07-02T07:00:00Z"), true, 15,
                        false, 0, 2, 0, 1, 0, new BigDecimal("12000.5"), Instant.parse("2019-07-05T01:30:00Z"))),
                // (the entry below stays last: insert entries, each ending with a comma, under a marker above)
                Arguments.of("congress/v1/LivelihoodVoteTallied.json", new org.zhenwu.contracts.congress.v1.LivelihoodVoteTallied(
                        UUID.fromString("2f3e4d5c-6b7a-4899-8a0b-1c2d3e4f5a06"), 1, Instant.parse("2019-01-11T07:30:00Z"),
                        "440606104", UUID.fromString("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928"),
                        UUID.fromString("8d7c6b5a-4938-4271-8a9f-8e7d6c5b4a39"), "第十七届人民代表大会第七次会议",
                        "2019年乐从镇民生实事项目票决", 2, 60, 52, 52, 31, List.of(
                                new org.zhenwu.contracts.congress.v1.LivelihoodVoteTallied.Result(
                                        UUID.fromString("9e8d7c6b-5a49-4382-9b0a-9f8e7d6c5b4a"), "河滨路路灯改造", 48, 1, "ELECTED"),
                                new org.zhenwu.contracts.congress.v1.LivelihoodVoteTallied.Result(
                                        UUID.fromString("af9e8d7c-6b5a-4493-8c1b-0a9f8e7d6c5b"), "乐从小学人行过街设施", 40, 2, "ELECTED"),
                                new org.zhenwu.contracts.congress.v1.LivelihoodVoteTallied.Result(
                                        UUID.fromString("b0af9e8d-7c6b-45a4-9d2c-1b0a9f8e7d6c"), "长者饭堂", 20, 3, "NOT_ELECTED")),
                        "5d41402abc4b2a76b9719d911017c592aa1b2c3d4e5f60718293a4b5c6d7e8f9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void the_record_serializes_to_its_golden_json(String golden, IntegrationEvent event) throws IOException {
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(read(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void a_consumer_reads_the_golden_json_even_with_an_unknown_field(String golden, IntegrationEvent event) throws IOException {
        ObjectNode tree = (ObjectNode) read(golden);
        tree.put("addedInALaterMinorVersion", "ignored");
        assertThat(JSON.treeToValue(tree, event.getClass())).isEqualTo(event);
    }

    private static JsonNode read(String golden) throws IOException {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + golden)) {
            assertThat(in).as(golden).isNotNull();
            return JSON.readTree(in);
        }
    }
}
