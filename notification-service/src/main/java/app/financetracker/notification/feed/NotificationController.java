package app.financetracker.notification.feed;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feed of DESIGN §5; read state is each admin's own; messages are in the reader's language. The live
 * stream ({@code /stream}) is the live package's. Everything acts in the request's entity ({@link CurrentEntity}).
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final FeedService feed;
    private final Messages messages;

    NotificationController(FeedService feed, Messages messages) {
        this.feed = feed;
        this.messages = messages;
    }

    /** Newest first. */
    @Operation(operationId = "listNotifications", summary = "The feed, newest first")
    @GetMapping
    PageResponse<NotificationView> list(@RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size, Principal principal, Locale locale) {
        PageResponse<Notification> notifications = feed.page(CurrentEntity.id(), Math.max(page, 0),
                Math.max(1, Math.min(size, 100)));
        return new PageResponse<>(notifications.content().stream()
                .map(n -> messages.view(n, principal.getName(), locale)).toList(), notifications.page());
    }

    @Operation(operationId = "countUnreadNotifications", summary = "How many notifications the caller has not read")
    @GetMapping("/unread-count")
    UnreadCount unreadCount(Principal principal) {
        return new UnreadCount(feed.unread(CurrentEntity.id(), principal.getName()));
    }

    record UnreadCount(long count) {
    }

    @Operation(operationId = "markNotificationRead", summary = "Marks one notification read for the caller")
    @ApiResponse(responseCode = "204", description = "Done")
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable String id, Principal principal) {
        feed.markRead(CurrentEntity.id(), id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "markAllNotificationsRead", summary = "Marks every notification read for the caller")
    @ApiResponse(responseCode = "204", description = "Done")
    @PostMapping("/read-all")
    ResponseEntity<Void> readAll(Principal principal) {
        feed.markAllRead(CurrentEntity.id(), principal.getName());
        return ResponseEntity.noContent().build();
    }
}
