package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs in both builds; checks what each build's classes hold and how the program runs. */
class CompileOutTest {

    private static final boolean EVENTS = Boolean.getBoolean("expect.events");
    private static final Path CLASSES = Paths.get(System.getProperty("classes.dir"));
    private static final Path WORK = Paths.get(System.getProperty("work.dir"));

    @Test
    void classes_neverReferToTelltaleCore() throws IOException {
        for (Path file : classFiles()) {
            for (String constant : utf8Constants(file)) {
                assertFalse(constant.contains("dev/telltale/core"), file + " refers to " + constant);
            }
        }
    }

    @Test
    void classes_holdEventMachineryOnlyInAnEventsBuild() throws IOException {
        boolean subclass = Files.exists(CLASSES.resolve("com/acme/Greeter_Events.class"));
        boolean capture = false;
        for (Path file : classFiles()) {
            capture |= utf8Constants(file).stream().anyMatch(c -> c.contains("dev/telltale/api/Capture"));
        }
        assertEquals(EVENTS, subclass, "generated subclass present");
        assertEquals(EVENTS, capture, "references to the capture runtime");
    }

    @Test
    void program_runsAndRecordsExactlyWhatTheBuildSays() throws Exception {
        UUID session = UUID.randomUUID();
        Path events = WORK.resolve("events.jsonl");
        Files.deleteIfExists(events);
        List<String> classPath = new ArrayList<>(List.of(CLASSES.toString()));
        if (EVENTS) {
            // The runtime: core, the JSONL store and what they need, all from this test's class path.
            classPath.add(System.getProperty("java.class.path"));
        }
        // Without -Pevents the program needs nothing of Telltale at all: only its own classes.
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(java.io.File.pathSeparator, classPath),
                "-Dtelltale.store=jsonl",
                "-Dtelltale.store.path=" + events,
                "com.acme.App",
                session.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Hello, Ada"), output);
        assertTrue(output.contains("failed: greeter is tired"), output);
        assertTrue(output.contains("runs as " + (EVENTS ? "Greeter_Events" : "Greeter")), output);

        if (!EVENTS) {
            assertFalse(Files.exists(events), "nothing recorded without -Pevents");
            return;
        }
        List<String> lines = Files.readAllLines(events);
        // The two commands, then the recorder's final account, written when the program closed it.
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(
                lines.get(2).contains("\"type\":\"recorder_account\",\"final\":true")
                        && lines.get(2).contains("\"emitted\":2,\"persisted\":2"),
                lines.get(2));
        String greet = lines.get(0);
        String fail = lines.get(1);
        assertTrue(
                greet.contains("\"type\":\"command_succeeded\"") && greet.contains("\"verb\":\"greeter.greet\""),
                greet);
        assertTrue(greet.contains("\"session\":\"" + session + "\"") && greet.contains("\"duration_ns\":"), greet);
        assertTrue(fail.contains("\"type\":\"command_failed\"") && fail.contains("\"verb\":\"fail\""), fail);
        assertTrue(
                fail.contains("\"type\":\"java.lang.IllegalStateException\",\"message\":\"greeter is tired\""), fail);
        assertTrue(fail.contains("\"session\":\"" + session + "\""), fail);
    }

    private static List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(f -> f.toString().endsWith(".class")).toList();
        }
    }

    /** The UTF-8 entries of a class file's constant pool: every class, method and string it names. */
    private static List<String> utf8Constants(Path classFile) throws IOException {
        List<String> utf8 = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(classFile);
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return utf8;
    }
}
