package app.financetracker.user.member;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.TransactionTotals;
import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A member of the organisation. Its pending events travel in {@code outbox}, written in the same document
 * write as the change (ADR 0002); a deleted member stays, flagged, until its tombstone is published.
 * {@code version} counts the member's own changes (optimistic locking and {@code aggregateVersion});
 * balance updates from transactions do not change it. {@code balanceSeq} counts changes to the member's
 * balance entries, so that a balance computed from an outdated set of entries is never stored (see
 * {@link MemberService#refreshBalance}). The unique index on {@code {_id, balanceSeq}} is for the embedded Mongo
 * server, which finds a document through an index only for a query on exactly its fields: without it, the
 * balance's compare-and-set would scan every member for every transaction event.
 *
 * <p>{@code entityId} is the organisation the member belongs to (DESIGN §9), set at creation from the request's
 * entity and never changed; an e-mail address is unique within one entity, and the list's index leads with it.
 *
 * <p>{@code tags} are the unit's sections the member is in; {@code language} is the one their documents and
 * e-mails are written in (null: the entity's); {@code archived} leaves them out of lists and billing runs with their
 * history kept; {@code reference} is their standing structured communication, twelve digits (StructuredReference),
 * assigned at creation (MemberReferences gives one to members made before references).
 */
@Document(Member.COLLECTION)
@CompoundIndex(name = "id_balance_seq", def = "{'_id': 1, 'balanceSeq': 1}", unique = true)
@CompoundIndex(name = Member.EMAIL_INDEX, def = "{'entityId': 1, 'email': 1}", unique = true)
@CompoundIndex(name = "entity_list", def = "{'entityId': 1, 'deleted': 1, 'lastName': 1, 'firstName': 1}")
@CompoundIndex(name = "entity_tags", def = "{'entityId': 1, 'tags': 1}")
public record Member(@Id String id, String entityId, String firstName, String lastName, String email,
                     String phone, @Nullable List<String> tags, @Nullable String language, @Nullable String iban,
                     @Nullable Boolean archived, @Nullable String reference, Balance balance, long balanceSeq,
                     Instant createdAt, Instant updatedAt, long version, boolean deleted, List<EventEnvelope> outbox) {

    public static final String COLLECTION = "users";
    static final String EMAIL_INDEX = "entity_email";
    /** A member's standing structured communication is unique within the entity (DESIGN §10): MemberReferences. */
    static final String REFERENCE_INDEX = "entity_reference";

    /** The sums per transaction type and what they leave outstanding ({@link TransactionTotals#outstanding()}). */
    public record Balance(@Field(targetType = FieldType.DECIMAL128) BigDecimal receivables,
                          @Field(targetType = FieldType.DECIMAL128) BigDecimal debts,
                          @Field(targetType = FieldType.DECIMAL128) BigDecimal collected,
                          @Field(targetType = FieldType.DECIMAL128) BigDecimal outstanding) {

        public static final Balance ZERO = of(TransactionTotals.ZERO);

        public static Balance of(TransactionTotals totals) {
            return new Balance(totals.receivables(), totals.debts(), totals.collected(), totals.outstanding());
        }
    }

    /** Members made before archiving have no {@code archived} field: they are not archived. */
    boolean isArchived() {
        return Boolean.TRUE.equals(archived);
    }

    String displayName() {
        return firstName + " " + lastName;
    }
}
