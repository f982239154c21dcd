package app.financetracker.events;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Fuzz test of what a consumer reads off a stream (issue 10, ADR 0040). A consumer may get anything: a member event's payload either
 * decodes into something it can count with, or fails with {@link MalformedEventException} (the entry goes to the
 * dead-letter stream at once). Any other exception, or an accepted value that breaks what the consumers rely on,
 * is a crash. Plain {@code mvn test} replays the inputs under {@code src/test/resources/.../UserPayloadFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code JAZZER_MAX_DURATION} (docs/reliability.md §6). One fuzz test per
 * class: Jazzer fuzzes one per JVM.
 */
class UserPayloadFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"\"id\"", "\"firstName\"", "\"lastName\"", "\"email\"", ":null", "[", "{"})
    void userPayloadsAreReadOrRefused(byte[] payload) {
        EventEnvelope event = new EventEnvelope("e1", EventTypes.USER_UPDATED, "u1", 1, Instant.EPOCH,
                new String(payload, StandardCharsets.UTF_8), null, null);
        try {
            EventCodec.read(event, UserPayload.class);
        } catch (MalformedEventException expected) {
            // to the dead-letter stream
        }
    }
}
