package app.financetracker.notification.feed;

import java.security.Principal;
import java.time.Instant;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationRepository notifications;

    NotificationController(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** The feed, newest first; {@code read} is the caller's own read state. */
    @GetMapping
    PagedModel<NotificationResponse> feed(Pageable pageable, Principal principal) {
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), 100),
                Sort.by(Sort.Direction.DESC, "createdAt"));
        return new PagedModel<>(notifications.findAll(newestFirst)
                .map(n -> new NotificationResponse(n.id(), n.type(), n.message(), n.userId(), n.transactionId(),
                        n.createdAt(), n.readBy() != null && n.readBy().contains(principal.getName()))));
    }

    record NotificationResponse(String id, String type, String message, String userId, String transactionId,
                                Instant createdAt, boolean read) {
    }
}
