package org.zhenwu.hotline.workorder;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhenwu.platform.test.ImportBenchmark;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

/**
 * What the work-order import costs per row: the {@code --demo} files of 乐从镇 (2018–2019) sent to
 * {@code POST /api/hotline/work-orders/imports}, each import file twice. Skipped unless {@code -Dzhenwu.bench=true}; run with
 * {@code deploy/bench/imports.sh hotline-service}. Results: {@code target/demo-import-benchmark.md}.
 */
@ZhenwuIntegrationTest
class DemoImportBenchmarkTest {
    @LocalServerPort
    int port;

    @Test
    void importing_one_towns_work_orders() throws Exception {
        ImportBenchmark.run(ImportBenchmark.demoFiles(), "demo-import-benchmark", ImportBenchmark.district(port),
                ImportBenchmark.pathAndTown("/api/hotline/work-orders/imports", "440606104"));
    }
}
