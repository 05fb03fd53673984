package dev.telltale.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sinks found by name, with the {@code memory} sink the api's tests register; the target they get. */
class ExportSinksTest {

    @Test
    void named_findsTheProvider() throws IOException {
        ExportSinkProvider memory = ExportSinks.named("memory");

        try (ExportSink sink = memory.open(ExportTarget.at("here").build())) {
            assertThat(sink.describe()).isEqualTo("here");
            assertThat(sink.isTransient(new IOException("any"))).isFalse();
            assertThat(sink.reached()).isTrue();
        }
        assertThat(ExportSinks.providers()).extracting(ExportSinkProvider::name).containsExactly("memory");
    }

    @Test
    void named_whenNoneHasTheName_saysWhichThereAre() {
        assertThatThrownBy(() -> ExportSinks.named("kafka"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no export sink named 'kafka' is on the class path; there are: memory (nowhere)");
    }

    @Test
    void prepare_byDefault_needsNothing() throws IOException {
        assertThat(ExportSinks.named("memory").prepare(ExportTarget.at("there").build()))
                .isEqualTo("there needs no preparation");
    }

    @Test
    void target_keepsWhatItIsTold_andNothingElse() {
        ExportTarget bare = ExportTarget.at("jdbc:postgresql://db/t").build();
        assertThat(bare.location()).isEqualTo("jdbc:postgresql://db/t");
        assertThat(bare.name()).isEmpty();
        assertThat(bare.origin()).isEmpty();
        assertThat(bare.source()).isEmpty();
        assertThat(bare.user()).isEmpty();
        assertThat(bare.passwordEnv()).isEmpty();
        assertThat(bare.passwordFile()).isEmpty();

        UUID origin = UUID.randomUUID();
        ExportTarget full = ExportTarget.at("x")
                .name("nightly")
                .origin(origin)
                .source("/var/telltale")
                .user("ada")
                .passwordEnv("PGPASSWORD")
                .passwordFile(Path.of("/run/secret"))
                .build();
        assertThat(full.name()).contains("nightly");
        assertThat(full.origin()).contains(origin);
        assertThat(full.source()).contains("/var/telltale");
        assertThat(full.user()).contains("ada");
        assertThat(full.passwordEnv()).contains("PGPASSWORD");
        assertThat(full.passwordFile()).contains(Path.of("/run/secret"));
    }

    @Test
    void target_refusesAMissingOrBlankLocation() {
        assertThatThrownBy(() -> ExportTarget.at(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ExportTarget.at(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an export target's location must not be blank");
    }
}
