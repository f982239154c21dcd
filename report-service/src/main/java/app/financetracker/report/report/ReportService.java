package app.financetracker.report.report;

import app.financetracker.kit.web.NotFoundException;
import app.financetracker.kit.web.PageResponse;
import app.financetracker.kit.web.SortParameter;
import app.financetracker.report.ledger.BucketKey;
import app.financetracker.report.ledger.Directory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Generates reports, keeps them as frozen snapshots and serves the history. A stored report is never
 * recomputed: generating again makes a new one. Everything within the entity given (DESIGN §9): another
 * entity's report, member or category is not found, exactly like an unknown one.
 */
@Service
public class ReportService {

    private static final Map<String, String[]> SORTS = Map.of(
            "createdAt", new String[] {"createdAt"},
            "from", new String[] {"from", "to"});
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;
    private final Directory directory;
    private final ReportGenerator generator;
    private final ReportProperties properties;

    public ReportService(MongoTemplate mongo, Directory directory, ReportGenerator generator,
                         ReportProperties properties) {
        this.mongo = mongo;
        this.directory = directory;
        this.generator = generator;
        this.properties = properties;
    }

    public ReportResponse create(String entityId, ReportRequest request, String createdBy) {
        Granularity granularity = request.checked(properties.maxYears());
        LocalDate from = request.from();
        LocalDate to = request.to();
        String userId = blankToNull(request.userId());
        String categoryId = blankToNull(request.categoryId());
        if (userId != null && !directory.knowsMember(entityId, userId)) {
            throw new UnknownReferenceException("userId", "Member", userId);
        }
        if (categoryId != null && !directory.knowsCategory(entityId, categoryId)) {
            throw new UnknownReferenceException("categoryId", "Category", categoryId);
        }

        ReportGenerator.Figures figures = generator.compute(entityId, from, to, granularity, userId, categoryId,
                properties.topMembers());
        String userName = userId == null ? null : directory.members(entityId).get(userId).name();
        String categoryName = categoryId == null ? null
                : directory.categories(entityId).get(BucketKey.categoryToken(categoryId)).name();
        // ObjectIds grow with time within an instance: the history order holds even within one millisecond.
        Report report = new Report(new ObjectId().toHexString(), entityId, from.toString(), to.toString(),
                granularity, userId, userName, categoryId, categoryName, properties.timeZone().getId(), properties.currency(),
                // Mongo keeps milliseconds: the response then equals what a later GET returns.
                Instant.now().truncatedTo(ChronoUnit.MILLIS), createdBy, figures.totals(), figures.byPeriod(),
                figures.byCategory(), figures.byUser());
        return ReportResponse.of(mongo.insert(report));
    }

    /** The history, newest first unless asked otherwise; rows without their breakdowns. */
    PageResponse<ReportSummary> list(String entityId, Pageable pageable) {
        Sort sort = SortParameter.resolve(pageable.getSort(), SORTS, NEWEST_FIRST);
        Query query = Query.query(Criteria.where("entityId").is(entityId));
        long total = mongo.count(query, Report.class);
        query.with(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort));
        query.fields().exclude("byPeriod", "byCategory", "byUser");
        List<Report> reports = mongo.find(query, Report.class);
        return PageResponse.of(new PageImpl<>(reports, pageable, total), ReportSummary::of);
    }

    /** The entity's report (found by {@code _id} alone: never a scan); another entity's is not found. */
    public ReportResponse get(String entityId, String id) {
        Report report = mongo.findById(id, Report.class);
        if (report == null || !report.entityId().equals(entityId)) {
            throw new NotFoundException("Report", id);
        }
        return ReportResponse.of(report);
    }

    void delete(String entityId, String id) {
        if (mongo.remove(Query.query(Criteria.where("_id").is(id).and("entityId").is(entityId)), Report.class)
                .getDeletedCount() == 0) {
            throw new NotFoundException("Report", id);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
