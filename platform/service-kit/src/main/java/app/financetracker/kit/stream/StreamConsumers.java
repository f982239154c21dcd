package app.financetracker.kit.stream;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.MalformedEventException;
import app.financetracker.events.Streams;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamMessageListenerContainerOptions;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamReadRequest;

/**
 * The consumer side of DESIGN §3, once for every service: one consumer group per service (its application
 * name), so that N instances split the work; XACK only after the handler stored the effect; a periodic sweep
 * that takes over entries left pending (a dead instance, a failed attempt) and sends an entry that failed
 * {@code maxDeliveries} times, or cannot be read at all, to {@code <stream>:dlq} with its error.
 */
public class StreamConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumers.class);

    private final RedisConnectionFactory connectionFactory;
    private final StringRedisTemplate redis;
    private final List<StreamEventHandler> handlers;
    private final String group;
    private final String consumer;
    private final StreamProperties properties;
    private final Map<RecordId, String> lastErrors = new ConcurrentHashMap<>();
    private StreamMessageListenerContainer<String, MapRecord<String, String, String>> container;
    private ScheduledExecutorService sweeper;

    public StreamConsumers(RedisConnectionFactory connectionFactory, StringRedisTemplate redis,
                           List<StreamEventHandler> handlers, String group, StreamProperties properties) {
        this.connectionFactory = connectionFactory;
        this.redis = redis;
        this.handlers = handlers;
        this.group = group;
        this.consumer = group + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.properties = properties;
    }

    @Override
    public void start() {
        var options = StreamMessageListenerContainerOptions.builder()
                .pollTimeout(properties.pollTimeout())
                .batchSize(properties.batchSize())
                .build();
        container = StreamMessageListenerContainer.create(connectionFactory, options);
        for (StreamEventHandler handler : handlers) {
            ensureGroup(handler.stream());
            var request = StreamReadRequest.builder(StreamOffset.create(handler.stream(), ReadOffset.lastConsumed()))
                    .consumer(Consumer.from(group, consumer))
                    .autoAcknowledge(false)
                    // The default cancels the subscription on the first error (Redis restarting, say).
                    .cancelOnError(error -> false)
                    .errorHandler(error -> onReadError(handler.stream(), error))
                    .build();
            container.register(request, record -> process(handler, record));
        }
        container.start();
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Consuming {} as {} in group {}", handlers.stream().map(StreamEventHandler::stream).toList(),
                consumer, group);
    }

    private void process(StreamEventHandler handler, MapRecord<String, String, String> record) {
        String stream = handler.stream();
        try {
            handler.handle(EventEnvelope.fromFields(record.getValue()));
            acknowledge(stream, record.getId());
        } catch (MalformedEventException e) {
            deadLetter(stream, record, e.getMessage());
        } catch (RuntimeException e) {
            lastErrors.put(record.getId(), e.toString());
            log.warn("Event {} of {} failed, it stays pending for a retry: {}", record.getId(), stream, e.toString());
        }
    }

    private void acknowledge(String stream, RecordId id) {
        redis.opsForStream().acknowledge(stream, group, id);
        lastErrors.remove(id);
    }

    private void deadLetter(String stream, MapRecord<String, String, String> record, String error) {
        Map<String, String> fields = new LinkedHashMap<>(record.getValue());
        fields.put("sourceId", record.getId().getValue());
        fields.put("group", group);
        fields.put("error", error);
        redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(Streams.deadLetter(stream)));
        acknowledge(stream, record.getId());
        log.error("Event {} of {} moved to {}: {}", record.getId(), stream, Streams.deadLetter(stream), error);
    }

    /** Takes over entries pending too long: retries them here, or dead-letters those that failed too often. */
    void sweep() {
        for (StreamEventHandler handler : handlers) {
            try {
                sweep(handler);
            } catch (RuntimeException e) {
                log.warn("Sweep of {} failed, next one in {}: {}", handler.stream(), properties.sweepInterval(),
                        e.getMessage());
            }
        }
    }

    private void sweep(StreamEventHandler handler) {
        String stream = handler.stream();
        for (PendingMessage pending : redis.opsForStream().pending(stream, group, Range.unbounded(), 100)) {
            if (pending.getElapsedTimeSinceLastDelivery().compareTo(properties.claimIdle()) < 0) {
                continue;
            }
            if (pending.getTotalDeliveryCount() >= properties.maxDeliveries()) {
                for (MapRecord<String, String, String> record : read(stream, pending.getId())) {
                    deadLetter(stream, record, "Failed " + pending.getTotalDeliveryCount() + " deliveries; last error: "
                            + lastErrors.getOrDefault(pending.getId(), "seen by another instance"));
                }
                continue;
            }
            List<MapRecord<String, String, String>> claimed = redis.<String, String>opsForStream()
                    .claim(stream, group, consumer, properties.claimIdle(), pending.getId());
            claimed.forEach(record -> process(handler, record));
        }
    }

    private List<MapRecord<String, String, String>> read(String stream, RecordId id) {
        return redis.<String, String>opsForStream().range(stream, Range.closed(id.getValue(), id.getValue()));
    }

    /**
     * Hands every entry of {@code stream}, from its start, to its handler again; returns how many. The
     * consumer group's position is left alone: this only rebuilds what the handler stores.
     */
    public long replay(String stream) {
        StreamEventHandler handler = handlers.stream().filter(h -> h.stream().equals(stream)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This service does not consume " + stream));
        long count = 0;
        String from = "-";
        while (true) {
            List<MapRecord<String, String, String>> batch = redis.<String, String>opsForStream()
                    .range(stream, Range.rightUnbounded(Range.Bound.inclusive(from)), Limit.limit().count(500));
            for (MapRecord<String, String, String> record : batch) {
                if (record.getId().getValue().equals(from)) {
                    continue;
                }
                try {
                    handler.handle(EventEnvelope.fromFields(record.getValue()));
                } catch (MalformedEventException e) {
                    log.debug("Replay skips malformed entry {}", record.getId());
                }
                count++;
            }
            if (batch.size() < 500) {
                return count;
            }
            from = batch.get(batch.size() - 1).getId().getValue();
        }
    }

    private void onReadError(String stream, Throwable error) {
        String message = String.valueOf(error.getMessage()) + (error.getCause() == null ? "" : error.getCause().getMessage());
        if (message.contains("NOGROUP")) {
            // Redis lost its data (restart without persistence): recreate the group and read on.
            ensureGroup(stream);
        } else {
            log.warn("Reading {} failed, retrying in {}: {}", stream, properties.pollTimeout(), error.toString());
            // Redis is away and rejects commands at once: wait as long as a read would have blocked, not spin.
            pause(properties.pollTimeout());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates the group (and the stream) if missing; a new group reads the stream from its start. */
    void ensureGroup(String stream) {
        try {
            redis.execute((RedisCallback<String>) connection -> connection.streamCommands()
                    .xGroupCreate(stream.getBytes(StandardCharsets.UTF_8), group, ReadOffset.from("0"), true));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP") && !causeContains(e, "BUSYGROUP")) {
                log.warn("Could not create group {} on {} yet: {}", group, stream, e.getMessage());
            }
        }
    }

    private static boolean causeContains(Throwable error, String text) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void stop() {
        sweeper.shutdownNow();
        container.stop();
        container = null;
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }
}
