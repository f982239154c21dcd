package app.financetracker.notification.feed;

/**
 * A notification was stored for the first time (an application event: whoever shows new ones listens). Whoever
 * shows it shows it only to the admins of its entity.
 */
public record NotificationRecorded(Notification notification) {

    public String entityId() {
        return notification.entityId();
    }
}
