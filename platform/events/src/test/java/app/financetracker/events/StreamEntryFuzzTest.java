package app.financetracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzz test of what a consumer reads off a stream (issue 10, ADR 0040). A consumer may get anything: a stream entry either
 * decodes into something it can count with, or fails with {@link MalformedEventException} (the entry goes to the
 * dead-letter stream at once). Any other exception, or an accepted value that breaks what the consumers rely on,
 * is a crash. Plain {@code mvn test} replays the inputs under {@code src/test/resources/.../StreamEntryFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code JAZZER_MAX_DURATION} (docs/reliability.md §6). One fuzz test per
 * class: Jazzer fuzzes one per JVM.
 */
class StreamEntryFuzzTest {

    private static final String[] FIELDS = {"eventId", "type", "aggregateId", "aggregateVersion", "occurredAt",
            "payload", "entityId", "traceparent"};

    @FuzzTest(maxDuration = "30s")
    void streamEntriesAreReadOrRefused(FuzzedDataProvider data) {
        Map<String, String> fields = new HashMap<>();
        for (String name : FIELDS) {
            if (data.consumeBoolean()) {
                fields.put(name, data.consumeString(60));
            }
        }
        try {
            EventEnvelope event = EventEnvelope.fromFields(fields);
            assertThat(EventEnvelope.fromFields(event.toFields())).isEqualTo(event);
        } catch (MalformedEventException expected) {
            // to the dead-letter stream
        }
    }
}
