package app.financetracker.notification.feed;

import app.financetracker.kit.web.PageResponse;
import app.financetracker.notification.live.LiveFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The feed of DESIGN §5; read state is each admin's own; messages are in the reader's language. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final FeedService feed;
    private final LiveFeed live;
    private final Messages messages;

    NotificationController(FeedService feed, LiveFeed live, Messages messages) {
        this.feed = feed;
        this.live = live;
        this.messages = messages;
    }

    /** Newest first. */
    @Operation(operationId = "listNotifications", summary = "The feed, newest first")
    @GetMapping
    PageResponse<NotificationView> list(@RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size, Principal principal, Locale locale) {
        PageResponse<Notification> notifications = feed.page(Math.max(page, 0), Math.max(1, Math.min(size, 100)));
        return new PageResponse<>(notifications.content().stream()
                .map(n -> messages.view(n, principal.getName(), locale)).toList(), notifications.page());
    }

    @Operation(operationId = "countUnreadNotifications", summary = "How many notifications the caller has not read")
    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(Principal principal) {
        return Map.of("count", feed.unread(principal.getName()));
    }

    @Operation(operationId = "markNotificationRead", summary = "Marks one notification read for the caller")
    @ApiResponse(responseCode = "204", description = "Done")
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable String id, Principal principal) {
        feed.markRead(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "markAllNotificationsRead", summary = "Marks every notification read for the caller")
    @ApiResponse(responseCode = "204", description = "Done")
    @PostMapping("/read-all")
    ResponseEntity<Void> readAll(Principal principal) {
        feed.markAllRead(principal.getName());
        return ResponseEntity.noContent().build();
    }

    /** Server-Sent Events: {@code notification} events with {@code id:}, heartbeats, resumption from Last-Event-ID. */
    @Operation(operationId = "streamNotifications", summary = "Live notifications as Server-Sent Events")
    @ApiResponse(responseCode = "200", description = "An endless event stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      Principal principal, Locale locale) {
        Instant since = LiveFeed.since(lastEventId);
        List<Notification> missed = since == null ? List.of() : feed.after(since);
        return live.subscribe(principal.getName(), locale, missed);
    }
}
