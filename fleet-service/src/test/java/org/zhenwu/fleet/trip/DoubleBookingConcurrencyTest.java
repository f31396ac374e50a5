package org.zhenwu.fleet.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.fleet.FleetFixture;
import org.zhenwu.fleet.FleetServiceApplication;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestInfrastructure;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * Never two overlapping bookings of one vehicle or one driver, with dispatches racing in two instances of the
 * service on one database: the test's own instance and a second one started here on the same schema.
 */
@ZhenwuIntegrationTest
class DoubleBookingConcurrencyTest {
    static final String TOWN = "440606001";
    static final Instant START = Instant.parse("2019-11-05T01:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    record Attempt(String group, String trip, String vehicle, String driver) {
    }

    @Test
    void dispatches_racing_in_two_instances_book_each_vehicle_and_each_driver_once() throws Exception {
        FleetFixture fleet = new FleetFixture(port, json);
        String sharedVehicle = fleet.vehicle(TOWN);
        String sharedDriver = fleet.driver(TOWN);
        List<String> gridVehicles = List.of(fleet.vehicle(TOWN), fleet.vehicle(TOWN), fleet.vehicle(TOWN));
        List<String> gridDrivers = List.of(fleet.driver(TOWN), fleet.driver(TOWN), fleet.driver(TOWN));
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // every window overlaps every other: they all cover START + 1h .. START + 2h
            Instant from = START.plusSeconds(i * 300L);
            attempts.add(new Attempt("vehicle", fleet.approved(TOWN, from, from.plusSeconds(7200)), sharedVehicle, fleet.driver(TOWN)));
            attempts.add(new Attempt("driver", fleet.approved(TOWN, from, from.plusSeconds(7200)), fleet.vehicle(TOWN), sharedDriver));
            attempts.add(new Attempt("grid", fleet.approved(TOWN, from, from.plusSeconds(7200)), gridVehicles.get(i % 3),
                    gridDrivers.get((i / 3 + i) % 3)));
        }

        List<Integer> statuses = new ArrayList<>();
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String token = TestTokens.tokenWith("manager-" + TOWN, TOWN, "党政办", "NONE", "FLEET_MANAGER");
            List<Api> instances = List.of(new Api(port).as(token), new Api("http://localhost:" + secondPort, token));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < attempts.size(); i++) {
                    Attempt a = attempts.get(i);
                    Api api = instances.get(i % 2);
                    results.add(pool.submit(() -> {
                        go.await();
                        return fleet.dispatch(api, a.trip(), a.vehicle(), a.driver()).status();
                    }));
                }
                go.countDown();
                for (Future<Integer> f : results) {
                    statuses.add(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        assertThat(statuses).containsOnly(200, 409);
        assertThat(successes(attempts, statuses, "vehicle")).as("one vehicle, eight overlapping trips").isEqualTo(1);
        assertThat(successes(attempts, statuses, "driver")).as("one driver, eight overlapping trips").isEqualTo(1);
        assertThat(successes(attempts, statuses, "grid")).as("three vehicles and three drivers").isBetween(1L, 3L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trip WHERE status = 'DISPATCHED' AND town_code = ?").param(TOWN)
                .query(Long.class).single()).isEqualTo(statuses.stream().filter(s -> s == 200).count());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM trip a JOIN trip b
                  ON a.id < b.id AND (a.vehicle_id = b.vehicle_id OR a.driver_id = b.driver_id)
                 AND a.planned_start < b.planned_end AND b.planned_start < a.planned_end
                WHERE a.status IN ('DISPATCHED', 'DEPARTED') AND b.status IN ('DISPATCHED', 'DEPARTED')""")
                .query(Long.class).single()).as("overlapping bookings in the database").isZero();
    }

    /**
     * The booking another instance commits while this one waits for the vehicle's lock is seen after the wait:
     * the check reads at READ COMMITTED (at REPEATABLE READ it would read the snapshot taken before the wait).
     * Here the other instance is a bare connection, so the test controls the order of events exactly.
     */
    @Test
    void a_booking_committed_while_a_dispatch_waits_for_the_vehicle_is_seen_by_it() throws Exception {
        FleetFixture fleet = new FleetFixture(port, json);
        String vehicle = fleet.vehicle(TOWN);
        String theirs = fleet.approved(TOWN, START, START.plusSeconds(7200));
        String ours = fleet.approved(TOWN, START, START.plusSeconds(7200));
        String driver = fleet.driver(TOWN);
        String url = environment.getRequiredProperty("spring.datasource.url");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = DriverManager.getConnection(url, TestInfrastructure.DB_USER, TestInfrastructure.DB_PASSWORD)) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT id FROM vehicle WHERE id = ? FOR UPDATE")) {
                lock.setString(1, vehicle);
                lock.executeQuery().close();
            }
            Future<Api.Response> waiting = pool.submit(() -> fleet.dispatch(fleet.manager(TOWN), ours, vehicle, driver));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'").query(Long.class).single() > 0);
            try (var book = other.prepareStatement(
                    "UPDATE trip SET status = 'DISPATCHED', vehicle_id = ?, driver_id = ?, version = version + 1 WHERE id = ?")) {
                book.setString(1, vehicle);
                book.setString(2, fleet.driver(TOWN));
                book.setString(3, theirs);
                book.executeUpdate();
            }
            other.commit();
            Api.Response response = waiting.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(fleet.read(response).get("conflictingTrips").get(0).asString()).isEqualTo(theirs);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long successes(List<Attempt> attempts, List<Integer> statuses, String group) {
        long n = 0;
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).group().equals(group) && statuses.get(i) == 200) {
                n++;
            }
        }
        return n;
    }

    /** A second fleet-service on the same schema and broker, as a second pod would be. */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(FleetServiceApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + TestInfrastructure.DB_USER,
                "--spring.datasource.password=" + TestInfrastructure.DB_PASSWORD,
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--zhenwu.security.jwt.secret=" + TestTokens.SECRET,
                "--zhenwu.outbox.relay-enabled=false",
                "--spring.jmx.enabled=false");
    }
}
