package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@link ErrorSnapshot} constructor: validation and cutting. */
class ErrorSnapshotTest {

    @Test
    void new_whenErrorTypeIsNull_rejectsNamingErrorType() {
        assertThatNullPointerException()
                .isThrownBy(() -> new ErrorSnapshot(null, "m", null, null, "v"))
                .withMessageContaining("errorType");
    }

    @ParameterizedTest(name = "errorType [{0}]")
    @ValueSource(strings = {"", " ", "\t"})
    void new_whenErrorTypeIsBlank_rejectsNamingErrorType(String errorType) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ErrorSnapshot(errorType, "m", null, null, "v"))
                .withMessageContaining("errorType");
    }

    @Test
    void new_whenVerbIsNull_rejectsNamingVerb() {
        assertThatNullPointerException()
                .isThrownBy(() -> new ErrorSnapshot("java.lang.Exception", "m", null, null, null))
                .withMessageContaining("verb");
    }

    @ParameterizedTest(name = "verb [{0}]")
    @ValueSource(strings = {"", " ", "\n"})
    void new_whenVerbIsBlank_rejectsNamingVerb(String verb) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ErrorSnapshot("java.lang.Exception", "m", null, null, verb))
                .withMessageContaining("verb");
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {42, 99, 600, 1000, 0, -1})
    void new_whenHttpStatusIsOutside100To599_rejectsNamingTheValue(int status) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ErrorSnapshot("java.lang.Exception", "m", null, status, "v"))
                .withMessageContaining("httpStatus")
                .withMessageContaining(Integer.toString(status));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {100, 599})
    void new_whenHttpStatusIsAtTheEdgesOfTheRange_acceptsIt(int status) {
        assertThat(new ErrorSnapshot("java.lang.Exception", "m", null, status, "v").httpStatus())
                .isEqualTo(status);
    }

    @Test
    void new_whenHttpStatusAndSourceIdAreNull_keepsThemNull() {
        ErrorSnapshot snapshot = new ErrorSnapshot("java.lang.Exception", "m", null, null, "v");

        assertThat(snapshot.sourceId()).isNull();
        assertThat(snapshot.httpStatus()).isNull();
    }

    @Test
    void new_whenMessageIsNull_recordsEmptyMessage() {
        assertThat(new ErrorSnapshot("java.lang.Exception", null, null, null, "v").message())
                .isEmpty();
    }

    @Test
    void new_whenMessageFits_keepsTheSameInstance() {
        String message = "m".repeat(ErrorSnapshot.MAX_MESSAGE_LENGTH);

        assertThat(new ErrorSnapshot("java.lang.Exception", message, null, null, "v").message())
                .isSameAs(message);
    }

    @Test
    void new_cutsEachTextToItsMaximum() {
        ErrorSnapshot snapshot =
                new ErrorSnapshot("T".repeat(1_000), "m".repeat(1_000), "s".repeat(1_000), 404, "v".repeat(1_000));

        assertThat(snapshot.errorType())
                .hasSize(ErrorSnapshot.MAX_ERROR_TYPE_LENGTH)
                .hasSize(200);
        assertThat(snapshot.message()).hasSize(ErrorSnapshot.MAX_MESSAGE_LENGTH).hasSize(500);
        assertThat(snapshot.sourceId())
                .hasSize(ErrorSnapshot.MAX_SOURCE_ID_LENGTH)
                .hasSize(200);
        assertThat(snapshot.verb()).hasSize(EventPayload.MAX_VERB_LENGTH).hasSize(256);
        assertThat(snapshot.httpStatus()).isEqualTo(404);
    }

    @Test
    void new_whenCuttingWouldSplitASurrogatePair_cutsBeforeThePair() {
        String message = "a".repeat(499) + "\uD83D\uDE00";

        assertThat(new ErrorSnapshot("java.lang.Exception", message, null, null, "v").message())
                .isEqualTo("a".repeat(499));
    }

    @Test
    void equalSnapshots_areEqualRecords() {
        assertThat(new ErrorSnapshot("E", "m", "s", 500, "v"))
                .isEqualTo(new ErrorSnapshot("E", "m", "s", 500, "v"))
                .hasSameHashCodeAs(new ErrorSnapshot("E", "m", "s", 500, "v"));
    }
}
