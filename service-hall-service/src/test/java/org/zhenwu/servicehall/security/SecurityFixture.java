package org.zhenwu.servicehall.security;

import java.util.Random;
import java.util.UUID;

import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.AuthorizationMatrix;
import org.zhenwu.servicehall.support.Hall;

import tools.jackson.databind.json.JsonMapper;

/** The records, bodies and callers the security tests of this service share (see {@link AuthorizationMatrix}). */
final class SecurityFixture {
    static final String TOWN = "440606101";
    static final String OTHER_TOWN = "440606102";
    static final String DEPARTMENT = "社会事务办";
    static final String BASE = Hall.BASE;
    private final Random random = new Random();

    private final int port;
    private final JsonMapper json;

    SecurityFixture(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    AuthorizationMatrix matrix() {
        Hall hall = new Hall(port, json);
        return AuthorizationMatrix.of(port, json)
                .table("/security/authorization-matrix.csv")
                .towns(TOWN, OTHER_TOWN)
                .department("DEPARTMENT_HANDLER", DEPARTMENT)
                .record("matters.id", town -> hall.publishedMatter(town, DEPARTMENT, 5, "身份证"))
                .record("matterId", town -> hall.publishedMatter(town, DEPARTMENT, 5, "身份证"))
                .record("kiosks.id", town -> hall.ok(hall.clerk(town).post(BASE + "/kiosks",
                        "{\"code\":\"K-" + uid() + "\",\"name\":\"自助机\",\"site\":\"村委会\"}"), 201).get("id").asString())
                .record("queue", town -> queue(hall, town))
                .record("windows.id", town -> window(hall, town, queue(hall, town)))
                .record("tickets.id", town -> hall.ok(hall.clerk(town).post(BASE + "/tickets",
                        "{\"queue\":\"" + queue(hall, town) + "\"}"), 201).get("id").asString())
                .record("applications.id", town -> hall.submit(town,
                        hall.publishedMatter(town, DEPARTMENT, 5, "身份证"), "身份证").get("id").asString())
                .record("rectifications.id", town -> rectification(hall, town))
                .record("GET " + BASE + "/applications/{id}/rating:id", town -> ratedApplication(hall, town))
                .record("doneTicket", town -> doneTicket(hall, town))
                .record("parking-vouchers.code", town -> hall.ok(hall.clerk(town).post(BASE + "/parking-vouchers",
                        "{\"ticketId\":\"" + doneTicket(hall, town) + "\"}"), 201).get("code").asString())
                .record("uid", town -> uid())
                .body("POST " + BASE + "/matters", """
                        {"town":"${town}","code":"M-${uid}","name":"临时救助","department":"社会事务办","legalLimitDays":30,
                         "promisedLimitDays":5,"requiredMaterials":["身份证"],"fee":0,"channels":["WINDOW"]}""")
                .body("POST " + BASE + "/matters/{id}/suspension", "{\"reason\":\"政策调整\"}")
                .body("POST " + BASE + "/matters/{id}/withdrawal", "{\"reason\":\"事项取消\"}")
                .body("POST " + BASE + "/kiosks", "{\"town\":\"${town}\",\"code\":\"K-${uid}\",\"name\":\"自助机\",\"site\":\"村委会\"}")
                .body("POST " + BASE + "/queues", "{\"town\":\"${town}\",\"code\":\"ZZ\",\"name\":\"综合\"}")
                .body("POST " + BASE + "/windows", "{\"town\":\"${town}\",\"number\":\"W-${uid}\",\"name\":\"综合窗口\",\"queues\":[\"${queue}\"]}")
                .body("PUT " + BASE + "/windows/{id}/profile", "{\"queues\":[\"${queue}\"]}")
                .body("POST " + BASE + "/tickets", "{\"town\":\"${town}\",\"queue\":\"${queue}\"}")
                .body("POST " + BASE + "/tickets/{id}/transfer", "{\"queue\":\"${queue}\"}")
                .body("POST " + BASE + "/tickets/{id}/cancellation", "{\"reason\":\"群众离开\"}")
                .body("POST " + BASE + "/applications", "{\"town\":\"${town}\",\"matterId\":\"${matterId}\",\"applicantName\":\"王五\","
                        + "\"applicantIdNumber\":\"44060619800101123X\",\"providedMaterials\":[\"身份证\"]}")
                .body("POST " + BASE + "/applications/{id}/supplement", "{\"providedMaterials\":[\"身份证\"]}")
                .body("POST " + BASE + "/applications/{id}/rejection", "{\"legalBasis\":\"第九条\",\"reason\":\"不符合条件\"}")
                .body("POST " + BASE + "/applications/{id}/delivery", "{\"method\":\"PICKUP\"}")
                .body("POST " + BASE + "/applications/{id}/withdrawal", "{\"reason\":\"申请人撤回\"}")
                .body("POST " + BASE + "/applications/{id}/rating", "{\"level\":\"SATISFIED\"}")
                .body("POST " + BASE + "/applications/imports", "application/x-ndjson",
                        "{\"sourceId\":\"${uid}\",\"matterCode\":\"LC-MZ-0012\",\"matterName\":\"最低生活保障\",\"department\":\"社会事务办\","
                                + "\"promisedLimitDays\":\"15\",\"acceptedAt\":\"2019-06-03T10:00:00\",\"status\":\"ACCEPTED\"}")
                .body("POST " + BASE + "/rectifications/{id}/rectification", "{\"measures\":\"加开窗口\"}")
                .body("POST " + BASE + "/rectifications/{id}/appeal", "{\"reason\":\"已一次性告知\"}")
                .body("POST " + BASE + "/rectifications/{id}/review", "{\"accept\":true}")
                .body("POST " + BASE + "/rectifications/{id}/return-visit", "{\"satisfied\":true}")
                .body("POST " + BASE + "/parking-vouchers", "{\"town\":\"${town}\",\"ticketId\":\"${doneTicket}\"}");
    }

    private String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh queue of its own, so that a window's call takes this fixture's ticket. */
    private String queue(Hall hall, String town) {
        for (int attempt = 0; ; attempt++) {
            String code = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
            Api.Response r = hall.clerk(town).post(BASE + "/queues", "{\"code\":\"" + code + "\",\"name\":\"测试\"}");
            if (r.status() == 201) {
                return code;
            }
            if (attempt > 50) {
                throw new AssertionError(r.body());
            }
        }
    }

    private String window(Hall hall, String town, String queue) {
        return hall.ok(hall.clerk(town).post(BASE + "/windows", "{\"number\":\"W-" + uid() + "\",\"name\":\"综合窗口\",\"queues\":[\""
                + queue + "\"]}"), 201).get("id").asString();
    }

    private String doneTicket(Hall hall, String town) {
        String queue = queue(hall, town);
        String window = window(hall, town, queue);
        String ticket = hall.ok(hall.clerk(town).post(BASE + "/tickets", "{\"queue\":\"" + queue + "\"}"), 201).get("id").asString();
        hall.ok(hall.clerk(town).post(BASE + "/windows/" + window + "/calls", ""), 200);
        hall.ok(hall.clerk(town).post(BASE + "/tickets/" + ticket + "/arrival", ""), 200);
        hall.ok(hall.clerk(town).post(BASE + "/tickets/" + ticket + "/completion", ""), 200);
        return ticket;
    }

    /** A completed application rated 不满意: the rating opens a rectification case. */
    private String rectification(Hall hall, String town) {
        return rate(hall, town, completedApplication(hall, town), "DISSATISFIED").get("rectificationId").asString();
    }

    private String ratedApplication(Hall hall, String town) {
        String app = completedApplication(hall, town);
        rate(hall, town, app, "SATISFIED");
        return app;
    }

    private String completedApplication(Hall hall, String town) {
        String app = hall.submit(town, hall.publishedMatter(town, DEPARTMENT, 5, "身份证"), "身份证").get("id").asString();
        hall.ok(hall.department(town, DEPARTMENT).post(BASE + "/applications/" + app + "/approval", "{}"), 200);
        hall.ok(hall.department(town, DEPARTMENT).post(BASE + "/applications/" + app + "/completion", ""), 200);
        return app;
    }

    private tools.jackson.databind.JsonNode rate(Hall hall, String town, String app, String level) {
        return hall.ok(hall.clerk(town).post(BASE + "/applications/" + app + "/rating", "{\"level\":\"" + level + "\"}"), 201);
    }
}
