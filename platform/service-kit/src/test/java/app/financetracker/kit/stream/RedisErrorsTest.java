package app.financetracker.kit.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** What a real Redis answers, as Spring Data Redis and Lettuce raise it, is told apart as the consumers expect. */
class RedisErrorsTest {

    static final StringRedisTemplate redis = TestRedis.REDIS;

    @Test
    void creatingAGroupTwiceIsBusyGroup() {
        String stream = "test:errors:" + UUID.randomUUID();
        redis.opsForStream().add(stream, Map.of("k", "v"));
        redis.opsForStream().createGroup(stream, ReadOffset.from("0"), "g");

        RuntimeException error = catchRuntimeException(() -> redis.opsForStream().createGroup(stream, ReadOffset.from("0"), "g"));

        assertThat(RedisErrors.isBusyGroup(error)).isTrue();
        assertThat(RedisErrors.isNoGroup(error)).isFalse();
    }

    @Test
    void readingAGroupThatIsGoneIsNoGroup() {
        RuntimeException error = catchRuntimeException(() -> redis.opsForStream().read(Consumer.from("gone", "c1"),
                StreamReadOptions.empty().count(1).block(Duration.ofMillis(10)),
                StreamOffset.create("test:errors:" + UUID.randomUUID(), ReadOffset.lastConsumed())));

        assertThat(RedisErrors.isNoGroup(error)).isTrue();
        assertThat(RedisErrors.isBusyGroup(error)).isFalse();
    }

    @Test
    void anotherRedisErrorIsNeither() {
        String key = "test:errors:" + UUID.randomUUID();
        redis.opsForValue().set(key, "not a stream");

        RuntimeException error = catchRuntimeException(() -> redis.opsForStream().size(key));

        assertThat(RedisErrors.isNoGroup(error)).isFalse();
        assertThat(RedisErrors.isBusyGroup(error)).isFalse();
    }
}
