package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** {@link EventSink#DISCARDING}. */
class EventSinkTest {

    @Test
    void discarding_acceptsAnEventAndNullWithoutThrowing() {
        assertThatCode(() -> {
            EventSink.DISCARDING.emit(DslEvent.succeeded(0, null, "v", 0));
            EventSink.DISCARDING.emit(null);
        }).doesNotThrowAnyException();
    }
}
