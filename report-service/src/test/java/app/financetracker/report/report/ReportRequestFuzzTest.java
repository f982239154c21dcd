package app.financetracker.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.kit.web.BadRequestException;
import app.financetracker.testkit.RequestFuzzing;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any body of {@code POST /api/reports} is either refused with a 400 (unreadable, a field error, a period the
 * service will not cut) or is a period the generator can cut (issue 10, ADR 0040). Anything else is a crash.
 */
class ReportRequestFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBodyIsRefusedOrIsAPeriodToReportOn(FuzzedDataProvider data) {
        byte[] body = RequestFuzzing.body(data, "from", "to", "granularity", "userId", "categoryId");
        RequestFuzzing.readValid(body, ReportRequest.class).ifPresent(request -> {
            try {
                Granularity granularity = request.checked(10);
                // What the generator then does with it: the rows of the report, the ledger buckets that cover it.
                assertThat(Periods.split(request.from(), request.to(), granularity)).isNotEmpty();
                assertThat(Periods.cover(request.from(), request.to())).isNotEmpty();
            } catch (BadRequestException refused) {
                // 400
            }
        });
    }
}
