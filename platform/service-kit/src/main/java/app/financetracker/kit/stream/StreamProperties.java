package app.financetracker.kit.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the stream consumers and the outbox relay ({@code finance.streams.*}).
 *
 * @param maxDeliveries deliveries after which a failing entry goes to {@code <stream>:dlq}
 * @param claimIdle how long an entry stays pending with its consumer before another may take it over
 * @param sweepInterval how often pending entries are looked at
 * @param pollTimeout how long one XREADGROUP blocks
 * @param batchSize entries per XREADGROUP
 * @param outboxPollInterval how often the outbox relay looks for pending events besides its wake-ups
 */
@ConfigurationProperties("finance.streams")
public record StreamProperties(Integer maxDeliveries, Duration claimIdle, Duration sweepInterval,
                               Duration pollTimeout, Integer batchSize, Duration outboxPollInterval) {

    public StreamProperties {
        maxDeliveries = maxDeliveries == null ? 5 : maxDeliveries;
        claimIdle = claimIdle == null ? Duration.ofSeconds(30) : claimIdle;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        pollTimeout = pollTimeout == null ? Duration.ofSeconds(1) : pollTimeout;
        batchSize = batchSize == null ? 100 : batchSize;
        outboxPollInterval = outboxPollInterval == null ? Duration.ofSeconds(5) : outboxPollInterval;
    }
}
