package org.zhenwu.hotline.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhenwu.hotline.open311.Open311Http.text;
import static org.zhenwu.hotline.open311.Open311Http.xml;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/**
 * The walk a stock GeoReport v2 client takes, with nothing Zhenwu-specific: discovery, the service list, a form
 * POST (application/x-www-form-urlencoded, no Accept header), then the request by id and by token, all in XML,
 * the spec's required format, chosen only by the extension.
 */
@ZhenwuIntegrationTest
class Open311StockClientTest {
    static final String BEIJIAO = "440606105";

    @LocalServerPort
    int port;

    @Test
    void a_stock_client_discovers_lists_posts_and_tracks_a_request_in_xml() {
        Open311Http client = new Open311Http(port);

        Api.Response discovery = client.get("/open311/discovery.xml");
        assertThat(discovery.status()).isEqualTo(200);
        Document d = xml(discovery);
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("discovery");
        Element endpoint = (Element) d.getElementsByTagName("endpoint").item(0);
        assertThat(text(endpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(text(endpoint, "url")).isEqualTo("http://localhost:" + port + "/open311/v2/");
        assertThat(endpoint.getElementsByTagName("format").getLength()).isEqualTo(2);

        Api.Response services = client.get("/open311/v2/services.xml?jurisdiction_id=" + BEIJIAO);
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.contentType()).isEqualToIgnoringCase("text/xml;charset=UTF-8");
        assertThat(services.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><services><service>");
        Element lamp = (Element) xml(services).getElementsByTagName("service").item(2);
        String serviceCode = text(lamp, "service_code");
        assertThat(text(lamp, "service_name")).isEqualTo("路灯损坏");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("jurisdiction_id", BEIJIAO);
        form.put("service_code", serviceCode);
        form.put("lat", "22.9312");
        form.put("long", "113.2121");
        form.put("address_string", "北滘镇林港路口");
        form.put("description", "路灯连续三晚不亮 & <危险>");
        form.put("attribute[pole]", "B-17");
        form.put("api_key", Open311Http.DEV_KEY);
        Api.Response posted = client.postForm("/open311/v2/requests.xml", form);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        Document p = xml(posted);
        assertThat(p.getDocumentElement().getTagName()).isEqualTo("service_requests");
        Element created = (Element) p.getElementsByTagName("request").item(0);
        String id = text(created, "service_request_id");
        String token = text(created, "token");
        assertThat(id).startsWith(BEIJIAO + "-");
        assertThat(created.getElementsByTagName("account_id").getLength()).isEqualTo(1);

        Element request = (Element) xml(client.get("/open311/v2/requests/" + id + ".xml?jurisdiction_id=" + BEIJIAO))
                .getElementsByTagName("request").item(0);
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "description")).isEqualTo("路灯连续三晚不亮 & <危险>");
        assertThat(text(request, "address")).isEqualTo("北滘镇林港路口");
        assertThat(text(request, "expected_datetime")).endsWith("T23:59:59+08:00");

        Element byToken = (Element) xml(client.get("/open311/v2/tokens/" + token + ".xml?jurisdiction_id=" + BEIJIAO))
                .getElementsByTagName("request").item(0);
        assertThat(text(byToken, "service_request_id")).isEqualTo(id);
        assertThat(text(byToken, "token")).isEqualTo(token);

        Document list = xml(client.get("/open311/v2/requests.xml?jurisdiction_id=" + BEIJIAO + "&service_request_id=" + id));
        assertThat(list.getElementsByTagName("request").getLength()).isEqualTo(1);
    }
}
