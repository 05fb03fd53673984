package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Whatever the runtime or a user object throws stays in Telltale: the caller's command goes on. */
class GuardedRuntimeTest {

    /** A runtime that fails at everything, with Errors. */
    private static final EventRuntime BROKEN = new EventRuntime() {
        @Override
        public boolean isEnabled() {
            throw new NoClassDefFoundError("org/jctools/queues/MpscArrayQueue");
        }

        @Override
        public EventSink sink() {
            return event -> {
                throw new OutOfMemoryError("queue");
            };
        }

        @Override
        public EventHealth health() {
            throw new IllegalStateException("health broke");
        }
    };

    private final RuntimeHolder.Guarded guarded = new RuntimeHolder.Guarded(BROKEN);

    @Test
    void isEnabled_whenTheRuntimeThrows_isFalse() {
        assertThat(guarded.isEnabled()).isFalse();
    }

    @Test
    void emit_whenTheRuntimeThrows_returnsQuietly() {
        guarded.sink().emit(DslEvent.succeeded(1, null, "a.b", 1));
    }

    @Test
    void emitSucceeded_whenTheRuntimeThrows_returnsQuietly() {
        guarded.sink().emitSucceeded(1, null, "a.b", 1);
    }

    @Test
    void emit_whenTheRuntimeCannotEvenGiveItsSink_discards() {
        RuntimeHolder.Guarded noSink = new RuntimeHolder.Guarded(new EventRuntime() {
            @Override
            public boolean isEnabled() {
                return true;
            }

            @Override
            public EventSink sink() {
                throw new IllegalStateException("no sink");
            }

            @Override
            public EventHealth health() {
                return null;
            }
        });

        noSink.sink().emit(DslEvent.succeeded(1, null, "a.b", 1));
        assertThat(noSink.isEnabled()).isTrue();
    }

    @Test
    void health_whenTheRuntimeThrows_isDegradedSayingWhy() {
        EventHealth health = guarded.health();

        assertThat(health.status()).isEqualTo(EventHealth.Status.DEGRADED);
        assertThat(health.reasons())
                .containsExactly("the event runtime failed: java.lang.IllegalStateException: health broke");
    }

    @Test
    void current_withoutARuntimeOnTheClassPath_isDisabledAndCompiledOut() {
        assertThat(EventRuntime.current().isEnabled()).isFalse();
        assertThat(EventRuntime.current().health().reasons()).containsExactly(EventRuntime.COMPILED_OUT);
    }

    @Test
    void verb_ofACharSequenceWhoseToStringThrows_isUnknown() {
        CharSequence hostile = new CharSequence() {
            @Override
            public int length() {
                return 1;
            }

            @Override
            public char charAt(int index) {
                return 'x';
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return this;
            }

            @Override
            public String toString() {
                throw new StackOverflowError();
            }
        };

        assertThat(Capture.verb(hostile)).isEqualTo(Capture.UNKNOWN_VERB);
        assertThat(Capture.verb(new StringBuilder("cbu.create"))).isEqualTo("cbu.create");
    }

    @Test
    void completion_ofAStageThatCannotTakeACallback_returnsTheStageItself() {
        CompletionStage<String> stubborn = new CompletableFuture<String>() {
            @Override
            public CompletableFuture<String> whenComplete(BiConsumer<? super String, ? super Throwable> action) {
                throw new UnsupportedOperationException("no callbacks here");
            }
        };

        assertThat(Capture.completion(stubborn, "a.b", (dev.telltale.api.TelltaleSession) null, System.nanoTime()))
                .isSameAs(stubborn);
    }
}
