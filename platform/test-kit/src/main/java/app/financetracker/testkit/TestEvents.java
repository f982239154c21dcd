package app.financetracker.testkit;

import app.financetracker.events.CategoryPayload;
import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.events.UserPayload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Builds events as their producers would, and publishes or reads them on the real streams. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope transaction(String type, String id, long version, String userId, String kind,
                                            String amount) {
        return transaction(type, id, version, userId, "Test Member", kind, amount, null, null, LocalDate.of(2026, 3, 14));
    }

    public static EventEnvelope transaction(String type, String id, long version, String userId, String userName,
                                            String kind, String amount, String categoryId, String categoryName,
                                            LocalDate date) {
        return EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, type, id, version, EventCodec.write(new TransactionPayload(id, userId, userName,
                kind, new BigDecimal(amount), categoryId, categoryName, date, "test")));
    }

    public static EventEnvelope member(String type, String id, long version, String firstName, String lastName) {
        return EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, type, id, version, EventCodec.write(new UserPayload(id, firstName, lastName,
                firstName.toLowerCase() + "." + lastName.toLowerCase() + "@example.com")));
    }

    public static EventEnvelope memberCreated(String id, String firstName, String lastName) {
        return member(EventTypes.USER_CREATED, id, 0, firstName, lastName);
    }

    /** A {@code Category*} event as transaction-service writes it (colour left at the default). */
    public static EventEnvelope category(String type, String id, long version, String name) {
        return EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, type, id, version, EventCodec.write(new CategoryPayload(id, name, "#607d8b")));
    }

    public static void publish(StringRedisTemplate redis, String stream, EventEnvelope event) {
        redis.opsForStream().add(StreamRecords.string(event.toFields()).withStreamKey(stream));
    }

    public static void publishTransaction(StringRedisTemplate redis, EventEnvelope event) {
        publish(redis, Streams.TRANSACTIONS, event);
    }

    /** Every entry of a stream, as raw fields. */
    public static List<Map<String, String>> entries(StringRedisTemplate redis, String stream) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(stream, Range.unbounded());
        return records.stream()
                .map(record -> record.getValue().entrySet().stream().collect(Collectors.toMap(
                        e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))))
                .toList();
    }

    /** The events of one aggregate on a stream, in stream order. */
    public static List<EventEnvelope> eventsOf(StringRedisTemplate redis, String stream, String aggregateId) {
        return entries(redis, stream).stream().map(EventEnvelope::fromFields)
                .filter(event -> event.aggregateId().equals(aggregateId))
                .toList();
    }
}
