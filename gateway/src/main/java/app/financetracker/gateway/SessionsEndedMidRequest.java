package app.financetracker.gateway;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * A request that began with a valid session and ends after a concurrent logout (a sign-out in another tab, a
 * back-channel logout, a revocation) leaves the session ended, never a 500 (issue 25); the next request of that
 * browser gets 401.
 * <ul>
 * <li>Spring Session refuses to save a session deleted meanwhile, rightly (it would bring it back), but with an
 * {@code IllegalStateException} that turned the request's answer into a 500: the save is dropped.</li>
 * <li>Its check and its write are two commands, so a logout between them leaves a fragment of the session in Redis
 * (the changed attributes, no creation time), which Spring Session then fails to read, again with an
 * {@code IllegalStateException}: such a fragment is no session, and is deleted.</li>
 * </ul>
 */
final class SessionsEndedMidRequest implements BeanPostProcessor {

    private static final String INVALIDATED = "Session was invalidated";
    private static final String FRAGMENT = " key must not be null";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof ReactiveSessionRepository<?> repository ? keepEnded(repository) : bean;
    }

    private static <S extends Session> ReactiveSessionRepository<S> keepEnded(ReactiveSessionRepository<S> sessions) {
        return new ReactiveSessionRepository<>() {
            @Override
            public Mono<S> createSession() {
                return sessions.createSession();
            }

            @Override
            public Mono<Void> save(S session) {
                return sessions.save(session).onErrorResume(IllegalStateException.class,
                        e -> INVALIDATED.equals(e.getMessage()) ? Mono.empty() : Mono.error(e));
            }

            @Override
            public Mono<S> findById(String id) {
                return sessions.findById(id).onErrorResume(IllegalStateException.class,
                        e -> String.valueOf(e.getMessage()).endsWith(FRAGMENT)
                                ? sessions.deleteById(id).then(Mono.empty()) : Mono.error(e));
            }

            @Override
            public Mono<Void> deleteById(String id) {
                return sessions.deleteById(id);
            }
        };
    }
}
