package app.financetracker.auth.entities;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One organisation of the deployment (DESIGN §9), kept in {@code entities}. Who belongs to it is Keycloak's
 * (groups {@code /entities/<id>/<role>}, ADR 0019); this is what the rest of the product needs to know about it.
 * {@code entityId} is its own id: every document carries the entity it belongs to, and the start-up migration of
 * documents without one must never move an entity into the default one.
 *
 * @param state   {@link State#CREATING} until its groups and first admin are in Keycloak: a creation that failed
 *                half-way keeps the slug for a retry, which takes the same entity up again
 * @param version +1 per change of the settings (optimistic locking, as every {@code PUT} of the API)
 */
@Document(Entity.COLLECTION)
@CompoundIndex(name = "slug", def = "{'slug': 1}", unique = true)
record Entity(@Id String id, String entityId, String slug, String name, String currency, Settings settings,
              State state, Instant createdAt, Instant updatedAt, long version) {

    static final String COLLECTION = "entities";
    static final String DEFAULT_CURRENCY = "EUR";

    enum State { CREATING, ACTIVE }

    /**
     * What the entity's documents need (DESIGN §11: payment requests and their QR code use the IBAN, BIC and
     * beneficiary; e-mails and PDFs the language and address).
     *
     * @param iban normalised: upper case, no spaces; null when not set
     */
    record Settings(String iban, String bic, String beneficiary, String defaultLanguage, String address,
                    boolean receiptEmails) {

        static final String DEFAULT_LANGUAGE = "fr";

        static Settings initial() {
            return new Settings(null, null, null, DEFAULT_LANGUAGE, null, false);
        }
    }
}
