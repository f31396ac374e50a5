package org.zhenwu.congress.suggestion;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhenwu.platform.test.ImportBenchmark;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/**
 * What the suggestions import costs per row: the {@code --demo} files of all ten towns (2018–2019; a
 * town has a dozen a year) sent to
 * {@code POST /api/congress/suggestions/imports}, each import file twice. Skipped unless {@code -Dzhenwu.bench=true}; run with
 * {@code deploy/bench/imports.sh congress-service}. Results: {@code target/demo-import-benchmark.md}.
 */
@ZhenwuIntegrationTest
class DemoImportBenchmarkTest {
    @LocalServerPort
    int port;

    @Test
    void importing_one_towns_suggestions() throws Exception {
        ImportBenchmark.run(ImportBenchmark.demoFiles(), "demo-import-benchmark", ImportBenchmark.district(port),
                ImportBenchmark.pathAndTown("/api/congress/suggestions/imports", ""));
    }
}
