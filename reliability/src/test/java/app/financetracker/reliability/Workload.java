package app.financetracker.reliability;

import static org.awaitility.Awaitility.await;

import app.financetracker.reliability.FaultSchedule.Fault;
import app.financetracker.reliability.SimulationPlan.Op;
import app.financetracker.testkit.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a {@link SimulationPlan} against transaction-service with a few threads while a fault thread fires the
 * {@link FaultSchedule} as the completed-operation count passes each fault's mark. Operations of one transaction
 * run on one thread, in plan order. Each operation is carried out until it is known to be accepted: a 2xx, or,
 * when the answer was an error or never came, a read-back showing the change is there (a create is found again
 * by the tag in its description). An operation the read-back shows missing is sent again; nothing is guessed.
 * One more thread renames the categories as the plan's {@link SimulationPlan.Rename}s come due, each rename
 * carried out the same way (read back the category; send the rename with its current version until it shows
 * the new name). Members belong to the simulation's entities in turn ({@link Operator}); each call acts in its
 * member's (or its category's) entity, and every plan category exists once in each entity.
 */
final class Workload {

    private static final Duration PER_OPERATION = Duration.ofMinutes(3);

    private final SimulationPlan plan;
    private final List<String> memberIds;
    /** Per entity (in {@link Operator#ENTITIES} order), the plan's categories' ids there. */
    private final List<List<String>> categoryIds;
    private final String baseUrl;
    private final int threads;
    private final AtomicReferenceArray<String> transactionIds;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong renamed = new AtomicLong();
    private final AtomicLong renamesResent = new AtomicLong();

    Workload(SimulationPlan plan, List<String> memberIds, List<List<String>> categoryIds, String baseUrl,
             int threads) {
        this.plan = plan;
        this.memberIds = memberIds;
        this.categoryIds = categoryIds;
        this.baseUrl = baseUrl;
        this.threads = threads;
        this.transactionIds = new AtomicReferenceArray<>(plan.ops().size());
    }

    void run(FaultSchedule schedule, FaultInjector injector) throws Exception {
        List<List<Op>> lanes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            lanes.add(new ArrayList<>());
        }
        plan.ops().forEach(op -> lanes.get(op.tx() % threads).add(op));
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (List<Op> lane : lanes) {
                workers.add(pool.submit(() -> lane.forEach(op -> {
                    carryOut(op);
                    int done = completed.incrementAndGet();
                    if (done % Math.max(1, plan.ops().size() / 10) == 0) {
                        System.out.printf("[fault-simulation] %d/%d operations accepted%n", done, plan.ops().size());
                    }
                })));
            }
            Future<?> faults = pool.submit(() -> fire(schedule, injector));
            Future<?> renames = pool.submit(this::rename);
            for (Future<?> worker : workers) {
                worker.get();
            }
            faults.get();
            renames.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private void fire(FaultSchedule schedule, FaultInjector injector) {
        for (Fault fault : schedule.faults()) {
            await("operation " + fault.atOp()).atMost(Duration.ofHours(6)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(50)).until(() -> completed.get() >= fault.atOp());
            // Retried while Redis is still coming back from a restart: each fault is applied once it succeeds.
            await("fault " + fault).atMost(Duration.ofSeconds(90)).pollInSameThread().ignoreExceptions()
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        injector.apply(fault);
                        return true;
                    });
        }
    }

    /**
     * Carries out the plan's category renames in order, each once its mark of completed operations is passed, in
     * every entity.
     */
    private void rename() {
        for (SimulationPlan.Rename rename : plan.renames()) {
            await("operation " + rename.atOp()).atMost(Duration.ofHours(6)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(50)).until(() -> completed.get() >= rename.atOp());
            for (int entity = 0; entity < Operator.ENTITIES.size(); entity++) {
                renameIn(rename, entity);
            }
        }
    }

    private void renameIn(SimulationPlan.Rename rename, int entity) {
        String name = plan.categoryName(rename.category(), rename.round());
        String path = "/api/categories/" + categoryIds.get(entity).get(rename.category());
        boolean[] sent = {false};
        await("rename " + rename).atMost(PER_OPERATION).pollInSameThread().pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    Api api = Operator.api(baseUrl, Operator.ENTITIES.get(entity));
                    try {
                        // Read back first: a rename whose answer was lost (or a 409 after it) may be in.
                        Api.Response current = api.get(path);
                        if (current.status() != 200) {
                            return false;
                        }
                        if (name.equals(current.at("/name"))) {
                            return true;
                        }
                        if (sent[0]) {
                            renamesResent.incrementAndGet();
                        }
                        sent[0] = true;
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("name", name);
                        body.put("color", current.at("/color"));
                        body.put("version", current.json().at("/version").asLong());
                        // 2xx: done; 409 (changed meanwhile), 5xx or no answer: read back and send again.
                        return api.put(path, body).status() / 100 == 2;
                    } catch (RuntimeException noAnswer) {
                        return false;
                    }
                });
        renamed.incrementAndGet();
    }

    private void carryOut(Op op) {
        if (attempt(op)) {
            return;
        }
        await("operation " + op).atMost(PER_OPERATION).pollInSameThread().pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    resent.incrementAndGet();
                    return attempt(op);
                });
    }

    /** Sends the operation once; true when it is known to have been accepted. */
    private boolean attempt(Op op) {
        Api api = Operator.api(baseUrl, Operator.entityOf(op.member()));
        Api.Response response;
        try {
            response = switch (op.kind()) {
                case CREATE -> api.post("/api/transactions", body(op, null));
                case UPDATE -> api.put("/api/transactions/" + transactionIds.get(op.tx()), body(op, op.version()));
                case DELETE -> api.delete("/api/transactions/" + transactionIds.get(op.tx()));
            };
        } catch (RuntimeException noAnswer) {
            unanswered.incrementAndGet();
            return readBack(api, op);
        }
        if (response.status() / 100 == 2) {
            if (op.kind() == SimulationPlan.Kind.CREATE) {
                transactionIds.set(op.tx(), response.at("/id"));
            }
            return true;
        }
        if (response.status() >= 500) {
            unanswered.incrementAndGet();
        } else {
            // e.g. 422 while transaction-service has not yet heard of a member
            refused.incrementAndGet();
        }
        return readBack(api, op);
    }

    /** Whether the operation's change is stored, read from transaction-service (strongly consistent). */
    private boolean readBack(Api api, Op op) {
        try {
            switch (op.kind()) {
                case CREATE -> {
                    Api.Response found = api.get("/api/transactions?size=5&q=" + op.tag(plan.seed()));
                    long hits = found.status() == 200 ? found.json().at("/page/totalElements").asLong() : 0;
                    if (hits > 1) {
                        throw new IllegalStateException("Operation " + op + " was stored " + hits + " times");
                    }
                    if (hits == 1) {
                        transactionIds.set(op.tx(), found.at("/content/0/id"));
                    }
                    return hits == 1;
                }
                case UPDATE -> {
                    Api.Response current = api.get("/api/transactions/" + transactionIds.get(op.tx()));
                    return current.status() == 200 && current.json().at("/version").asLong() == op.version() + 1;
                }
                case DELETE -> {
                    return api.get("/api/transactions/" + transactionIds.get(op.tx())).status() == 404;
                }
                default -> throw new IllegalArgumentException(op.kind().name());
            }
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("stored")) {
                throw e;
            }
            return false;
        }
    }

    private Map<String, Object> body(Op op, Long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", memberIds.get(op.member()));
        body.put("type", op.type());
        body.put("amount", op.amount());
        if (op.category() != SimulationPlan.NO_CATEGORY) {
            body.put("categoryId", categoryIds.get(Operator.ENTITIES.indexOf(Operator.entityOf(op.member())))
                    .get(op.category()));
        }
        body.put("date", op.date().toString());
        body.put("description", op.tag(plan.seed()) + "simulated");
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    String transactionId(int tx) {
        return transactionIds.get(tx);
    }

    long unanswered() {
        return unanswered.get();
    }

    long refused() {
        return refused.get();
    }

    long resent() {
        return resent.get();
    }

    long renamed() {
        return renamed.get();
    }

    long renamesResent() {
        return renamesResent.get();
    }
}
