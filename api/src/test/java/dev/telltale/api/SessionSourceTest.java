package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link SessionSource} is persisted by name, so its names are pinned here. */
class SessionSourceTest {

    @Test
    void names_neverChange() {
        assertThat(SessionSource.values()).extracting(Enum::name).containsExactly("REPL", "GUI", "MCP", "API");
    }
}
