package app.financetracker.auth.audit;

import app.financetracker.events.Streams;
import app.financetracker.kit.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Audit entries of revoking actions publish their event on {@code events:admins} through their outbox. */
@Configuration(proxyBeanMethods = false)
class AdminEvents {

    @Bean
    OutboxSource adminAuditOutbox() {
        return new OutboxSource(AuditEntry.COLLECTION, Streams.ADMINS);
    }
}
