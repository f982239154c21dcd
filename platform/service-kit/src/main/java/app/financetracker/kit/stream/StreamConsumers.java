package app.financetracker.kit.stream;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.MalformedEventException;
import app.financetracker.events.Streams;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The consumer side of DESIGN §3, once for every service: one consumer group per service (its application
 * name), so that N instances split the work; XACK only after the handler stored the effect; a periodic sweep
 * that takes over entries left pending (a dead instance, a failed attempt) and sends an entry that failed
 * {@code maxDeliveries} times, or cannot be read at all, to {@code <stream>:dlq} with its error.
 * <p>
 * Entries go to the handler a batch at a time (up to {@code batchSize} per XREADGROUP) and are acknowledged with
 * one XACK, so that a handler can do shared work once per batch (ADR 0007). Not Spring Data Redis'
 * {@code StreamMessageListenerContainer}: it hands over one record at a time, and opened a connection per read.
 */
public class StreamConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumers.class);

    private final RedisConnectionFactory connectionFactory;
    private final StringRedisTemplate redis;
    private final List<StreamEventHandler> handlers;
    private final String group;
    private final String consumer;
    private final StreamProperties properties;
    private final EventTracing tracing;
    private final Map<RecordId, String> lastErrors = new ConcurrentHashMap<>();
    private final AtomicInteger readerThreads = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService readers;
    private ScheduledExecutorService sweeper;

    public StreamConsumers(RedisConnectionFactory connectionFactory, StringRedisTemplate redis,
                           List<StreamEventHandler> handlers, String group, StreamProperties properties) {
        this(connectionFactory, redis, handlers, group, properties, EventTracing.NONE);
    }

    /** With {@code tracing}: each handler call continues the trace of the event(s) it handles (ADR 0015). */
    public StreamConsumers(RedisConnectionFactory connectionFactory, StringRedisTemplate redis,
                           List<StreamEventHandler> handlers, String group, StreamProperties properties,
                           EventTracing tracing) {
        this.tracing = tracing;
        this.connectionFactory = connectionFactory;
        this.redis = redis;
        this.handlers = handlers;
        this.group = group;
        this.consumer = group + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        readers = Executors.newFixedThreadPool(handlers.size(), runnable -> {
            Thread thread = new Thread(runnable, "stream-reader-" + readerThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (StreamEventHandler handler : handlers) {
            ensureGroup(handler.stream());
            readers.execute(() -> read(handler));
        }
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

    /**
     * The read loop of one stream: XREADGROUP of up to {@code batchSize} new entries (blocking up to
     * {@code pollTimeout}) on a connection of its own, kept open between reads, and the whole batch to the
     * handler at once.
     */
    private void read(StreamEventHandler handler) {
        String stream = handler.stream();
        StreamReadOptions options = StreamReadOptions.empty().count(properties.batchSize()).block(properties.pollTimeout());
        StringRedisConnection connection = null;
        while (running) {
            try {
                if (connection == null) {
                    connection = new DefaultStringRedisConnection(connectionFactory.getConnection());
                }
                List<StringRecord> records = connection.xReadGroupAsString(Consumer.from(group, consumer), options,
                        StreamOffset.create(stream, ReadOffset.lastConsumed()));
                if (records != null && !records.isEmpty()) {
                    process(handler, records);
                }
            } catch (RuntimeException e) {
                close(connection);
                connection = null;
                if (running) {
                    onReadError(stream, e);
                }
            }
        }
        close(connection);
    }

    /**
     * One batch: malformed entries straight to the dead-letter stream, the others to the handler together and
     * acknowledged with one XACK; if that fails, each again on its own.
     */
    private void process(StreamEventHandler handler, List<? extends MapRecord<String, String, String>> records) {
        String stream = handler.stream();
        List<MapRecord<String, String, String>> readable = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (MapRecord<String, String, String> record : records) {
            try {
                events.add(EventEnvelope.fromFields(record.getValue()));
                readable.add(record);
            } catch (MalformedEventException e) {
                deadLetter(stream, record, e.getMessage());
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        try {
            tracing.consume(stream, events, () -> handler.handleAll(events));
            acknowledge(stream, readable.stream().map(MapRecord::getId).toArray(RecordId[]::new));
        } catch (RuntimeException e) {
            if (readable.size() == 1) {
                fail(stream, readable.get(0), e);
            } else {
                readable.forEach(record -> process(handler, record));
            }
        }
    }

    private void process(StreamEventHandler handler, MapRecord<String, String, String> record) {
        String stream = handler.stream();
        try {
            EventEnvelope event = EventEnvelope.fromFields(record.getValue());
            tracing.consume(stream, event, () -> handler.handle(event));
            acknowledge(stream, record.getId());
        } catch (MalformedEventException e) {
            deadLetter(stream, record, e.getMessage());
        } catch (RuntimeException e) {
            fail(stream, record, e);
        }
    }

    private void fail(String stream, MapRecord<String, String, String> record, RuntimeException e) {
        if (e instanceof MalformedEventException) {
            deadLetter(stream, record, e.getMessage());
            return;
        }
        lastErrors.put(record.getId(), e.toString());
        log.warn("Event {} of {} failed, it stays pending for a retry: {}", record.getId(), stream, e.toString());
    }

    private void acknowledge(String stream, RecordId... ids) {
        redis.opsForStream().acknowledge(stream, group, ids);
        for (RecordId id : ids) {
            lastErrors.remove(id);
        }
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

    private static void close(RedisConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                // already broken
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        sweeper.shutdownNow();
        readers.shutdown();
        try {
            // A reader finishes the batch in hand; a blocked XREADGROUP returns within the poll timeout.
            readers.awaitTermination(properties.pollTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readers = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
