package dev.telltale.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StoreConfig}: the typed getters and the messages they fail with. */
class StoreConfigTest {

    private static StoreConfig jsonl(Map<String, String> options) {
        return StoreConfig.of("jsonl", options);
    }

    // --- of / name / options ------------------------------------------------------------------

    @Test
    void of_keepsTheName() {
        assertThat(jsonl(Map.of()).name()).isEqualTo("jsonl");
    }

    @ParameterizedTest(name = "name [{0}]")
    @ValueSource(strings = {"", " ", "\t"})
    void of_whenNameIsBlank_rejectsIt(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StoreConfig.of(name, Map.of()))
                .withMessageContaining("name");
    }

    @Test
    void of_whenNameIsNull_rejectsNamingName() {
        assertThatNullPointerException()
                .isThrownBy(() -> StoreConfig.of(null, Map.of()))
                .withMessageContaining("name");
    }

    @Test
    void options_areSortedByKey() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("zeta", "1");
        given.put("alpha", "2");
        given.put("mid", "3");

        assertThat(jsonl(given).options().keySet()).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void options_areUnmodifiable() {
        StoreConfig config = jsonl(Map.of("path", "/tmp/x"));

        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> config.options().put("path", "/elsewhere"));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> config.options().clear());
    }

    @Test
    void options_whenTheGivenMapChangesLater_stayAsTheyWere() {
        Map<String, String> given = new HashMap<>();
        given.put("path", "/tmp/x");
        StoreConfig config = jsonl(given);

        given.put("path", "/elsewhere");
        given.put("added", "later");
        given.remove("path");

        assertThat(config.options()).containsExactly(Map.entry("path", "/tmp/x"));
    }

    @Test
    void option_whenPresent_isIt_andWhenAbsent_isEmpty() {
        StoreConfig config = jsonl(Map.of("path", "/tmp/x"));

        assertThat(config.option("path")).contains("/tmp/x");
        assertThat(config.option("nope")).isEmpty();
    }

    // --- require ------------------------------------------------------------------------------

    @Test
    void require_whenPresent_returnsTheValue() {
        assertThat(jsonl(Map.of("path", "/tmp/x")).require("path")).isEqualTo("/tmp/x");
    }

    @Test
    void require_whenMissing_namesStoreAndKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> jsonl(Map.of()).require("path"))
                .withMessageContaining("'jsonl'")
                .withMessageContaining("'path'");
    }

    @ParameterizedTest(name = "value [{0}]")
    @ValueSource(strings = {"", " ", "\t"})
    void require_whenBlank_namesStoreAndKey(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> jsonl(Map.of("path", value)).require("path"))
                .withMessageContaining("'jsonl'")
                .withMessageContaining("'path'");
    }

    @Test
    void requirePath_whenPresent_returnsThePath() {
        assertThat(jsonl(Map.of("path", "/var/log/events.jsonl")).requirePath("path"))
                .isEqualTo(Path.of("/var/log/events.jsonl"));
    }

    @Test
    void requirePath_whenMissing_namesStoreAndKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> jsonl(Map.of()).requirePath("path"))
                .withMessageContaining("'jsonl'")
                .withMessageContaining("'path'");
    }

    @Test
    void requirePath_whenNotAPath_namesKeyAndValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> jsonl(Map.of("path", "bad\0path")).requirePath("path"))
                .withMessageContaining("'jsonl'")
                .withMessageContaining("'path'")
                .withMessageContaining("bad\0path");
    }

    // --- positiveIntOption --------------------------------------------------------------------

    @Test
    void positiveIntOption_whenAbsent_returnsTheDefault() {
        assertThat(jsonl(Map.of()).positiveIntOption("batch", 64)).isEqualTo(64);
    }

    @Test
    void positiveIntOption_whenPositive_returnsIt() {
        StoreConfig config = jsonl(Map.of("batch", "128", "spaced", " 7 ", "max", "2147483647"));

        assertThat(config.positiveIntOption("batch", 64)).isEqualTo(128);
        assertThat(config.positiveIntOption("spaced", 64)).isEqualTo(7);
        assertThat(config.positiveIntOption("max", 64)).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "value [{0}]")
    @ValueSource(strings = {"0", "-3", "abc", "", "1.5", "2147483648"})
    void positiveIntOption_whenNotAPositiveInt_namesKeyAndValue(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> jsonl(Map.of("batch", value)).positiveIntOption("batch", 64))
                .withMessageContaining("'jsonl'")
                .withMessageContaining("'batch'")
                .withMessageContaining("'" + value + "'")
                .withMessageContaining("positive integer");
    }

    // --- booleanOption ------------------------------------------------------------------------

    @Test
    void booleanOption_whenAbsent_returnsTheDefault() {
        assertThat(jsonl(Map.of()).booleanOption("sync", true)).isTrue();
        assertThat(jsonl(Map.of()).booleanOption("sync", false)).isFalse();
    }

    @Test
    void booleanOption_acceptsTrueAndFalseInAnyCase() {
        StoreConfig config = jsonl(Map.of("a", "TRUE", "b", "false", "c", "True", "d", "FaLsE"));

        assertThat(config.booleanOption("a", false)).isTrue();
        assertThat(config.booleanOption("b", true)).isFalse();
        assertThat(config.booleanOption("c", false)).isTrue();
        assertThat(config.booleanOption("d", true)).isFalse();
    }

    @ParameterizedTest(name = "value [{0}]")
    @ValueSource(strings = {"yes", "no", "1", "0", "", "on"})
    void booleanOption_whenNotTrueOrFalse_namesKeyAndValue(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> jsonl(Map.of("sync", value)).booleanOption("sync", false))
                .withMessageContaining("'jsonl'")
                .withMessageContaining("'sync'")
                .withMessageContaining("'" + value + "'")
                .withMessageContaining("true or false");
    }

    @org.junit.jupiter.api.Test
    void requireOnly_whenAllKeysAreKnown_passes() {
        StoreConfig config = StoreConfig.of("jsonl", Map.of("path", "/tmp/x", "fsync", "true"));

        config.requireOnly("path", "fsync", "other");

        assertThat(config.options()).hasSize(2);
    }

    @org.junit.jupiter.api.Test
    void requireOnly_whenAKeyIsUnknown_namesItAndTheKnownOnes() {
        StoreConfig config = StoreConfig.of("jsonl", Map.of("path", "/tmp/x", "pth", "y", "zzz", "1"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> config.requireOnly("path", "fsync"))
                .withMessage("store 'jsonl' has no setting pth, zzz (known: fsync, path)");
    }

    @org.junit.jupiter.api.Test
    void toString_masksSecretLookingSettings() {
        StoreConfig config =
                StoreConfig.of("postgres", Map.of("url", "jdbc:x", "password", "hunter2", "api-token", "t"));

        assertThat(config.toString()).isEqualTo("postgres{api-token=****, password=****, url=jdbc:x}");
    }
}
