package app.financetracker.notification.live;

import app.financetracker.notification.feed.Messages;
import app.financetracker.notification.feed.Notification;
import app.financetracker.notification.feed.NotificationRecorded;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live delivery to open browsers (ADR 0006). The consumer group gives each event to one instance; that
 * instance stores the notification and publishes it on a Redis channel that every instance listens to, so
 * each instance can push it to the browsers connected to it. A reconnecting browser sends the id of the last
 * event it saw and first gets what was stored since. It hears the channel through {@link LiveFeedConfiguration}'s
 * listener container, which starts and stops with the application context.
 *
 * <p>Each stream belongs to the entity its request acted in, fixed when it opens (DESIGN §9): a notification goes
 * only to the streams of its own entity.
 */
@Component
public class LiveFeed implements MessageListener, DisposableBean {

    static final String CHANNEL = "notifications:live";
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Messages messages;
    private final Duration heartbeat;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LiveFeed(StringRedisTemplate redis, JsonMapper json, Messages messages,
             @Value("${finance.notifications.heartbeat:15s}") Duration heartbeat) {
        this.redis = redis;
        this.json = json;
        this.messages = messages;
        this.heartbeat = heartbeat;
        heartbeats.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Subscriber(SseEmitter emitter, String entityId, String reader, Locale locale) {
    }

    /** Tells every instance about a new notification, as soon as the feed stored it. */
    @EventListener
    void announce(NotificationRecorded recorded) {
        Notification notification = recorded.notification();
        try {
            redis.convertAndSend(CHANNEL, json.writeValueAsString(notification));
        } catch (RuntimeException e) {
            // The notification is stored; browsers get it on their next reconnect or page load.
            log.warn("Could not announce notification {} of entity {} live: {}", notification.id(),
                    recorded.entityId(), e.getMessage());
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        Notification notification = json.readValue(message.getBody(), Notification.class);
        subscribers.stream().filter(subscriber -> subscriber.entityId().equals(notification.entityId()))
                .forEach(subscriber -> send(subscriber, notification));
    }

    /**
     * Opens a stream of {@code entityId}'s notifications for one browser, first sending {@code missed} (of that
     * entity): what it lost while disconnected.
     */
    SseEmitter subscribe(String entityId, String reader, Locale locale, List<Notification> missed) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Subscriber subscriber = new Subscriber(emitter, entityId, reader, locale);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // Sent at once so that the browser (and any proxy) sees the stream is open.
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        missed.forEach(notification -> send(subscriber, notification));
        return emitter;
    }

    /** The event id is the notification's storage time: a reconnecting browser asks for what came after it. */
    static Instant since(String lastEventId) {
        try {
            return lastEventId == null || lastEventId.isBlank() ? null : Instant.ofEpochMilli(Long.parseLong(lastEventId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void send(Subscriber subscriber, Notification notification) {
        try {
            subscriber.emitter().send(SseEmitter.event()
                    .id(Long.toString(notification.createdAt().toEpochMilli()))
                    .name("notification")
                    .data(messages.view(notification, subscriber.reader(), subscriber.locale()), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }

    private void beat() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            }
        }
    }

}
