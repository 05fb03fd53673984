package dev.telltale.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PositionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "start                     | Start[]",
                "END                       | End[]",
                "' end '                   | End[]",
                "0                         | AtIndex[index=0]",
                "123456789                 | AtIndex[index=123456789]",
                "0x6b09132400000002        | AtIndex[index=7712716882188435458]",
                "0X7fffffffffffffff        | AtIndex[index=9223372036854775807]",
                "2026-11-27T04:00:00Z      | AtTime[time=2026-11-27T04:00:00Z]",
                "2026-11-27T04:00:00.5Z    | AtTime[time=2026-11-27T04:00:00.500Z]",
                "2026-11-27T05:00:00+01:00 | AtTime[time=2026-11-27T04:00:00Z]",
                "2026-11-27T05:00:00-01:00 | AtTime[time=2026-11-27T06:00:00Z]",
                "2026-11-27T05:00          | AtTime[time=2026-11-27T04:00:00Z]",
                "2026-11-27T05:00:30       | AtTime[time=2026-11-27T04:00:30Z]",
                "2026-11-27                | AtTime[time=2026-11-26T23:00:00Z]",
            })
    void parse_goodValue_givesThePosition(String text, String expected) {
        assertThat(Position.parse(text, PARIS)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "x",
                "beginning",
                "-1",
                "0x",
                "0xZZ",
                "0x8000000000000000",
                "99999999999999999999",
                "2026-13-01T00:00:00Z",
                "2026-11-27T25:00",
                "27/11/2026",
                "2026-11-27T04:00:00Q",
                "1.5"
            })
    void parse_badValue_namesIt(String text) {
        assertThatThrownBy(() -> Position.parse(text, PARIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--from: expected start, end, an index or a time such as 2026-11-27T04:00:00Z, got '" + text
                        + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T04:00:00Z"})
    void parse_withoutAZone_usesTheSystemZoneForLocalTimesOnly(String text) {
        assertThat(Position.parse(text)).isEqualTo(new Position.AtTime(Instant.parse(text)));
        assertThat(Position.parse("2026-11-27T04:00"))
                .isEqualTo(new Position.AtTime(java.time.LocalDateTime.parse("2026-11-27T04:00")
                        .atZone(ZoneId.systemDefault())
                        .toInstant()));
    }

    @org.junit.jupiter.api.Test
    void parse_null_namesIt() {
        assertThatThrownBy(() -> Position.parse(null)).hasMessageEndingWith("got 'null'");
    }

    @org.junit.jupiter.api.Test
    void atIndex_negative_isRejected() {
        assertThatThrownBy(() -> new Position.AtIndex(-1)).hasMessage("index must not be negative, got -1");
    }
}
