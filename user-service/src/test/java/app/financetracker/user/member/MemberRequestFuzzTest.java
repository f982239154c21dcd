package app.financetracker.user.member;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.RequestFuzzing;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any body of {@code POST/PUT /api/users} is either refused as a 400 (unreadable, or a field error) or becomes a
 * member the console can show: named, with an address (issue 10, ADR 0040). Anything else is a crash.
 */
class MemberRequestFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBodyIsRefusedOrNamesAMember(FuzzedDataProvider data) {
        byte[] body = RequestFuzzing.body(data, "firstName", "lastName", "email", "phone", "version");
        RequestFuzzing.readValid(body, MemberRequest.class).map(MemberRequest::normalized).ifPresent(member -> {
            assertThat(member.firstName()).isNotBlank();
            assertThat(member.lastName()).isNotBlank();
            assertThat(member.email()).contains("@");
        });
    }
}
