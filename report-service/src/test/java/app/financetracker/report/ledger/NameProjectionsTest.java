package app.financetracker.report.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.events.CategoryPayload;
import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.UserPayload;
import app.financetracker.testkit.ProjectionSliceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The names reports show, from the member and category events alone (a slice: Mongo and these projections): the
 * newest version wins whatever the order and however often an event comes, a deleted one keeps its name for the
 * periods it was used in, and a name read off a transaction stands in only until an event names it.
 */
@ProjectionSliceTest
@Import({Directory.class, CategoryProjection.class, MemberProjection.class})
class NameProjectionsTest {

    @Autowired
    Directory directory;
    @Autowired
    CategoryProjection categories;
    @Autowired
    MemberProjection members;

    @Test
    void aCategoryIsNamedByItsNewestEventWhateverTheOrderAndRepetitions() {
        String id = UUID.randomUUID().toString();
        List<EventEnvelope> events = new ArrayList<>();
        String[] names = {"Camp", "Camp d'été", "Summer camp"};
        for (int version = 0; version < names.length; version++) {
            EventEnvelope event = category(EventTypes.CATEGORY_UPDATED, id, version, names[version]);
            events.add(event);
            events.add(event);
        }
        Collections.shuffle(events, new Random(16));

        events.forEach(event -> categories.handle(event, EventCodec.read(event, CategoryPayload.class)));

        assertThat(categoryName(id)).isEqualTo("Summer camp");
    }

    @Test
    void aNameOnATransactionStandsInOnlyUntilTheCategoryIsNamed() {
        String id = UUID.randomUUID().toString();
        directory.registerCategory(EventEnvelope.DEFAULT_ENTITY, id, "Kamp", Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(categoryName(id)).isEqualTo("Kamp");

        deliver(category(EventTypes.CATEGORY_UPDATED, id, 4, "Camp"));
        directory.registerCategory(EventEnvelope.DEFAULT_ENTITY, id, "Kamp", Instant.parse("2026-12-02T10:00:00Z"));

        assertThat(categoryName(id)).isEqualTo("Camp");
    }

    @Test
    void aDeletedCategoryKeepsItsNameForThePeriodsItWasUsedIn() {
        String id = UUID.randomUUID().toString();
        deliver(category(EventTypes.CATEGORY_DELETED, id, 2, "Camp"));
        deliver(category(EventTypes.CATEGORY_CREATED, id, 0, "Kamp"));

        assertThat(categoryName(id)).isEqualTo("Camp");
    }

    @Test
    void aMemberIsNamedByTheNewestVersionEvenWhenItArrivesFirst() {
        String id = UUID.randomUUID().toString();
        EventEnvelope renamed = member(EventTypes.USER_UPDATED, id, 1, "Lucie", "Dupont-Martin");
        EventEnvelope created = member(EventTypes.USER_CREATED, id, 0, "Lucie", "Dupont");

        for (EventEnvelope event : List.of(renamed, created, renamed)) {
            members.handle(event, EventCodec.read(event, UserPayload.class));
        }

        assertThat(directory.members(EventEnvelope.DEFAULT_ENTITY).get(id).name()).isEqualTo("Lucie Dupont-Martin");
    }

    private void deliver(EventEnvelope event) {
        categories.handle(event, EventCodec.read(event, CategoryPayload.class));
    }

    private String categoryName(String id) {
        return directory.categories(EventEnvelope.DEFAULT_ENTITY).get(BucketKey.categoryToken(id)).name();
    }

    private static EventEnvelope category(String type, String id, long version, String name) {
        return EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, type, id, version,
                EventCodec.write(new CategoryPayload(id, name, "#607d8b")));
    }

    private static EventEnvelope member(String type, String id, long version, String firstName, String lastName) {
        return EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, type, id, version,
                EventCodec.write(new UserPayload(id, firstName, lastName, "lucie@example.com")));
    }
}
