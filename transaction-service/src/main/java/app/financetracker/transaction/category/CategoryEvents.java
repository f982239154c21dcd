package app.financetracker.transaction.category;

import app.financetracker.events.Streams;
import app.financetracker.kit.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Categories publish {@code Category*} events on {@code events:categories} through their outbox. */
@Configuration(proxyBeanMethods = false)
class CategoryEvents {

    @Bean
    OutboxSource categoriesOutbox() {
        return new OutboxSource(Category.COLLECTION, Streams.CATEGORIES);
    }
}
