package org.zhenwu.servicehall.application;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhenwu.platform.test.ImportBenchmark;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/**
 * What the applications import costs per row: the {@code --demo} files of 乐从镇 (2018–2019) sent to
 * {@code POST /api/service-hall/applications/imports}, each import file twice. Skipped unless {@code -Dzhenwu.bench=true}; run with
 * {@code deploy/bench/imports.sh service-hall-service}. Results: {@code target/demo-import-benchmark.md}.
 */
@ZhenwuIntegrationTest
class DemoImportBenchmarkTest {
    @LocalServerPort
    int port;

    @Test
    void importing_one_towns_applications() throws Exception {
        ImportBenchmark.run(ImportBenchmark.demoFiles(), "demo-import-benchmark", ImportBenchmark.district(port),
                ImportBenchmark.pathAndTown("/api/service-hall/applications/imports", "440606104"));
    }
}
