package app.financetracker.notification.live;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.notification.feed.FeedService;
import app.financetracker.notification.feed.Notification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The feed's live stream (DESIGN §5): Server-Sent Events, resumable from Last-Event-ID, of the request's entity. The
 * entity is taken here, on the request's thread: the stream is written later from other threads, which have no
 * request and no security context.
 */
@RestController
class LiveFeedController {

    private final LiveFeed live;
    private final FeedService feed;

    LiveFeedController(LiveFeed live, FeedService feed) {
        this.live = live;
        this.feed = feed;
    }

    /** {@code notification} events with {@code id:}, heartbeats, and first what a reconnecting browser missed. */
    @Operation(operationId = "streamNotifications", summary = "Live notifications as Server-Sent Events")
    @ApiResponse(responseCode = "200", description = "An endless event stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    @GetMapping(path = "/api/notifications/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      Principal principal, Locale locale) {
        String entityId = CurrentEntity.id();
        Instant since = LiveFeed.since(lastEventId);
        List<Notification> missed = since == null ? List.of() : feed.after(entityId, since);
        return live.subscribe(entityId, principal.getName(), locale, missed);
    }
}
