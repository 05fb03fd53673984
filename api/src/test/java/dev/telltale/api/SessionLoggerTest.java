package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionLogger} without a runtime (this JVM has none): numbers, counts and validation. What it
 * emits with one is {@link SessionLogRecordedTest}'s.
 */
class SessionLoggerTest {

    private static final UUID SESSION = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

    private final SessionLogger log = SessionLogger.of(SESSION, "agent-7");

    @Test
    void logMethods_numberEntriesFromOneInTheOrderLogged() {
        assertThat(log.logUserInput("a")).isEqualTo(1);
        assertThat(log.logDslCommand("b", null)).isEqualTo(2);
        assertThat(log.logResponse("c")).isEqualTo(3);
        assertThat(log.logged()).isEqualTo(3);
    }

    @Test
    void logged_countsByTypeAndLeavesOutTypesWithNone() {
        log.logUserInput("a");
        log.logUserInput("b");
        log.logError("c", new EventRef(SESSION, 1, "cbu.get"));
        log.logAgentThought("d");

        assertThat(log.loggedByType())
                .containsExactly(
                        Map.entry(EntryType.USER_INPUT, 2L),
                        Map.entry(EntryType.AGENT_THOUGHT, 1L),
                        Map.entry(EntryType.ERROR, 1L));
        assertThat(log.logged(EntryType.USER_INPUT)).isEqualTo(2);
        assertThat(log.logged(EntryType.RESPONSE)).isZero();
        assertThat(log.logged()).isEqualTo(4);
    }

    @Test
    void logMethods_whenContentIsNull_logItAsEmptyWithoutThrowing() {
        assertThat(log.logUserInput(null)).isEqualTo(1);
        assertThat(log.logError(null, null)).isEqualTo(2);
        assertThat(log.logged(EntryType.ERROR)).isEqualTo(1);
    }

    @Test
    void logMethods_fromManyThreads_giveEachEntryItsOwnNumber() throws Exception {
        int threads = 4;
        int perThread = 2_000;
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] done = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                done[t] = pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        numbers.add(log.logUserInput("x"));
                    }
                });
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, (long) threads * perThread)
                        .boxed()
                        .toList());
        assertThat(log.logged(EntryType.USER_INPUT)).isEqualTo((long) threads * perThread);
    }

    @Test
    void of_aSession_takesItsIdAndItsSourceName() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.MCP)) {
            SessionLogger logger = SessionLogger.of(session);

            assertThat(logger.sessionId()).isEqualTo(session.id());
            assertThat(logger.source()).isEqualTo("MCP");
        }
    }

    @Test
    void of_validatesAndCutsTheSource() {
        assertThatNullPointerException()
                .isThrownBy(() -> SessionLogger.of(null, "REPL"))
                .withMessageContaining("sessionId");
        assertThatNullPointerException()
                .isThrownBy(() -> SessionLogger.of(SESSION, null))
                .withMessageContaining("source");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SessionLogger.of(SESSION, " "))
                .withMessageContaining("source");
        assertThatNullPointerException().isThrownBy(() -> SessionLogger.of((TelltaleSession) null));
        assertThat(SessionLogger.of(SESSION, "s".repeat(300)).source()).hasSize(EventPayload.MAX_SOURCE_LENGTH);
    }
}
