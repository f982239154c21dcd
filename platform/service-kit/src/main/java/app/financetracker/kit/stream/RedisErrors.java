package app.financetracker.kit.stream;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;

/**
 * The Redis errors the consumers expect, told apart by the exception Lettuce raises (Spring Data Redis wraps it
 * as the cause of a {@code RedisSystemException}). Lettuce gives a type of its own only to a few error codes: every
 * {@code BUSY…} reply is a {@link RedisBusyException}, and {@code NOGROUP} is a plain
 * {@link RedisCommandExecutionException}, the type of {@code WRONGTYPE} and the rest too (checked with Lettuce 6.8
 * against Redis 7.0). So the type is matched first and then the error code, the first word of every Redis error
 * reply, which is part of the protocol, not prose.
 */
final class RedisErrors {

    private RedisErrors() {
    }

    /** XGROUP CREATE of a group that already exists. */
    static boolean isBusyGroup(Throwable error) {
        return "BUSYGROUP".equals(errorCode(error, RedisBusyException.class));
    }

    /** The stream or its consumer group is gone (Redis came back without its data). */
    static boolean isNoGroup(Throwable error) {
        return "NOGROUP".equals(errorCode(error, RedisCommandExecutionException.class));
    }

    /** The code of the first Redis error reply of that type in the causes of {@code error}, else {@code null}. */
    private static String errorCode(Throwable error, Class<? extends RedisCommandExecutionException> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t) && t.getMessage() != null) {
                return t.getMessage().split(" ", 2)[0];
            }
        }
        return null;
    }
}
