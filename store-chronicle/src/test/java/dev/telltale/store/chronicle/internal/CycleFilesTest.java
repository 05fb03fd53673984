package dev.telltale.store.chronicle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;

class CycleFilesTest {

    @Test
    void rollCycleNamed_knowsEveryFamily() {
        assertThat(CycleFiles.rollCycleNamed("FAST_HOURLY")).isSameAs(RollCycles.FAST_HOURLY);
        assertThat(CycleFiles.nameOf(CycleFiles.rollCycleNamed("TEST_SECONDLY")))
                .isEqualTo("TEST_SECONDLY");
        assertThat(CycleFiles.nameOf(CycleFiles.rollCycleNamed("LARGE_DAILY"))).isEqualTo("LARGE_DAILY");
    }

    @Test
    void rollCycleNamed_unknownName_namesItAndTheChoices() {
        assertThatThrownBy(() -> CycleFiles.rollCycleNamed("HOURLYISH"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected a Chronicle roll cycle such as FIVE_MINUTELY, ")
                .hasMessageContaining("FAST_HOURLY")
                .hasMessageEndingWith(", got 'HOURLYISH'");
    }

    @Test
    void fileOf_isNamedByTheCycleStartInUtc() {
        CycleFiles files = new CycleFiles(Path.of("q"), RollCycles.FAST_HOURLY, 0);
        long cycle = files.cycleAt(Instant.parse("2026-11-27T04:31:27Z").toEpochMilli());

        assertThat(files.fileOf((int) cycle)).isEqualTo(Path.of("q", "20261127-04F.cq4"));
    }

    @Test
    void rollCycleOfFile_recognisesEachRollCyclesOwnNames() {
        for (RollCycle rollCycle : RollCycles.all()) {
            CycleFiles files = new CycleFiles(Path.of("q"), rollCycle, 0);
            String name = files.fileOf((int)
                            files.cycleAt(Instant.parse("2026-11-27T04:31:27Z").toEpochMilli()))
                    .getFileName()
                    .toString();

            assertThat(CycleFiles.rollCycleOfFile(name)).as(name).contains(rollCycle);
        }
    }

    @Test
    void rollCycleOfFile_otherNames_areNone() {
        assertThat(CycleFiles.rollCycleOfFile("metadata.cq4t")).isEmpty();
        assertThat(CycleFiles.rollCycleOfFile("notes.cq4")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void cycleOf_readsTheCycleBackFromTheFileNameOfEveryRollCycleShape(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        for (String name :
                java.util.List.of("FAST_HOURLY", "FAST_DAILY", "FIVE_MINUTELY", "TEST_SECONDLY", "HOURLY", "DAILY")) {
            CycleFiles files = new CycleFiles(dir, CycleFiles.rollCycleNamed(name), 0);
            int cycle = (int) files.cycleAt(
                    java.time.Instant.parse("2026-11-27T04:31:27Z").toEpochMilli());

            assertThat(files.cycleOf(files.fileOf(cycle))).as(name).contains(cycle);
        }
        CycleFiles hourly = new CycleFiles(dir, CycleFiles.rollCycleNamed("FAST_HOURLY"), 0);
        assertThat(hourly.cycleOf(dir.resolve("notes.txt"))).isEmpty();
        assertThat(hourly.cycleOf(dir.resolve("garbage.cq4"))).isEmpty();
    }

    @Test
    void survey_listsTheCycleFiles_theDamagedOnesWithWhy_andTheirRollCycle(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path whole = java.nio.file.Files.write(
                dir.resolve("20261127-04F.cq4"), new byte[] {8, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8});
        Path empty = java.nio.file.Files.write(dir.resolve("20261127-05F.cq4"), new byte[0]);
        Path zeros = java.nio.file.Files.write(dir.resolve("20261127-06F.cq4"), new byte[64]);
        java.nio.file.Files.writeString(dir.resolve("metadata.cq4t"), "not a cycle");

        CycleFiles.Survey survey = CycleFiles.survey(dir);

        assertThat(survey.files()).containsExactly(whole, empty, zeros);
        assertThat(survey.damaged()).containsOnlyKeys(empty, zeros);
        assertThat(survey.damaged().get(empty)).isEqualTo("the file is empty");
        assertThat(survey.damaged().keySet()).containsExactly(empty, zeros);
        assertThat(survey.rollCycle()).contains(RollCycles.FAST_HOURLY);
    }

    @Test
    void survey_ofAMissingOrEmptyDirectory_findsNothing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        assertThat(CycleFiles.survey(dir.resolve("missing")).files()).isEmpty();
        CycleFiles.Survey survey = CycleFiles.survey(dir);
        assertThat(survey.files()).isEmpty();
        assertThat(survey.damaged()).isEmpty();
        assertThat(survey.rollCycle()).isEmpty();
    }
}
