package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSinkTest {

    @Test
    void emitSucceeded_byDefault_emitsTheEventItsPartsMake_orNullForPartsThatMakeNone() {
        List<DslEvent> emitted = new ArrayList<>();
        EventSink sink = emitted::add;
        UUID session = UUID.randomUUID();

        sink.emitSucceeded(5L, session, "cbu.create", 7L);
        sink.emitSucceeded(6L, null, " ", 7L);
        sink.emitSucceeded(7L, null, null, 7L);
        sink.emitSucceeded(8L, null, "cbu.list", -1L);

        assertThat(emitted).containsExactly(DslEvent.succeeded(5L, session, "cbu.create", 7L), null, null, null);
    }
}
