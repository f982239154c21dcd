package app.financetracker.reliability;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.Tokens;
import java.util.List;
import java.util.Map;

/**
 * Who runs the fault simulation, and where (issue 17): one admin who is super-admin of two entities, the default
 * one and a second one, calling with {@code X-Entity}. Members belong to the entities in turn, so both entities'
 * data interleaves in every stream, and each entity's balances, notifications and report must still come out exact.
 */
final class Operator {

    static final List<String> ENTITIES = List.of(Tokens.DEFAULT_ENTITY, "fault-sim-b");
    private static final String USERNAME = "fault-sim-operator";
    private static final String PASSWORD = "FaultSim@1234";

    private Operator() {
    }

    static void ensure() {
        Tokens.ensureUser(USERNAME, PASSWORD, Map.of(ENTITIES.get(0), "super-admin", ENTITIES.get(1), "super-admin"));
    }

    /** The entity of the plan's member {@code m}. */
    static String entityOf(int member) {
        return ENTITIES.get(member % ENTITIES.size());
    }

    static Api api(String baseUrl, String entity) {
        return Api.at(baseUrl).as(Tokens.cached(USERNAME, PASSWORD)).with("X-Entity", entity);
    }
}
