package app.financetracker.report.report;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of reports ({@code finance.reports.*}).
 *
 * @param timeZone the zone in which report timestamps are shown (transaction dates are calendar dates and
 *                 need none)
 * @param currency the deployment's one currency, printed in exports
 * @param topMembers how many members {@code byUser} lists, those with the largest outstanding amount first
 * @param maxYears the longest period a report may span
 */
@ConfigurationProperties("finance.reports")
public record ReportProperties(ZoneId timeZone, String currency, Integer topMembers, Integer maxYears) {

    public ReportProperties {
        timeZone = timeZone == null ? ZoneId.of("Europe/Brussels") : timeZone;
        currency = currency == null ? "EUR" : currency;
        topMembers = topMembers == null ? 10 : topMembers;
        maxYears = maxYears == null ? 10 : maxYears;
    }
}
