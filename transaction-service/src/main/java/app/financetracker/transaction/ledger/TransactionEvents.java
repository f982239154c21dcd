package app.financetracker.transaction.ledger;

import app.financetracker.events.Streams;
import app.financetracker.kit.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Transactions publish {@code Transaction*} events on {@code events:transactions} through their outbox. */
@Configuration(proxyBeanMethods = false)
class TransactionEvents {

    @Bean
    OutboxSource transactionsOutbox() {
        return new OutboxSource(Transaction.COLLECTION, Streams.TRANSACTIONS);
    }
}
