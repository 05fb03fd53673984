package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link EntryType} and its wire names, which persisted files and {@code sessions.log} depend on. */
class EntryTypeTest {

    @Test
    void wireNames_neverChange() {
        assertThat(EntryType.values())
                .extracting(EntryType::wireName)
                .containsExactly("user_input", "agent_thought", "dsl_command", "response", "error");
    }

    @ParameterizedTest
    @EnumSource(EntryType.class)
    void fromWireName_ofWireName_roundTrips(EntryType type) {
        assertThat(EntryType.fromWireName(type.wireName())).isSameAs(type);
    }

    @Test
    void fromWireName_whenUnknown_throwsNamingTheValueCut() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntryType.fromWireName("USER_INPUT" + "x".repeat(100)))
                .withMessage("unknown entry type 'USER_INPUT" + "x".repeat(54) + "'");
    }

    @Test
    void fromWireName_whenNull_throwsIllegalArgument() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntryType.fromWireName(null))
                .withMessage("unknown entry type null");
    }
}
