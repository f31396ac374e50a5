package org.zhenwu.deploy;

import java.nio.file.Path;
import java.util.List;

/**
 * One Spring Boot process of the stack.
 *
 * @param name   process name, also the log file name
 * @param module Maven module directory holding {@code target/<module>-<version>.jar}
 * @param port   HTTP port ({@code SERVER_PORT})
 * @param schema database schema, or null for the gateway (no database)
 * @param urlEnv the variable through which the gateway learns this service's URL, or null for the gateway
 */
public record ServiceSpec(String name, String module, int port, String schema, String urlEnv) {

    public static final String VERSION = "0.1.0-SNAPSHOT";
    public static final String GATEWAY = "gateway";

    /** The dev stack: ports 8080–8085, schemas zhenwu_*. */
    public static List<ServiceSpec> defaults() {
        return List.of(
                new ServiceSpec("document-service", "document-service", 8081, "zhenwu_document", "DOCUMENT_URL"),
                new ServiceSpec("service-hall-service", "service-hall-service", 8082, "zhenwu_service_hall", "SERVICE_HALL_URL"),
                new ServiceSpec("hotline-service", "hotline-service", 8083, "zhenwu_hotline", "HOTLINE_URL"),
                new ServiceSpec("fleet-service", "fleet-service", 8084, "zhenwu_fleet", "FLEET_URL"),
                new ServiceSpec("congress-service", "congress-service", 8085, "zhenwu_congress", "CONGRESS_URL"),
                new ServiceSpec(GATEWAY, "gateway", 8080, null, null));
    }

    public boolean isGateway() {
        return urlEnv == null;
    }

    public boolean usesDatabase() {
        return schema != null;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, module, newPort, schema, urlEnv);
    }

    public ServiceSpec withSchema(String newSchema) {
        return schema == null ? this : new ServiceSpec(name, module, port, newSchema, urlEnv);
    }

    /** Accepts the full name or the short one ({@code hotline} for {@code hotline-service}). */
    public boolean answersTo(String given) {
        String g = given.trim();
        return g.equals(name) || g.equals(module) || (g + "-service").equals(name);
    }
}
