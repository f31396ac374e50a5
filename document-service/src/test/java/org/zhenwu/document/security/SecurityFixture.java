package org.zhenwu.document.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.AuthorizationMatrix;
import org.zhenwu.platform.test.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records, bodies and callers the security tests of document-service share (see {@link AuthorizationMatrix}).
 * The fixture's records are made by the town's office as the matrix's own OFFICE_CLERK (so the clerk has acted on
 * them: a need to know for the classified ones) and name the matrix's DEPARTMENT_HANDLER's department (经发办) where
 * a record has a responsible department: 主办 of the 收文, owner of the 督办, signing unit of the contract, drafting
 * unit of the legality review.
 */
final class SecurityFixture {
    static final String TOWN = "440606100";
    static final String OTHER_TOWN = "440606101";
    static final String DEPT = "司法所";
    static final String D = "/api/documents";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** A credit code with a valid GB 32100-2015 check character (the contract tests' counterparty). */
    static final String CREDIT_CODE = "91440606MA4UQ12342";
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final AtomicInteger SLOTS = new AtomicInteger(400);
    private final Map<String, String> attachments = new ConcurrentHashMap<>();
    private final Map<String, String> attendees = new ConcurrentHashMap<>();
    private final Map<String, String> milestones = new ConcurrentHashMap<>();
    private final Map<String, String> copyRequests = new ConcurrentHashMap<>();

    private final int port;
    private final JsonMapper json;
    private final JdbcClient jdbc;

    SecurityFixture(int port, JsonMapper json, JdbcClient jdbc) {
        this.port = port;
        this.json = json;
        this.jdbc = jdbc;
    }

    static LocalDate today() {
        return LocalDate.now(BEIJING);
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + UNIQUE.incrementAndGet();
    }

    AuthorizationMatrix matrix() {
        String o = D + "/outgoing";
        String i = D + "/incoming";
        String s = D + "/supervision";
        String m = D + "/meetings";
        String r = D + "/research";
        String k = D + "/contracts";
        String l = D + "/legal";
        String p = D + "/disclosure";
        String a = D + "/archives";
        String e = D + "/emergency";
        String y = D + "/preparedness";
        return AuthorizationMatrix.of(port, json)
                .table("/security/authorization-matrix.csv")
                .towns(TOWN, OTHER_TOWN)
                .paths(D, "/public/documents")
                .publicPaths("/public/documents")
                .department("DEPARTMENT_HANDLER", DEPT)
                .department("OFFICE_CLERK", "党政办")
                .department("TOWN_LEADER", "镇领导")
                .clearance("OFFICE_CLERK", "CONFIDENTIAL")
                .clearance("TOWN_LEADER", "TOP_SECRET")
                .record("year", town -> "2019")
                .record("uid", town -> unique())
                .record("seq", town -> String.valueOf(1000 + UNIQUE.incrementAndGet()))
                .record("today", town -> today().toString())
                .record("fileName", town -> "a.txt")
                // 发文 and 收文
                .record("outgoing.id", this::outgoing)
                .record("GET " + o + "/{id}/attachments/{attachmentId}:id", town -> outgoingWithFile(town))
                .record("DELETE " + o + "/{id}/attachments/{attachmentId}:id", town -> outgoingWithFile(town))
                .record("GET " + o + "/{id}/attachments/{attachmentId}:attachmentId", attachments::get)
                .record("DELETE " + o + "/{id}/attachments/{attachmentId}:attachmentId", attachments::get)
                .record("issuerCode", town -> "陈府发")
                .record("incoming.id", this::incoming)
                .record("GET " + i + "/{id}/attachments/{attachmentId}:id", town -> incomingWithFile(town, "NONE"))
                .record("GET " + i + "/{id}/attachments/{attachmentId}:attachmentId", attachments::get)
                .record("POST " + i + "/{id}/acceptance:id", town -> instructed(town, DEPT, "[]"))
                .record("POST " + i + "/{id}/decline:id", town -> instructed(town, DEPT, "[]"))
                .record("POST " + i + "/{id}/co-view:id", town -> instructed(town, "经发办", "[\"" + DEPT + "\"]"))
                .record("POST " + i + "/{id}/completion:id", town -> handling(town))
                .record("copies.copyNo", town -> "1")
                .record("externalId", town -> oaDocument(town))
                .record("oa.externalId", town -> oaDocument(town))
                // 密件
                .record("documents.id", town -> classified(town, "CONFIDENTIAL"))
                .record("GET " + D + "/{id}/attachments/{attachmentId}/export:id", this::copyable)
                .record("copyRequest", copyRequests::get)
                .record("GET " + D + "/{id}/attachments/{attachmentId}/export:attachmentId", attachments::get)
                .record("POST " + D + "/{id}/destruction-requests:id", town -> archivedClassified(town))
                .record("copy-requests.requestId", this::copyRequest)
                .record("destruction-requests.requestId", this::destructionRequest)
                // 督办
                .record("supervision.id", this::task)
                .record("GET " + s + "/{id}/evidence-files/{attachmentId}:id", this::taskWithFile)
                .record("GET " + s + "/{id}/evidence-files/{attachmentId}:attachmentId", attachments::get)
                // 办会, 调研
                .record("roomId", this::room)
                .record("meetings.id", this::meeting)
                .record("attendees.attendeeId", attendees::get)
                .record("research.id", this::research)
                .record("GET " + r + "/{id}/report-files/{attachmentId}:id", this::researchWithFile)
                .record("GET " + r + "/{id}/report-files/{attachmentId}:attachmentId", attachments::get)
                // 合同, 法制
                .record("contracts.id", this::contract)
                .record("POST " + k + "/{id}/milestones/{milestoneId}/completion:id", this::performingContract)
                .record("milestones.milestoneId", milestones::get)
                .record("GET " + k + "/{id}/files/{attachmentId}:id", this::contractWithFile)
                .record("GET " + k + "/{id}/files/{attachmentId}:attachmentId", attachments::get)
                .record("reviews.id", this::legalityReview)
                .record("opinions.id", this::legalOpinion)
                .record("cases.id", this::legalCase)
                // 政务公开, 档案
                .record("disclosure.id", this::disclosure)
                .record("GET /public/documents/disclosure/{id}:id", this::published)
                .record("archives.id", this::dossier)
                .record("loans.loanId", this::loan)
                .record("destructions.id", this::archiveDestruction)
                .record("expiredItem", this::expiredArchiveItem)
                .record("finishedDocument", this::finishedIncoming)
                // 应急
                .record("emergency.id", this::emergency)
                .record("plans.id", this::plan)
                .record("drills.id", this::drill)
                // bodies
                .body("POST " + o, draft("${town}"))
                .body("PUT " + o + "/{id}/elements", "{\"elements\":" + elements() + "}")
                .body("POST " + o + "/{id}/check", "{\"signer\":\"town_leader-${town}\"}")
                .body("POST " + o + "/{id}/countersignature", "{\"agree\":true}")
                .body("POST " + o + "/{id}/printing",
                        "{\"copies\":10,\"printingOrgan\":\"陈村镇党政办\",\"printingDate\":\"${today}\"}")
                .body("POST " + o + "/{id}/distribution", "{\"recipients\":[{\"name\":\"各村委会\",\"copies\":2}]}")
                .body("POST " + o + "/{id}/return", "{\"to\":\"DRAFTER\",\"reason\":\"重写\"}")
                .body("POST " + o + "/{id}/voiding", "{\"reason\":\"作废\"}")
                .body("POST " + o + "/{id}/delegation", "{\"to\":\"leader-zhao\",\"note\":\"出差\"}")
                .body("POST " + o + "/{id}/attachments", "text/plain", "附件")
                .body("POST " + o + "/imports", "application/x-ndjson",
                        "{\"sourceId\":\"${uid}\",\"kind\":\"DOCUMENT\","
                        + "\"documentType\":\"NOTICE\",\"urgency\":\"NORMAL\",\"title\":\"通知\","
                        + "\"issuerName\":\"陈村镇人民政府\","
                        + "\"documentNumber\":\"陈府发〔2019〕${seq}号\",\"mainRecipients\":\"各村\",\"signer\":\"镇长\","
                        + "\"signedAt\":\"2019-03-01T09:00:00\",\"distributedAt\":\"2019-03-01T09:00:00\","
                        + "\"copies\":\"1\"}")
                .body("POST " + i, receive("${town}"))
                .body("PUT " + i + "/{id}/elements", "{\"elements\":" + incomingElements() + "}")
                .body("POST " + i + "/{id}/screening", "{\"mode\":\"ACTION\"}")
                .body("POST " + i + "/{id}/return", "{\"reason\":\"附件缺失\"}")
                .body("POST " + i + "/{id}/proposal", "{\"proposal\":\"拟请经发办办理\",\"leader\":\"town_leader-${town}\"}")
                .body("POST " + i + "/{id}/instruction", "{\"instruction\":\"请办理\",\"leadDepartment\":\"" + DEPT
                        + "\"}")
                .body("POST " + i + "/{id}/instruction-return", "{\"reason\":\"请重新拟办\"}")
                .body("POST " + i + "/{id}/decline", "{\"reason\":\"非本部门职责\"}")
                .body("POST " + i + "/{id}/co-view", "{\"view\":\"同意\"}")
                .body("POST " + i + "/{id}/completion", "{\"result\":\"已办结\"}")
                .body("POST " + i + "/{id}/readers", "{\"readers\":[\"town_leader-${town}\"]}")
                .body("POST " + i + "/{id}/copies/{copyNo}/handover", "{\"to\":\"OFFICE\"}")
                .body("POST " + i + "/{id}/attachments", "text/plain", "附件")
                .body("POST " + i + "/imports", "application/x-ndjson",
                        "{\"sourceId\":\"${uid}\",\"kind\":\"DOCUMENT\","
                        + "\"channel\":\"PAPER\",\"sender\":\"区府办\",\"documentType\":\"NOTICE\",\"title\":\"通知\","
                        + "\"receivedAt\":\"2019-03-05T09:00:00\",\"status\":\"REGISTERED\"}")
                .body("POST " + D + "/intake/oa",
                        "{\"town\":\"${town}\",\"externalId\":\"OA-${uid}\",\"sender\":\"顺德区人民政府办公室\","
                        + "\"elements\":{\"documentType\":\"OPINION\",\"title\":\"关于优化营商环境的实施意见\",\"body\":\"……\"}}")
                .body("POST " + D + "/{id}/copy-requests", "{\"copies\":1,\"reason\":\"报备\"}")
                .body("POST " + D + "/copy-requests/{requestId}/decision", "{\"approve\":true}")
                .body("POST " + D + "/{id}/destruction-requests", "{\"reason\":\"保密期限届满\"}")
                .body("POST " + D + "/destruction-requests/{requestId}/decision", "{\"approve\":true}")
                .body("POST " + D + "/destruction-requests/{requestId}/execution",
                        "{\"method\":\"粉碎\",\"witness\":\"见证人\"}")
                .body("POST " + s, "{\"title\":\"会议决定事项\",\"ownerDepartment\":\"" + DEPT
                        + "\",\"deadlineWorkingDays\":5}")
                .body("POST " + s + "/{id}/evidence", "{\"evidence\":\"已完成\"}")
                .body("POST " + s + "/{id}/evidence-files", "text/plain", "证据")
                .body("POST " + s + "/{id}/evidence-rejection", "{\"reason\":\"材料不全\"}")
                .body("POST " + s + "/{id}/cancellation", "{\"reason\":\"撤销\"}")
                .body("POST " + m + "/rooms", "{\"name\":\"会议室-${uid}\",\"seats\":20,\"location\":\"三楼\"}")
                .body("POST " + m, meetingBody("${roomId}"))
                .body("POST " + m + "/{id}/rescheduling", slotBody("${roomId}"))
                .body("POST " + m + "/{id}/notice", "{\"notice\":\"请准时参会\"}")
                .body("POST " + m + "/{id}/attendees/{attendeeId}/leave", "{\"reason\":\"出差\"}")
                .body("POST " + m + "/{id}/minutes", "{\"text\":\"会议纪要\",\"decisions\":[]}")
                .body("POST " + m + "/{id}/cancellation", "{\"reason\":\"改期\"}")
                .body("POST " + m + "/imports", "text/csv",
                        "sourceId,type,title,host,startsAt,endsAt,place,agenda,attendees,"
                        + "onLeave,status,cancelReason\n"
                        + "${uid},WORK_MEETING,工作会议,镇长,2019-03-05T09:00:00,2019-03-05T10:00:00,"
                        + "三楼,议程,李明;陈华,,HELD,\n")
                .body("POST " + r, researchBody())
                .body("POST " + r + "/{id}/findings", "{\"findings\":\"企业反映用地紧张\"}")
                .body("POST " + r + "/{id}/report", "{\"report\":\"调研报告\",\"tasks\":[]}")
                .body("POST " + r + "/{id}/report-files", "text/plain", "报告")
                .body("POST " + r + "/{id}/cancellation", "{\"reason\":\"改期\"}")
                .body("POST " + r + "/imports", "text/csv",
                        "sourceId,topic,leaders,places,method,startDate,endDate,status,"
                        + "findings,report\n${uid},产业调研,张伟,乐从家具城,SYMPOSIUM,2019-03-05,2019-03-06,REPORTED,发现,报告\n")
                .body("POST " + k, contractBody())
                .body("PUT " + k + "/{id}", contractBody())
                .body("POST " + k + "/{id}/review", "{\"outcome\":\"APPROVED\",\"opinion\":\"同意\"}")
                .body("POST " + k + "/{id}/signing", "{}")
                .body("POST " + k + "/{id}/performance", "{}")
                .body("POST " + k + "/{id}/milestones", "{\"dueDate\":\"" + today().plusMonths(1)
                        + "\",\"description\":\"首付款\"}")
                .body("POST " + k + "/{id}/completion", "{}")
                .body("POST " + k + "/{id}/termination", "{\"reason\":\"协商解除\"}")
                .body("POST " + k + "/imports", "text/csv",
                        "sourceId,title,type,counterpartyName,counterpartyCreditCode,amount,"
                        + "termStart,termEnd,signingUnit,status,signedOn,reviewOutcome,reviewer,reviewedOn,closedOn,"
                        + "terminationReason\n"
                        + "${uid},物业服务合同,SERVICE,某物业公司,,1000,2018-01-01,2018-12-31," + DEPT
                                + ",IN_PERFORMANCE,2017-12-20,,,,,\n")
                .body("POST " + k + "/{id}/files", "text/plain", "合同文本")
                .body("POST " + l + "/reviews", "{\"documentTitle\":\"专项资金管理办法\",\"draftingUnit\":\"" + DEPT + "\"}")
                .body("POST " + l + "/reviews/{id}/conclusion", "{\"outcome\":\"LEGAL\",\"opinion\":\"合法\"}")
                .body("POST " + l + "/opinions",
                        "{\"subjectArea\":\"LAND_ACQUISITION\",\"question\":\"是否合法?\",\"counsel\":\"何律师\"}")
                .body("POST " + l + "/opinions/{id}/issuance", "{\"opinion\":\"符合法定程序\"}")
                .body("POST " + l + "/cases", caseBody("${uid}"))
                .body("POST " + l + "/cases/imports", "text/csv",
                        "sourceId,caseNumber,court,kind,ourRole,counterparty,counsel,"
                        + "registeredOn,status,judgedOn,judgment,outcome,closedOn\n${uid},（2019）粤0606民初${uid}号,顺德区人民法院,"
                        + "CIVIL_LITIGATION,DEFENDANT,某公司,何律师,2019-02-11,CLOSED,2019-05-10,驳回,WON,2019-06-01\n")
                .body("POST " + l + "/opinions/imports", "text/csv",
                        "sourceId,subjectArea,question,opinion,counsel,issuedOn\n"
                        + "${uid},PETITION,信访事项答复口径,建议依法答复,何律师,2019-03-20\n")
                .body("POST " + l + "/cases/{id}/hearings", "{\"heldOn\":\"" + today().minusDays(3)
                        + "\",\"description\":\"开庭\"}")
                .body("POST " + l + "/cases/{id}/judgment", "{\"judgedOn\":\"" + today().minusDays(1)
                        + "\",\"summary\":\"驳回\"}")
                .body("POST " + l + "/cases/{id}/appeal", "{\"appealedOn\":\"" + today() + "\",\"note\":\"上诉\"}")
                .body("POST " + l + "/cases/{id}/closure", "{\"outcome\":\"WITHDRAWN\",\"closedOn\":\"" + today()
                        + "\"}")
                .body("POST " + p, disclosureBody())
                .body("PUT " + p + "/{id}", disclosureBody())
                .body("POST " + p + "/imports", "text/csv", "sourceId,title,body,category,channels,publishedAt\n"
                        + "${uid},财政预算公开,预算全文,BUDGET,WEBSITE;WECHAT,2017-01-20T10:00:00\n")
                .body("POST " + p + "/{id}/approval", "{}")
                .body("POST " + p + "/{id}/return", "{\"reason\":\"涉及个人信息\"}")
                .body("POST " + p + "/{id}/withdrawal", "{\"reason\":\"已过时\"}")
                .body("POST " + a + "/documents", "{\"documentId\":\"${finishedDocument}\"}")
                .body("POST " + a + "/dossiers", dossierBody())
                .body("POST " + a + "/batches", "{\"year\":2019}")
                .body("POST " + a + "/{id}/loans", loanBody())
                .body("POST " + a + "/loans/{loanId}/refusal", "{\"reason\":\"不予借阅\"}")
                .body("POST " + a + "/destructions", "{\"itemIds\":[\"${expiredItem}\"],\"reason\":\"保管期满\"}")
                .body("POST " + a + "/destructions/{id}/decision", "{\"approve\":true}")
                .body("POST " + a + "/destructions/{id}/execution", "{\"method\":\"粉碎\"}")
                .body("POST " + a + "/imports", "text/csv", "sourceId,year,category,retention,itemNumber,title,kind,"
                        + "documentNumber,arrangedOn\n${uid},2010,OTHER,Y10,1,期满文书,,,2011-03-01\n")
                .body("POST " + e, emergencyBody())
                .body("POST " + e + "/imports", "text/csv",
                        "sourceId,category,realEstateProject,level,title,place,occurredAt,"
                        + "receivedAt,deaths,injuries,missing,description,economicLossYuan,phoneReportedAt,"
                        + "writtenReportedAt,closedAt,"
                        + "closingSummary\n"
                        + "${uid},FIRE,,LARGER,某厂房火灾,勒流村,2018-03-04T09:40:00,2018-03-04T10:00:00,0,1,0,,350000,"
                        + "2018-03-04T10:45:00,2018-03-04T11:00:00,2018-03-06T09:00:00,明火已扑灭\n")
                .body("POST " + e + "/{id}/phone-report", "{}")
                .body("POST " + e + "/{id}/written-report", "{}")
                .body("POST " + e + "/{id}/follow-ups", "{\"content\":\"续报\",\"injuries\":0}")
                .body("POST " + e + "/{id}/closure", "{\"summary\":\"终报\",\"economicLossYuan\":0}")
                .body("POST " + y + "/plans", planBody())
                .body("POST " + y + "/plans/{id}/reviews", "{\"reviewedOn\":\"" + today() + "\",\"nextReviewOn\":\""
                        + today().plusYears(1) + "\",\"note\":\"无需修订\"}")
                .body("POST " + y + "/plans/{id}/retirement", "{\"reason\":\"已替代\"}")
                .body("POST " + y + "/drills", drillBody())
                .body("POST " + y + "/drills/imports", "text/csv",
                        "sourceId,heldOn,type,planId,place,scenario,participants,"
                        + "evaluation\n${uid},2019-11-09,FIRE,,镇中心小学,校园消防疏散,600,\n")
                .body("POST " + y + "/materials",
                        "{\"item\":\"沙袋\",\"quantity\":100,\"recipient\":\"龙潭村\",\"distributedOn\":\""
                        + today() + "\"}");
    }

    // ---- bodies --------------------------------------------------------------------------------------------

    static String elements() {
        return "{\"documentType\":\"NOTICE\",\"urgency\":\"NORMAL\",\"issuerName\":\"陈村镇人民政府\",\"issuerCode\":\"陈府发\","
                + "\"title\":\"关于做好防汛工作的通知\",\"mainRecipients\":\"各村（居）委会\",\"body\":\"现将有关事项通知如下\","
                + "\"signature\":\"陈村镇人民政府\",\"dateWritten\":\"2019-03-04\",\"sealed\":true,\"pages\":3}";
    }

    static String draft(String town) {
        return "{\"town\":\"" + town + "\",\"elements\":" + elements() + ",\"coSigningDepartments\":[\"" + DEPT
                + "\"]}";
    }

    static String incomingElements() {
        return "{\"documentType\":\"NOTICE\",\"urgency\":\"NORMAL\",\"issuerName\":\"顺德区人民政府办公室\","
                + "\"title\":\"关于开展检查的通知\","
                + "\"mainRecipients\":\"各镇人民政府\",\"body\":\"请各镇于月底前完成自查。\",\"pages\":2}";
    }

    static String receive(String town) {
        return "{\"town\":\"" + town + "\",\"kind\":\"DOCUMENT\",\"channel\":\"PAPER\",\"sender\":\"顺德区人民政府办公室\","
                + "\"originalNumber\":\"顺府办函〔2019〕3号\",\"copies\":1,\"elements\":" + incomingElements() + "}";
    }

    static String classifiedBody(String level) {
        return "{\"channel\":\"CONFIDENTIAL_EXCHANGE\",\"sender\":\"中共顺德区委办公室\",\"originalNumber\":\"顺办〔2019〕5号\","
                + "\"elements\":{\"documentType\":\"NOTICE\",\"secrecyLevel\":\"" + level
                        + "\",\"copyNumber\":\"000012\","
                + "\"title\":\"密件" + unique() + "\",\"body\":\"涉密正文\"}}";
    }

    private static String slot() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(SLOTS.getAndAdd(1), ChronoUnit.DAYS)
                .plus(2, ChronoUnit.HOURS);
        return "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"";
    }

    private static String slotBody(String room) {
        return "{" + slot() + ",\"roomId\":\"" + room + "\"}";
    }

    private static String meetingBody(String room) {
        return "{\"type\":\"WORK_MEETING\",\"title\":\"工作会议\",\"host\":\"镇长\",\"attendees\":[{\"name\":\"李明\","
                + "\"unit\":\"经发办\"}],"
                + slot() + ",\"roomId\":\"" + room + "\"}";
    }

    private static String researchBody() {
        return "{\"topic\":\"家具产业调研\",\"leaders\":[\"张伟\"],\"places\":[\"乐从家具城\"],\"method\":\"SYMPOSIUM\","
                + "\"startDate\":\"" + today().plusDays(5) + "\",\"endDate\":\"" + today().plusDays(6) + "\"}";
    }

    private static String contractBody() {
        return "{\"title\":\"保洁服务合同\",\"type\":\"SERVICE\",\"counterpartyName\":\"佛山市顺德区明辉照明工程有限公司\","
                + "\"counterpartyCreditCode\":\"" + CREDIT_CODE + "\",\"amount\":1000,\"termStart\":\"" + today()
                + "\",\"termEnd\":\"" + today().plusYears(1) + "\",\"signingUnit\":\"" + DEPT + "\"}";
    }

    private static String caseBody(String uid) {
        return "{\"caseNumber\":\"（2019）粤0606行初" + uid
                + "号\",\"court\":\"顺德区人民法院\",\"kind\":\"ADMINISTRATIVE_LITIGATION\","
                + "\"ourRole\":\"DEFENDANT\",\"counterparty\":\"陈某某\",\"counsel\":\"何律师\",\"cause\":\"征收补偿\","
                + "\"registeredOn\":\"" + today().minusDays(60) + "\"}";
    }

    private static String disclosureBody() {
        return "{\"title\":\"公开事项\",\"body\":\"正文\",\"category\":\"NOTICE\",\"channels\":[\"NOTICE_BOARD\"]}";
    }

    private static String dossierBody() {
        return "{\"title\":\"照片档案\",\"year\":2019,\"category\":\"PHOTO\",\"retention\":\"Y10\",\"entries\":[\"照片一组\"]}";
    }

    private static String loanBody() {
        return "{\"borrower\":\"陈科长\",\"purpose\":\"查阅\",\"dueDate\":\"" + today().plusDays(7) + "\"}";
    }

    private static String emergencyBody() {
        Instant received = Instant.now().minusSeconds(120);
        return "{\"category\":\"FIRE\",\"realEstateProject\":false,\"title\":\"火情\",\"place\":\"勒流村\",\"occurredAt\":\""
                + received.minusSeconds(600) + "\",\"receivedAt\":\"" + received
                        + "\",\"deaths\":0,\"economicLossYuan\":0}";
    }

    private static String planBody() {
        return "{\"unit\":\"龙潭村\",\"type\":\"FLOOD_TYPHOON\",\"title\":\"防汛预案\",\"planVersion\":\"2019版\","
                + "\"approvedOn\":\""
                + today().minusYears(1) + "\",\"nextReviewOn\":\"" + today().plusYears(1) + "\"}";
    }

    private static String drillBody() {
        return "{\"type\":\"FIRE\",\"heldOn\":\"" + today().minusDays(1)
                + "\",\"place\":\"镇政府大楼\",\"scenario\":\"火灾疏散\",\"participants\":30}";
    }

    // ---- records -------------------------------------------------------------------------------------------

    /** The matrix's own office clerk of the town (same subject): what the fixture makes, the clerk has acted on. */
    Api clerk(String town) {
        return new Api(port).as(TestTokens.tokenWith("office_clerk-" + town, town, "党政办", "TOP_SECRET",
                "OFFICE_CLERK"));
    }

    Api leader(String town) {
        return new Api(port).as(TestTokens.tokenWith("town_leader-" + town, town, "镇领导", "TOP_SECRET", "TOWN_LEADER"));
    }

    Api handler(String town) {
        return new Api(port).as(TestTokens.tokenWith("department_handler-" + town, town, DEPT, "NONE",
                "DEPARTMENT_HANDLER"));
    }

    Api counsel(String town) {
        return new Api(port).as(TestTokens.tokenWith("counsel-" + town, town, "司法所", "NONE", "DEPARTMENT_HANDLER"));
    }

    private JsonNode ok(Api.Response r, String what) {
        assertThat(r.status()).as(what + " " + r.body()).isIn(200, 201);
        return r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
    }

    private JsonNode post(Api api, String path, String body) {
        return ok(api.post(path, body), "POST " + path);
    }

    private String id(JsonNode node) {
        return node.get("id").asString();
    }

    private String upload(Api api, String path) {
        return id(ok(api.send(api.request(path + "?fileName=a.txt").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("附件内容", StandardCharsets.UTF_8))), "upload " + path));
    }

    private Api.Response csv(Api api, String path, String body) {
        return api.send(api.request(path).header("Content-Type", "text/csv;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private String outgoing(String town) {
        return id(post(clerk(town), D + "/outgoing", draft(town).replace("\"town\":\"" + town + "\",", "")));
    }

    private String outgoingWithFile(String town) {
        String id = outgoing(town);
        attachments.put(town, upload(clerk(town), D + "/outgoing/" + id + "/attachments"));
        return id;
    }

    private String incoming(String town) {
        return id(post(clerk(town), D + "/incoming", receive(town)));
    }

    private String incomingWithFile(String town, String level) {
        String id = "NONE".equals(level) ? incoming(town) : classified(town, level);
        attachments.put(town, upload(clerk(town), D + "/incoming/" + id + "/attachments"));
        return id;
    }

    /** A 收文 the leader instructed: 主办 {@code lead}, 协办 {@code co} (a JSON array). */
    private String instructed(String town, String lead, String co) {
        String id = incoming(town);
        String path = D + "/incoming/" + id;
        post(clerk(town), path + "/registration", "");
        post(clerk(town), path + "/screening", "{\"mode\":\"ACTION\"}");
        post(clerk(town), path + "/proposal", "{\"proposal\":\"拟请办理\",\"leader\":\"town_leader-" + town + "\"}");
        post(leader(town), path + "/instruction", "{\"instruction\":\"请办理\",\"leadDepartment\":\"" + lead
                + "\",\"coDepartments\":" + co + "}");
        return id;
    }

    private String handling(String town) {
        String id = instructed(town, DEPT, "[]");
        post(handler(town), D + "/incoming/" + id + "/acceptance", "");
        return id;
    }

    /** A 机密 document with an attachment and a leader's approval for one copy of it. */
    private String copyable(String town) {
        String id = incomingWithFile(town, "CONFIDENTIAL");
        String request = id(post(clerk(town), D + "/" + id + "/copy-requests", "{\"copies\":1,\"reason\":\"报备\"}"));
        post(leader(town), D + "/copy-requests/" + request + "/decision", "{\"approve\":true}");
        copyRequests.put(town, request);
        return id;
    }

    String classified(String town, String level) {
        return id(post(clerk(town), D + "/incoming", classifiedBody(level)));
    }

    /** A 秘密 document read by the clerk and archived: ready for a destruction request. */
    private String archivedClassified(String town) {
        Api clerk = clerk(town);
        String id = classified(town, "SECRET");
        String path = D + "/incoming/" + id;
        String me = "office_clerk-" + town;
        post(clerk, path + "/registration", "");
        post(clerk, path + "/screening", "{\"mode\":\"READ\",\"readers\":[\"" + me + "\"]}");
        post(clerk, path + "/copies/1/handover", "{\"to\":\"" + me + "\"}");
        post(clerk, path + "/reading", "{}");
        post(clerk, path + "/copies/1/handover", "{\"to\":\"OFFICE\"}");
        post(clerk, path + "/reading-completion", "");
        post(clerk, path + "/archiving", "");
        return id;
    }

    private String copyRequest(String town) {
        return id(post(clerk(town), D + "/" + classified(town, "CONFIDENTIAL") + "/copy-requests",
                "{\"copies\":1,\"reason\":\"报备\"}"));
    }

    private String destructionRequest(String town) {
        return id(post(clerk(town), D + "/" + archivedClassified(town) + "/destruction-requests",
                "{\"reason\":\"保密期限届满\"}"));
    }

    private String oaDocument(String town) {
        String external = "OA-" + unique();
        Api oa = new Api(port).as(TestTokens.tokenWith("district-oa", "DISTRICT", null, "NONE", "OA_INTAKE"));
        post(oa, D + "/intake/oa", "{\"town\":\"" + town + "\",\"externalId\":\"" + external + "\",\"sender\":\"区府办\","
                + "\"elements\":{\"documentType\":\"OPINION\",\"title\":\"实施意见\",\"body\":\"……\"}}");
        return external;
    }

    /** A completed 收文 (imported as such), ready to be filed in the archives. */
    private String finishedIncoming(String town) {
        String source = "sec-" + unique();
        ok(csv(clerk(town), D + "/incoming/imports", "sourceId,kind,channel,sender,originalNumber,documentType,title,"
                + "secrecyLevel,copyNumber,urgency,receivedAt,status,leadDepartment,deadline,completedAt,result,"
                + "resultReportedAt\n" + source + ",DOCUMENT,PAPER,区府办,,NOTICE,已办结文件,,,,2018-07-01T09:00:00,COMPLETED,"
                + DEPT + ",,2018-07-01T17:00:00,已办理,\n"), "import incoming");
        return bySource("incoming_document", source);
    }

    /** The id of an imported row: imports answer counts, not ids. */
    private String bySource(String table, String source) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE source_id = ?").param(source).query(String.class).single();
    }

    private String expiredArchiveItem(String town) {
        String source = "sec-" + unique();
        ok(csv(clerk(town), D + "/archives/imports",
                "sourceId,year,category,retention,itemNumber,title,kind,documentNumber,"
                + "arrangedOn\n" + source + ",2010,OTHER,Y10," + (UNIQUE.incrementAndGet() + 50_000)
                        + ",期满文书,,,2011-03-01\n"),
                "import archives");
        return bySource("archive_item", source);
    }

    private String task(String town) {
        return id(post(clerk(town), D + "/supervision", "{\"title\":\"会议决定事项\",\"ownerDepartment\":\"" + DEPT
                + "\",\"deadlineWorkingDays\":5}"));
    }

    private String taskWithFile(String town) {
        String id = task(town);
        post(handler(town), D + "/supervision/" + id + "/acceptance", "");
        attachments.put(town, upload(handler(town), D + "/supervision/" + id + "/evidence-files"));
        return id;
    }

    private String room(String town) {
        return id(post(clerk(town), D + "/meetings/rooms", "{\"name\":\"会议室-" + unique()
                + "\",\"seats\":20,\"location\":\"三楼\"}"));
    }

    private String meeting(String town) {
        JsonNode m = post(clerk(town), D + "/meetings", meetingBody(room(town)));
        attendees.put(town, m.get("attendees").get(0).get("id").asString());
        return id(m);
    }

    private String research(String town) {
        return id(post(clerk(town), D + "/research", researchBody()));
    }

    private String researchWithFile(String town) {
        String id = research(town);
        post(clerk(town), D + "/research/" + id + "/findings", "{\"findings\":\"发现\"}");
        attachments.put(town, upload(clerk(town), D + "/research/" + id + "/report-files"));
        return id;
    }

    private String contract(String town) {
        return id(post(clerk(town), D + "/contracts", contractBody()));
    }

    /** A contract reviewed by 司法所, signed, in performance, with one milestone. */
    private String performingContract(String town) {
        String id = contract(town);
        String path = D + "/contracts/" + id;
        post(clerk(town), path + "/review-request", "");
        post(counsel(town), path + "/review", "{\"outcome\":\"APPROVED\",\"opinion\":\"同意\"}");
        post(clerk(town), path + "/signing", "{}");
        post(clerk(town), path + "/performance", "");
        post(clerk(town), path + "/milestones", "{\"dueDate\":\"" + today().plusMonths(1)
                + "\",\"description\":\"首付款\"}");
        milestones.put(town, ok(clerk(town).get(path), "GET contract").get("milestones").get(0).get("id").asString());
        return id;
    }

    private String contractWithFile(String town) {
        String id = contract(town);
        attachments.put(town, upload(clerk(town), D + "/contracts/" + id + "/files"));
        return id;
    }

    private String legalityReview(String town) {
        return id(post(clerk(town), D + "/legal/reviews", "{\"documentTitle\":\"专项资金管理办法\",\"draftingUnit\":\"经发办\"}"));
    }

    private String legalOpinion(String town) {
        return id(post(clerk(town), D + "/legal/opinions",
                "{\"subjectArea\":\"LAND_ACQUISITION\",\"question\":\"是否合法?\",\"counsel\":\"何律师\"}"));
    }

    private String legalCase(String town) {
        return id(post(clerk(town), D + "/legal/cases", caseBody(unique())));
    }

    private String disclosure(String town) {
        return id(post(clerk(town), D + "/disclosure", disclosureBody()));
    }

    private String published(String town) {
        String id = disclosure(town);
        post(clerk(town), D + "/disclosure/" + id + "/submission", "");
        post(leader(town), D + "/disclosure/" + id + "/approval", "{}");
        post(clerk(town), D + "/disclosure/" + id + "/publication", "");
        return id;
    }

    private String dossier(String town) {
        return id(post(clerk(town), D + "/archives/dossiers", dossierBody()));
    }

    private String loan(String town) {
        return id(post(handler(town), D + "/archives/" + dossier(town) + "/loans", loanBody()));
    }

    private String archiveDestruction(String town) {
        return id(post(clerk(town), D + "/archives/destructions", "{\"itemIds\":[\"" + expiredArchiveItem(town)
                + "\"],\"reason\":\"保管期满\"}"));
    }

    private String emergency(String town) {
        return id(post(clerk(town), D + "/emergency", emergencyBody()));
    }

    private String plan(String town) {
        return id(post(clerk(town), D + "/preparedness/plans", planBody()));
    }

    private String drill(String town) {
        return id(post(clerk(town), D + "/preparedness/drills", drillBody()));
    }
}
