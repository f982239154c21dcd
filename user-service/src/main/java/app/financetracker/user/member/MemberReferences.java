package app.financetracker.user.member;

import app.financetracker.kit.validation.StructuredReference;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives every member made before references their standing reference, once, then makes references unique within
 * an entity ({@link Member#REFERENCE_INDEX}): at start, before the web server takes requests. The index comes after
 * the members are given theirs because the embedded Mongo server ignores the partial filter that, on MongoDB, leaves
 * members without one out of it. A reference is set only where none is yet, so instances starting together never
 * give a member two; one that another member of the entity holds is drawn again.
 */
@Component
class MemberReferences implements InitializingBean {

    private final MongoTemplate mongo;

    MemberReferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Query missing = Query.query(Criteria.where("reference").exists(false));
        missing.fields().include("_id").include("entityId");
        for (Document member : mongo.find(missing, Document.class, Member.COLLECTION)) {
            String reference = StructuredReference.forMember();
            while (mongo.exists(Query.query(Criteria.where("entityId").is(member.get("entityId"))
                    .and("reference").is(reference)), Member.COLLECTION)) {
                reference = StructuredReference.forMember();
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(member.get("_id")).and("reference").exists(false)),
                    new Update().set("reference", reference), Member.COLLECTION);
        }
        mongo.indexOps(Member.COLLECTION).createIndex(new CompoundIndexDefinition(
                new Document("entityId", 1).append("reference", 1)).named(Member.REFERENCE_INDEX).unique()
                .partial(PartialIndexFilter.of(Criteria.where("reference").type(2))));
    }
}
