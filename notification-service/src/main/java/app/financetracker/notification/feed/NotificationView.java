package app.financetracker.notification.feed;

import java.time.Instant;

/** A notification as one admin sees it (DESIGN §5): the message in their language, their own read state. */
public record NotificationView(String id, String type, String message, String userId, String transactionId,
                               Instant createdAt, boolean read) {
}
