package app.financetracker.notification.feed;

import app.financetracker.security.Languages;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders a notification for a reader's locale (English, French or Dutch), amounts with the deployment's currency. */
@Component
public class Messages {

    private final MessageSource messages;
    private final Currency currency;

    Messages(MessageSource messages, @Value("${finance.currency:EUR}") String currency) {
        this.messages = messages;
        this.currency = Currency.getInstance(currency);
    }

    public NotificationView view(Notification n, String reader, Locale locale) {
        String transactionType = n.transactionType() == null ? ""
                : messages.getMessage("type." + n.transactionType(), null, n.transactionType(), locale);
        String amount = "";
        if (n.amount() != null) {
            NumberFormat format = NumberFormat.getCurrencyInstance(Languages.formats(locale));
            format.setCurrency(currency);
            amount = format.format(n.amount());
        }
        String message = messages.getMessage("notification." + n.type(), new Object[] {n.memberName(), transactionType,
                amount}, n.type(), locale);
        return new NotificationView(n.id(), n.type(), message, n.userId(), n.transactionId(), n.createdAt(),
                n.readBy() != null && n.readBy().contains(reader));
    }
}
