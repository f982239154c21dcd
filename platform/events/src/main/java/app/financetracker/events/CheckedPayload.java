package app.financetracker.events;

import java.util.Optional;

/**
 * A payload record that can be well-formed JSON and still unusable (a required field missing, a value out of
 * range). {@link EventCodec#read} refuses such a payload as malformed, so that no consumer handles it.
 */
public interface CheckedPayload {

    /** Why no consumer can use this payload, e.g. {@code "lacks a member"}; empty when it is usable. */
    Optional<String> defect();
}
