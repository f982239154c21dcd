package app.financetracker.notification.feed;

/** A notification was stored for the first time (an application event: whoever shows new ones listens). */
public record NotificationRecorded(Notification notification) {
}
