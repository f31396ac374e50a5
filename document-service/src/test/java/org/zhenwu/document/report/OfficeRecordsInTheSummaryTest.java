package org.zhenwu.document.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/**
 * The office's own records (issue #6) in the annual summary: every figure a feature reports in its {@code /stats}
 * totals appears in the summary with the same value, this year and last, for the same town — proved on records
 * brought in through the features' own import endpoints, as an office loads its registers.
 */
class OfficeRecordsInTheSummaryTest extends ApiTestSupport {
    static final String TOWN = "440606004";
    static final int YEAR = 2016;

    /** Each feature's figures endpoint; their {@code totals} keys are the summary's figure keys. */
    static final String[] STATS = {"/api/documents/emergency/stats", "/api/documents/meetings/stats",
            "/api/documents/disclosure/stats", "/api/documents/archives/stats", "/api/documents/legal/stats"};

    @Test
    void every_figure_of_the_office_records_equals_its_features_own_figure_this_year_and_last() {
        Api clerk = clerk(TOWN);
        String u = unique();
        Map<String, long[]> earlier = totals(clerk);   // other tests may have recorded something in this town and year
        imported(clerk, "/api/documents/emergency/imports", """
                sourceId,category,realEstateProject,title,place,occurredAt,receivedAt,phoneReportedAt,writtenReportedAt
                %1$s-e1,FIRE,,仓库火灾,勒流村,2016-03-04T09:40:00,2016-03-04T10:00:00,2016-03-04T10:20:00,2016-03-04T10:50:00
                %1$s-e2,WAGE_DISPUTE,true,某楼盘讨薪,稔海村,2016-07-02T13:40:00,2016-07-02T14:05:00,2016-07-02T15:20:00,
                %1$s-e3,PRODUCTION_SAFETY,,工地高处坠落,众涌村,2015-08-30T10:00:00,2015-08-30T10:30:00,,
                """.formatted(u));
        imported(clerk, "/api/documents/meetings/imports", """
                sourceId,type,title,host,startsAt,endsAt,place,status,cancelReason
                %1$s-m1,PARTY_COMMITTEE,2016年第1次党委会,书记,2016-01-10T09:00:00,2016-01-10T11:00:00,第一会议室,MINUTED,
                %1$s-m2,WORK_MEETING,全镇安全生产会,镇长,2016-03-20T14:30:00,2016-03-20T16:00:00,礼堂,HELD,
                %1$s-m3,WORK_MEETING,取消的会,镇长,2016-04-01T09:00:00,2016-04-01T10:00:00,礼堂,CANCELLED,改期
                %1$s-m4,WORK_MEETING,上年的会,镇长,2015-04-01T09:00:00,2015-04-01T10:00:00,礼堂,HELD,
                """.formatted(u));
        imported(clerk, "/api/documents/research/imports", """
                sourceId,topic,leaders,places,method,startDate,endDate,status
                %1$s-r1,农村生活污水治理调研,张伟,水藤村,ON_SITE,2016-04-02,2016-04-03,REPORTED
                %1$s-r2,民营企业座谈,张伟,商会,SYMPOSIUM,2016-04-20,,CONDUCTED
                """.formatted(u));
        imported(clerk, "/api/documents/disclosure/imports", """
                sourceId,title,body,category,channels,publishedAt
                %1$s-g1,2016年财政预算公开,预算全文,BUDGET,WEBSITE;WECHAT,2016-01-20T10:00:00
                %1$s-g2,关于春节期间安全生产的通知,,NOTICE,WEBSITE,2016-01-25T09:00:00
                %1$s-g3,重大项目清单,,MAJOR_PROJECT,PRESS,2016-03-02T09:00:00
                %1$s-g4,上年的公告,,NOTICE,WECHAT,2015-12-31T23:30:00
                """.formatted(u));
        imported(clerk, "/api/documents/archives/imports", """
                sourceId,year,category,retention,itemNumber,title,arrangedOn
                %1$s-a1,2015,DOCUMENTARY,Y30,9001,关于防汛工作的通知,2016-03-01
                %1$s-a2,2015,DOCUMENTARY,Y30,9002,关于安全生产的通知,2016-03-01
                %1$s-a3,2015,MARRIAGE,PERMANENT,9001,婚姻登记档案,2016-05-10
                """.formatted(u));

        imported(clerk, "/api/documents/legal/opinions/imports", """
                sourceId,subjectArea,question,opinion,counsel,issuedOn
                %1$s-o1,LAND_ACQUISITION,征地补偿款发放程序,程序合法,何律师,2016-03-05
                %1$s-o2,PETITION,信访事项答复口径,建议依法答复,何律师,2016-12-31
                %1$s-o3,CONTRACT,合同解除的法律风险,可依约解除,李律师,2015-11-02
                """.formatted(u));
        imported(clerk, "/api/documents/legal/cases/imports", """
                sourceId,caseNumber,court,kind,ourRole,counterparty,counsel,registeredOn,status,outcome,closedOn
                %1$s-c1,（2016）粤0606行初%1$s号,顺德区人民法院,ADMINISTRATIVE_LITIGATION,DEFENDANT,某公司,何律师,2016-02-11,CLOSED,\
                SETTLED,2016-06-01
                """.formatted(u));

        JsonNode report = ok(clerk.get("/api/documents/reports/annual?year=" + YEAR));

        Map<String, long[]> compared = totals(clerk);
        for (Map.Entry<String, long[]> e : compared.entrySet()) {
            JsonNode figure = AnnualFiguresMatchTheServicesTest.figure(report, e.getKey());
            assertThat(figure).as("the summary carries %s", e.getKey()).isNotNull();
            assertThat(figure.get("status").asString()).isEqualTo("RECORDED");
            assertThat(figure.get("value").asLong()).as(e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(figure.get("previousYear").asLong()).as(e.getKey() + " last year").isEqualTo(e.getValue()[1]);
        }
        // and they moved by the records above: not zeros equal to zeros
        Map<String, long[]> added = new LinkedHashMap<>();
        compared.forEach((k, v) -> added.put(k, new long[] {v[0] - earlier.get(k)[0], v[1] - earlier.get(k)[1]}));
        assertThat(added.get("emergency.reports")).containsExactly(2, 1);
        assertThat(added.get("emergency.fires")).containsExactly(1, 0);
        assertThat(added.get("emergency.wageDisputesRealEstate")).containsExactly(1, 0);
        assertThat(added.get("emergency.lateReports")).as("the second one phoned in after 75 minutes").containsExactly(1, 1);
        assertThat(added.get("meetings.held")).containsExactly(2, 1);
        assertThat(added.get("meetings.partyCommittee")).containsExactly(1, 0);
        assertThat(added.get("research.visits")).containsExactly(2, 0);
        assertThat(added.get("disclosure.items")).as("23:30 on 31 Dec in Beijing is last year").containsExactly(3, 1);
        assertThat(added.get("disclosure.website")).containsExactly(2, 0);
        assertThat(added.get("archives.documentary")).containsExactly(2, 0);
        assertThat(added.get("archives.marriage")).containsExactly(1, 0);
        assertThat(added.get("legal.opinions")).containsExactly(2, 1);
        assertThat(added.get("legal.cases")).containsExactly(1, 0);
        assertThat(report.get("notYetRecorded")).isEmpty();
    }

    /** Every feature's totals for the town, this year and last: key → {this year, last year}. */
    private Map<String, long[]> totals(Api clerk) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (String stats : STATS) {
            JsonNode now = ok(clerk.get(stats + "?town=" + TOWN + "&year=" + YEAR)).get("totals");
            JsonNode before = ok(clerk.get(stats + "?town=" + TOWN + "&year=" + (YEAR - 1))).get("totals");
            now.properties().forEach(e -> totals.put(e.getKey(),
                    new long[] {e.getValue().asLong(), before.get(e.getKey()).asLong()}));
        }
        return totals;
    }

    private void imported(Api clerk, String path, String csv) {
        Api.Response r = clerk.send(clerk.request(path + "?town=" + TOWN).header("Content-Type", "text/csv;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(201);
    }
}
