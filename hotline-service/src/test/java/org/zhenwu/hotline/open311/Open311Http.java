package org.zhenwu.hotline.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.zhenwu.platform.test.Api;

/** What a stock Open311 client does: plain GETs and form POSTs, no Accept header, no bearer token. */
final class Open311Http {
    static final String DEV_KEY = "zhenwu-dev-open311-key";

    private final Api api;

    Open311Http(int port) {
        this.api = new Api(port);
    }

    Api.Response get(String path) {
        return api.get(path);
    }

    Api.Response postForm(String path, Map<String, String> fields) {
        return api.send(formRequest(path, fields));
    }

    HttpRequest.Builder formRequest(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    Api.Response send(HttpRequest.Builder request) {
        return api.send(request);
    }

    /** A request for a service at an address, filed with the development key. */
    static Map<String, String> form(String town, String serviceCode, String... more) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", DEV_KEY);
        f.put("jurisdiction_id", town);
        if (serviceCode != null) {
            f.put("service_code", serviceCode);
        }
        f.put("address_string", "乐从镇河滨路 12 号");
        f.put("description", "门口长期占道经营");
        for (int i = 0; i + 1 < more.length; i += 2) {
            if (more[i + 1] == null) {
                f.remove(more[i]);
            } else {
                f.put(more[i], more[i + 1]);
            }
        }
        return f;
    }

    static Document xml(Api.Response r) {
        assertThat(r.contentType()).startsWith("text/xml");
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + r.body(), e);
        }
    }

    /** The text of the first {@code name} element under {@code parent}; null when there is none. */
    static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
