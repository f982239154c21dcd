package app.financetracker.notification.feed;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<Notification, String> {
}
