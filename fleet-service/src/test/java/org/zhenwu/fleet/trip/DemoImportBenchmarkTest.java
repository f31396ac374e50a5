package org.zhenwu.fleet.trip;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhenwu.platform.test.ImportBenchmark;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/**
 * What the trips import costs per row: the {@code --demo} files of 乐从镇 (2018–2019) sent to
 * {@code POST /api/fleet/trips/imports}, each import file twice (vehicles and drivers first, registered one
 * request a line, once). Skipped unless {@code -Dzhenwu.bench=true}; run with {@code deploy/bench/imports.sh fleet-service}. Results: {@code target/demo-import-benchmark.md}.
 */
@ZhenwuIntegrationTest
class DemoImportBenchmarkTest {
    @LocalServerPort
    int port;

    @Test
    void importing_one_towns_fleet() throws Exception {
        ImportBenchmark.run(ImportBenchmark.demoFiles(), "demo-import-benchmark", ImportBenchmark.district(port),
                ImportBenchmark.pathAndTown("/api/fleet/", "440606104"));
    }
}
