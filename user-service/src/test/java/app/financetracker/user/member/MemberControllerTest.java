package app.financetracker.user.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import app.financetracker.testkit.ControllerSliceTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/** The member form's validation matrix: each bad field is named in a 400 problem, and nothing is written. */
@ControllerSliceTest(MemberController.class)
class MemberControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    MemberService members;

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("firstName", null),
                Arguments.of("firstName", "   "),
                Arguments.of("firstName", "x".repeat(101)),
                Arguments.of("lastName", ""),
                Arguments.of("lastName", "x".repeat(101)),
                Arguments.of("email", null),
                Arguments.of("email", "not-an-email"),
                Arguments.of("email", "x".repeat(250) + "@b.be"),
                Arguments.of("phone", "0471234567"),
                Arguments.of("phone", "+32 47"),
                Arguments.of("phone", "+3247123456789012345678"),
                Arguments.of("language", "de"),
                Arguments.of("iban", "BE00 5390 0754 7035"),
                Arguments.of("tags", IntStream.range(0, 21).mapToObj(i -> "Section " + i).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTags")
    void aBadTagIsNamedByItsPlace(String tag) {
        String body = JSON.writeValueAsString(Map.of("firstName", "Lucie", "lastName", "Dupont",
                "email", "lucie@example.com", "tags", List.of("Baladins", tag)));

        var response = mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body).exchange();

        assertThat(response).hasStatus(400);
        assertThat(response).bodyJson().extractingPath("$.errors[*].field").asArray().containsOnly("tags[1]");
        verifyNoInteractions(members);
    }

    static Stream<String> badTags() {
        return Stream.of(" ", "x".repeat(41));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void aBadFieldIsNamedInA400ProblemOnCreateAndUpdate(String field, Object value) {
        Map<String, Object> member = new HashMap<>(Map.of("firstName", "Lucie", "lastName", "Dupont",
                "email", "lucie@example.com", "phone", "+32471234567", "version", 0));
        member.put(field, value);
        String body = JSON.writeValueAsString(member);

        for (var request : new MockMvcTester.MockMvcRequestBuilder[] {mvc.post().uri("/api/users"),
                mvc.put().uri("/api/users/m-1")}) {
            var response = request.contentType(MediaType.APPLICATION_JSON).content(body).exchange();

            assertThat(response).hasStatus(400).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response).bodyJson().extractingPath("$.errors[*].field").asArray().isNotEmpty().containsOnly(field);
        }
        verifyNoInteractions(members);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBodyThatIsNoMemberIsA400Problem(String body) {
        var response = mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body).exchange();

        assertThat(response).hasStatus(400).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(members);
    }

    static Stream<String> badBodies() {
        return Stream.of("", "{\"firstName\": \"Lu", "[]", "null", "42",
                "{\"firstName\": {\"$gt\": \"\"}, \"lastName\": \"D\", \"email\": \"a@b.be\"}",
                "{\"firstName\": [\"Lucie\"], \"lastName\": \"D\", \"email\": \"a@b.be\"}");
    }
}
