package app.financetracker.notification.feed;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** A notification as one admin sees it (DESIGN §5): the message in their language, their own read state. */
public record NotificationView(String id, String type, String message, @Nullable String userId,
                               @Nullable String transactionId, Instant createdAt, boolean read) {
}
