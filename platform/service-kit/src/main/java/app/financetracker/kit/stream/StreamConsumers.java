package app.financetracker.kit.stream;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The consumer side of DESIGN §3, once for every service (ADR 0007): one consumer group per service (its
 * application name), so that N instances split the work; a {@link StreamReader} per stream hands batches to
 * that stream's {@link Dispatch}, which acknowledges them with one XACK after the handler stored the effects;
 * a {@link PendingSweeper} takes over entries left pending and sends one that failed {@code maxDeliveries}
 * times, or cannot be read at all, to {@code <stream>:dlq} ({@link DeadLetters}); {@link #replay} rebuilds a
 * projection. This class only starts and stops them.
 * <p>
 * Not Spring Data Redis' {@code StreamMessageListenerContainer}: it hands over one record at a time, and opened a
 * connection per read.
 */
public class StreamConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumers.class);

    private final RedisConnectionFactory connectionFactory;
    private final StreamProperties properties;
    private final ConsumerGroup group;
    private final List<Dispatch<?>> dispatches;
    private final PendingSweeper sweep;
    private final StreamReplay replay;
    private final AtomicInteger readerThreads = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService readers;
    private ScheduledExecutorService sweeper;

    public StreamConsumers(RedisConnectionFactory connectionFactory, StringRedisTemplate redis,
                           List<? extends StreamEventHandler<?>> handlers, String group, StreamProperties properties) {
        this(connectionFactory, redis, handlers, group, properties, EventTracing.NONE);
    }

    /** With {@code tracing}: each handler call continues the trace of the event(s) it handles (ADR 0015). */
    public StreamConsumers(RedisConnectionFactory connectionFactory, StringRedisTemplate redis,
                           List<? extends StreamEventHandler<?>> handlers, String group, StreamProperties properties,
                           EventTracing tracing) {
        this.connectionFactory = connectionFactory;
        this.properties = properties;
        this.group = new ConsumerGroup(redis, group);
        Acknowledgements acknowledgements = new Acknowledgements(redis, this.group);
        DeadLetters deadLetters = new DeadLetters(redis, this.group, acknowledgements);
        this.dispatches = handlers.stream()
                .<Dispatch<?>>map(handler -> new Dispatch<>(handler, acknowledgements, deadLetters, tracing)).toList();
        this.sweep = new PendingSweeper(redis, this.group, dispatches, acknowledgements, deadLetters, properties);
        this.replay = new StreamReplay(redis);
    }

    @Override
    public void start() {
        running = true;
        readers = Executors.newFixedThreadPool(dispatches.size(), runnable -> {
            Thread thread = new Thread(runnable, "stream-reader-" + readerThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (Dispatch<?> dispatch : dispatches) {
            group.ensure(dispatch.stream());
            readers.execute(new StreamReader(connectionFactory, group, dispatch, properties, () -> running));
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(sweep, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Consuming {} as {} in group {}", dispatches.stream().map(Dispatch::stream).toList(),
                group.consumer().getName(), group.name());
    }

    /**
     * Hands every entry of {@code stream}, from its start, to its handler again; returns how many. The
     * consumer group's position is left alone: this only rebuilds what the handler stores.
     */
    public long replay(String stream) {
        Dispatch<?> dispatch = dispatches.stream().filter(d -> d.stream().equals(stream)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This service does not consume " + stream));
        return replay.replay(dispatch);
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
