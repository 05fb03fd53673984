package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link EventType} and its wire names, which persisted files depend on. */
class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fromWireName_ofWireName_roundTrips(EventType type) {
        assertThat(EventType.fromWireName(type.wireName())).isSameAs(type);
    }

    @Test
    void wireNames_neverChange() {
        Map<EventType, String> expected = new EnumMap<>(Map.of(
                EventType.COMMAND_SUCCEEDED, "command_succeeded",
                EventType.COMMAND_FAILED, "command_failed",
                EventType.SESSION_STARTED, "session_started",
                EventType.SESSION_ENDED, "session_ended",
                EventType.SESSION_ENTRY, "session_entry",
                EventType.RECORDER_ACCOUNT, "recorder_account"));

        for (EventType type : EventType.values()) {
            assertThat(type.wireName()).as(type.name()).isEqualTo(expected.get(type));
        }
        assertThat(EventType.values()).hasSize(expected.size());
    }

    @Test
    void wireNames_areDistinct() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName)).doesNotHaveDuplicates();
    }

    @Test
    void fromWireName_whenUnknown_throwsNamingTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventType.fromWireName("nope"))
                .withMessageContaining("nope");
    }

    @Test
    void fromWireName_whenNull_throwsIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.fromWireName(null));
    }
}
