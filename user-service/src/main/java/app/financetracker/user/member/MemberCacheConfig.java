package app.financetracker.user.member;

import app.financetracker.kit.web.PageResponse;
import java.time.Duration;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** The member caches in Redis, as typed JSON, with hit and miss counts for Micrometer. */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class MemberCacheConfig implements CachingConfigurer {

    /** Redis down must not fail a read: the cache is skipped and Mongo answers. */
    @Override
    public CacheErrorHandler errorHandler() {
        return new LoggingCacheErrorHandler();
    }

    @Bean
    RedisCacheManagerBuilderCustomizer memberCaches(JsonMapper json) {
        JavaType page = json.getTypeFactory().constructParametricType(PageResponse.class, MemberResponse.class);
        return builder -> builder.enableStatistics()
                .withCacheConfiguration(MemberService.PROFILES, config(new JacksonJsonRedisSerializer<>(json,
                        json.constructType(MemberResponse.class))))
                .withCacheConfiguration(MemberService.PAGES, config(new JacksonJsonRedisSerializer<>(json, page)));
    }

    private static RedisCacheConfiguration config(JacksonJsonRedisSerializer<?> serializer) {
        return RedisCacheConfiguration.defaultCacheConfig()
                .entryTtl(Duration.ofMinutes(10))
                .prefixCacheNameWith("finance-tracker:")
                .disableCachingNullValues()
                .serializeValuesWith(SerializationPair.fromSerializer(serializer));
    }
}
