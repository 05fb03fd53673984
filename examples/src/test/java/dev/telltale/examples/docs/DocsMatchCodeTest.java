package dev.telltale.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventType;
import dev.telltale.api.SessionSource;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.api.store.StoreConfig;
import dev.telltale.core.EventsConfig;
import dev.telltale.store.chronicle.ChronicleEventStore;
import dev.telltale.store.chronicle.internal.EncodedTextCache;
import dev.telltale.store.chronicle.internal.EventLayout;
import dev.telltale.store.jsonl.JsonlStoreProvider;
import dev.telltale.store.postgres.Database;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * The tables in docs/ that state a format or a name list, checked against the code that defines it,
 * both ways: a row that names nothing in the code fails, and so does a constant with no row. A checked
 * table follows a marker line {@code <!-- DocsMatchCodeTest: KEY; … -->}, so a reader of the page
 * knows the table is checked and this test finds it without guessing. Also: every relative link in
 * README.md and docs/ leads to a file and heading that exist, and README.md stays a landing page.
 *
 * <p>Each failure names the page, the line and the row (or the constant) at fault.
 */
class DocsMatchCodeTest {

    private static final Path ROOT = repositoryRoot();

    private static final String FORMATS = "docs/stores-and-formats.md";
    private static final String CONFIGURATION = "docs/configuration.md";
    private static final String INSTRUMENTING = "docs/instrumenting.md";

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    // ---- event types ------------------------------------------------------------------------------

    @Test
    void eventTypesTable_namesEveryEventTypeWithItsWireName() {
        List<String> problems = new ArrayList<>();
        Map<EventType, Row> documented = new LinkedHashMap<>();
        for (Row row : table(FORMATS, "event-types")) {
            String wireName = row.code(0);
            String constant = row.code(1);
            EventType type = Arrays.stream(EventType.values())
                    .filter(t -> t.name().equals(constant))
                    .findFirst()
                    .orElse(null);
            if (type == null) {
                problems.add(row + ": EventType has no constant " + constant);
            } else if (!type.wireName().equals(wireName)) {
                problems.add(row + ": EventType." + constant + " is written '" + type.wireName() + "', not '" + wireName
                        + "'");
            } else if (documented.put(type, row) != null) {
                problems.add(row + ": a second row for EventType." + constant);
            }
        }
        for (EventType type : EventType.values()) {
            if (!documented.containsKey(type)) {
                problems.add(FORMATS + " (event types): no row for EventType." + type + " ('" + type.wireName() + "')");
            }
        }
        assertNoProblems(problems);
    }

    // ---- the JSON Lines fields --------------------------------------------------------------------

    @Test
    void jsonLinesTable_namesEveryFieldOfTheFormat() {
        Map<String, String> constants = jsonFieldNames();
        Set<String> inCode = new TreeSet<>(constants.values());
        List<String> problems = new ArrayList<>();
        Set<String> documented = new LinkedHashSet<>();
        for (Row row : table(FORMATS, "jsonl-fields")) {
            List<String> names = row.codes(0);
            if (names.isEmpty()) {
                problems.add(row + ": no field name in the first column");
            }
            for (String name : names) {
                if (!inCode.contains(name)) {
                    problems.add(row + ": field '" + name + "' is not a field name of the format (FieldNames has "
                            + inCode + ")");
                }
                documented.add(name);
                // A field inside an object, written object.field, documents the inner name too.
                documented.add(name.substring(name.lastIndexOf('.') + 1));
            }
        }
        constants.forEach((constant, name) -> {
            if (!documented.contains(name)) {
                problems.add(
                        FORMATS + " (JSON Lines fields): no row names FieldNames." + constant + " = '" + name + "'");
            }
        });
        assertNoProblems(problems);
    }

    /**
     * The string constants of the JSON format's {@code FieldNames}, by constant name. Read by reflection
     * from wherever the class lives ({@code dev.telltale.json}, formerly {@code dev.telltale.store.jsonl},
     * where it was package-private).
     */
    private static Map<String, String> jsonFieldNames() {
        Class<?> fieldNames = Stream.of("dev.telltale.json.FieldNames", "dev.telltale.store.jsonl.FieldNames")
                .map(DocsMatchCodeTest::classOrNull)
                .filter(c -> c != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no FieldNames class of the JSON format on the class path"));
        Map<String, String> constants = new TreeMap<>();
        for (Field field : fieldNames.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                try {
                    field.setAccessible(true);
                    constants.put(field.getName(), (String) field.get(null));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read " + fieldNames.getName() + "." + field.getName(), e);
                }
            }
        }
        assertThat(constants).as(fieldNames.getName() + " constants").isNotEmpty();
        return constants;
    }

    // ---- the Chronicle layout ---------------------------------------------------------------------

    @Test
    void chronicleLayoutHeading_isTheVersionTheLayoutWrites() {
        assertThat(lines(FORMATS))
                .as(FORMATS + ": a heading '### Layout, version " + EventLayout.VERSION + "' (EventLayout.VERSION)")
                .contains("### Layout, version " + EventLayout.VERSION);
    }

    @Test
    void chronicleTypeTable_givesTheCodeEventLayoutWritesForEveryEventType() {
        Map<String, Integer> written = new TreeMap<>();
        for (EventType type : EventType.values()) {
            // Byte 0 is the layout version, byte 1 the type code.
            written.put(type.wireName(), Byte.toUnsignedInt(layoutOf(sample(type))[1]));
        }
        assertCodeTable("chronicle-types", "event type", written);
    }

    @Test
    void chronicleEntryTypeTable_givesTheCodeEventLayoutWritesForEveryEntryType() {
        Map<String, Integer> written = new TreeMap<>();
        for (EntryType type : EntryType.values()) {
            DslEvent entry =
                    DslEvent.sessionEntry(1L, null, new EventPayload.SessionEntry(type, 1, "docs", "content", null));
            // Without a session: version, type, flags, i64 epochNanos, then the entry type code.
            written.put(type.wireName(), Byte.toUnsignedInt(layoutOf(entry)[1 + 1 + 1 + 8]));
        }
        assertCodeTable("chronicle-entry-types", "entry type", written);
    }

    private static void assertCodeTable(String key, String what, Map<String, Integer> written) {
        List<String> problems = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        for (Row row : table(FORMATS, key)) {
            String name = row.code(1);
            Integer code = written.get(name);
            if (code == null) {
                problems.add(row + ": EventLayout writes no " + what + " '" + name + "' (it writes " + written.keySet()
                        + ")");
            } else if (!String.valueOf(code).equals(row.cell(0))) {
                problems.add(row + ": EventLayout writes " + what + " '" + name + "' as code " + code + ", not "
                        + row.cell(0));
            } else if (!documented.add(name)) {
                problems.add(row + ": a second row for " + what + " '" + name + "'");
            }
        }
        written.forEach((name, code) -> {
            if (!documented.contains(name)) {
                problems.add(FORMATS + " (" + key + "): no row for " + what + " '" + name + "', which EventLayout "
                        + "writes as code " + code);
            }
        });
        assertNoProblems(problems);
    }

    private static byte[] layoutOf(DslEvent event) {
        Bytes<byte[]> out = Bytes.allocateElasticOnHeap(256);
        try {
            EventLayout.write(out, event, new EncodedTextCache(EncodedTextCache.DEFAULT_SLOTS));
            byte[] bytes = out.toByteArray();
            assertThat(Byte.toUnsignedInt(bytes[0])).as("layout version").isEqualTo(EventLayout.VERSION);
            return bytes;
        } finally {
            out.releaseLast();
        }
    }

    private static DslEvent sample(EventType type) {
        UUID session = new UUID(1, 2);
        return switch (type) {
            case COMMAND_SUCCEEDED -> DslEvent.succeeded(1L, session, "verb", 2L);
            case COMMAND_FAILED -> DslEvent.failed(1L, session, "verb", 2L, new IllegalStateException("failed"));
            case SESSION_STARTED -> DslEvent.sessionStarted(1L, session, SessionSource.API);
            case SESSION_ENDED -> DslEvent.sessionEnded(1L, session, 3, 1, 4L);
            case SESSION_ENTRY ->
                DslEvent.sessionEntry(
                        1L, session, new EventPayload.SessionEntry(EntryType.USER_INPUT, 1, "docs", "content", null));
            case RECORDER_ACCOUNT ->
                DslEvent.recorderAccount(1L, new EventPayload.RecorderAccount(true, 0, 1, 0, 0, 0, 2, 1, 1, 0));
        };
    }

    // ---- settings ---------------------------------------------------------------------------------

    @Test
    void settingsTable_namesEverySettingWithItsPropertyAndVariable() {
        String keyRow = "telltale.store.KEY";
        List<String> problems = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        for (Row row : table(CONFIGURATION, "settings")) {
            String property = row.code(0);
            String variable = row.code(1);
            if (!property.startsWith("telltale.")) {
                problems.add(row + ": a property that does not start with 'telltale.'");
                continue;
            }
            documented.add(property.substring("telltale.".length()));
            if (property.equals(keyRow)) {
                problems.addAll(storeKeyRowProblems(row));
                continue;
            }
            // An empty value is wrong for every setting, so reading it fails naming the setting's source:
            // what shows that the property and the variable are the names the code reads.
            expectRejected(row, Map.of(), properties(property, ""), property, problems);
            expectRejected(row, Map.of(variable, ""), new Properties(), variable, problems);
            problems.addAll(defaultProblems(row, property));
        }
        Set<String> known = knownSettings();
        for (String setting : known) {
            if (!documented.contains(setting)) {
                problems.add(CONFIGURATION + " (settings): no row for telltale." + setting + ", a setting core reads");
            }
        }
        for (String setting : documented) {
            if (!known.contains(setting)) {
                problems.add(CONFIGURATION + " (settings): the row for telltale." + setting
                        + " names a setting core does not know (it knows " + known + ")");
            }
        }
        assertNoProblems(problems);
    }

    /** The settings core knows, as it lists them when it ignores an unknown {@code telltale.*} property. */
    private static Set<String> knownSettings() {
        List<String> warnings = EventsConfig.builder()
                .overrideFrom(Map.of(), properties("telltale.docs-match-code-test-unknown", "x"))
                .build()
                .warnings();
        Pattern knownList = Pattern.compile("\\(known: ([^)]*)\\)");
        return warnings.stream()
                .map(knownList::matcher)
                .filter(Matcher::find)
                .findFirst()
                .map(m -> Arrays.stream(m.group(1).split(","))
                        .map(String::trim)
                        .collect(Collectors.toCollection(TreeSet::new)))
                .orElseThrow(() -> new AssertionError(
                        "core no longer lists the known settings when it ignores an unknown one, which this test"
                                + " reads; warnings: " + warnings));
    }

    private static void expectRejected(
            Row row, Map<String, String> environment, Properties properties, String source, List<String> problems) {
        try {
            EventsConfig.builder().overrideFrom(environment, properties).build();
            problems.add(row + ": " + source + " is not read by core (an empty value was not rejected)");
        } catch (IllegalArgumentException e) {
            if (!String.valueOf(e.getMessage()).startsWith(source + ":")) {
                problems.add(row + ": an empty " + source + " was rejected without naming it: " + e.getMessage());
            }
        }
    }

    /** {@code telltale.store.KEY}: any key, through the property and through the row's own example variable. */
    private static List<String> storeKeyRowProblems(Row row) {
        List<String> problems = new ArrayList<>();
        EventsConfig byProperty = EventsConfig.builder()
                .overrideFrom(Map.of(), properties("telltale.store.docs-check", "v"))
                .build();
        if (!byProperty.warnings().isEmpty() || !byProperty.toString().contains("docs-check=v")) {
            problems.add(row + ": telltale.store.docs-check did not set the store setting docs-check: " + byProperty
                    + " " + byProperty.warnings());
        }
        // The meaning cell's example: `TELLTALE_STORE_FOO_BAR` sets `foo-bar`.
        List<String> example = row.codes(3);
        if (example.size() != 2) {
            problems.add(row + ": expected an example `TELLTALE_STORE_…` sets `…` in the last column");
            return problems;
        }
        EventsConfig byVariable = EventsConfig.builder()
                .overrideFrom(Map.of(example.get(0), "v"), new Properties())
                .build();
        if (!byVariable.toString().contains("{" + example.get(1) + "=v}")) {
            problems.add(row + ": " + example.get(0) + " does not set the store setting " + example.get(1) + ": "
                    + byVariable);
        }
        return problems;
    }

    /**
     * A default cell that is one literal ({@code `512`}) must be what a configuration with no setting
     * has: the same configuration results when the literal is set. The queue size's default depends on
     * the heap, so its row is compared with the constant.
     */
    private static List<String> defaultProblems(Row row, String property) {
        String cell = row.cell(2);
        List<String> literals = row.codes(2);
        if (property.equals("telltale.buffer-size")) {
            return literals.isEmpty() || !literals.get(0).equals(String.valueOf(EventsConfig.DEFAULT_BUFFER_SIZE))
                    ? List.of(row + ": the default is EventsConfig.DEFAULT_BUFFER_SIZE = "
                            + EventsConfig.DEFAULT_BUFFER_SIZE)
                    : List.of();
        }
        if (literals.size() != 1 || !cell.equals("`" + literals.get(0) + "`")) {
            return List.of(); // a default in words, such as "inferred" or "2 × cores"
        }
        String byDefault = EventsConfig.builder().build().toString();
        String set = EventsConfig.builder()
                .overrideFrom(Map.of(), properties(property, literals.get(0)))
                .build()
                .toString();
        return byDefault.equals(set)
                ? List.of()
                : List.of(row + ": the default is not " + literals.get(0) + ": " + byDefault + " against " + set);
    }

    @Test
    void storeSettingsTable_namesEverySettingOfEveryStore() {
        Map<String, EventStoreProvider> providers = new TreeMap<>();
        ServiceLoader.load(EventStoreProvider.class).forEach(p -> providers.put(p.name(), p));
        assertThat(providers).as("store providers on the class path").isNotEmpty();
        Map<String, Object> defaults = Map.of(
                "chronicle/roll-cycle", ChronicleEventStore.DEFAULT_ROLL_CYCLE,
                "chronicle/pretouch", ChronicleEventStore.DEFAULT_PRETOUCH,
                "jsonl/fsync", JsonlStoreProvider.DEFAULT_FSYNC,
                "postgres/pool-size", Database.DEFAULT_POOL_SIZE);

        List<String> problems = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        for (Row row : table(CONFIGURATION, "store-settings")) {
            String store = row.code(0);
            String setting = row.code(1);
            EventStoreProvider provider = providers.get(store);
            if (provider == null) {
                problems.add(
                        row + ": no store '" + store + "' on the class path (there are " + providers.keySet() + ")");
                continue;
            }
            if (!knownSettings(provider).contains(setting)) {
                problems.add(row + ": store '" + store + "' has no setting '" + setting + "' (it has "
                        + knownSettings(provider) + ")");
            }
            if (!documented.add(store + "/" + setting)) {
                problems.add(row + ": a second row for " + store + " " + setting);
            }
            boolean identifies = row.cell(2).equals("yes");
            if (!identifies && !row.cell(2).isEmpty()) {
                problems.add(row + ": 'identifies the store' is 'yes' or empty");
            }
            if (identifies != provider.identifyingSettings().contains(setting)) {
                problems.add(row + ": store '" + store + "' identifies itself by " + provider.identifyingSettings());
            }
            Object byDefault = defaults.get(store + "/" + setting);
            if (byDefault != null && !row.codes(3).contains(String.valueOf(byDefault))) {
                problems.add(row + ": the default is " + byDefault);
            }
        }
        providers.forEach((store, provider) -> {
            for (String setting : knownSettings(provider)) {
                if (!documented.contains(store + "/" + setting)) {
                    problems.add(CONFIGURATION + " (store settings): no row for store '" + store + "' setting '"
                            + setting + "'");
                }
            }
        });
        assertNoProblems(problems);
    }

    /** A store's settings, as it lists them when it rejects one it does not know. */
    private static Set<String> knownSettings(EventStoreProvider provider) {
        StoreConfig unknown = StoreConfig.of(provider.name(), Map.of("docs-match-code-test-unknown", "x"));
        try {
            provider.validate(unknown);
        } catch (IllegalArgumentException e) {
            Matcher known = Pattern.compile("\\(known: ([^)]*)\\)").matcher(String.valueOf(e.getMessage()));
            if (known.find()) {
                return Arrays.stream(known.group(1).split(","))
                        .map(String::trim)
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            throw new AssertionError("store '" + provider.name() + "' rejected an unknown setting without listing"
                    + " the ones it knows, which this test reads: " + e.getMessage());
        }
        throw new AssertionError("store '" + provider.name()
                + "' accepted an unknown setting; this test reads the known ones from" + " its rejection");
    }

    // ---- compile errors ---------------------------------------------------------------------------

    @Test
    void compileErrorTable_listsEveryProcessorDiagnosticId() {
        Set<String> inCode = problemIds();
        Pattern id = Pattern.compile("TT\\d{3}");
        List<String> problems = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        for (Row row : table(INSTRUMENTING, "compile-errors")) {
            Matcher ids = id.matcher(row.cell(0));
            boolean any = false;
            while (ids.find()) {
                any = true;
                String found = ids.group();
                if (!inCode.contains(found)) {
                    problems.add(row + ": the processor reports no " + found);
                }
                if (!documented.add(found)) {
                    problems.add(row + ": " + found + " has a row already");
                }
            }
            if (!any) {
                problems.add(row + ": no id TTnnn in the first column");
            }
        }
        for (String found : inCode) {
            if (!documented.contains(found)) {
                problems.add(
                        INSTRUMENTING + " (compile errors): no row for " + found + ", which the processor reports");
            }
        }
        assertNoProblems(problems);
    }

    /**
     * The ids of the processor's {@code Problem} enum. By reflection: the enum and its {@code id()} are
     * package-private, the processor's inside, and nothing public lists them.
     */
    private static Set<String> problemIds() {
        Class<?> problem = classOrNull("dev.telltale.processor.Problem");
        assertThat(problem)
                .as("dev.telltale.processor.Problem on the test class path")
                .isNotNull();
        try {
            Method id = problem.getDeclaredMethod("id");
            id.setAccessible(true);
            Set<String> ids = new TreeSet<>();
            for (Object constant : problem.getEnumConstants()) {
                ids.add((String) id.invoke(constant));
            }
            return ids;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the processor's Problem ids", e);
        }
    }

    // ---- links and the landing page ---------------------------------------------------------------

    @Test
    void readme_isALandingPage() {
        int lines = lines("README.md").size();
        if (lines > 200) {
            fail("README.md has " + lines + " lines: a landing page has at most 200; the manual is docs/");
        }
    }

    @Test
    void gettingStarted_holdsTheProjectTheReadmeProjectTestBuilds() {
        String page = String.join("\n", lines("docs/getting-started.md"));
        for (String block : List.of("pom.xml", "commands")) {
            if (!page.contains("<!-- readme-project: " + block + " -->")) {
                fail("docs/getting-started.md: no block <!-- readme-project: " + block
                        + " -->, which examples/src/it/readme-project/verify.groovy runs");
            }
        }
    }

    @Test
    void relativeLinks_leadToFilesAndHeadingsThatExist() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> pages = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.map(p -> "docs/" + p.getFileName())
                    .filter(p -> p.endsWith(".md"))
                    .sorted()
                    .forEach(pages::add);
        }
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            List<String> lines = lines(page);
            boolean inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    inFence = !inFence;
                }
                if (inFence) {
                    continue;
                }
                Matcher m = link.matcher(line);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("[a-z]+:.*")) {
                        continue; // https:, mailto:
                    }
                    int hash = target.indexOf('#');
                    String file = hash < 0 ? target : target.substring(0, hash);
                    String anchor = hash < 0 ? null : target.substring(hash + 1);
                    Path resolved = file.isEmpty()
                            ? ROOT.resolve(page)
                            : ROOT.resolve(page).getParent().resolve(file).normalize();
                    String where = page + ":" + (i + 1) + ": link (" + target + ")";
                    if (!Files.exists(resolved)) {
                        problems.add(where + ": no file " + ROOT.relativize(resolved));
                    } else if (anchor != null && !anchors(resolved).contains(anchor)) {
                        problems.add(where + ": no heading #" + anchor + " in " + ROOT.relativize(resolved)
                                + " (it has " + anchors(resolved) + ")");
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new TreeMap<>();
        boolean inFence = false;
        for (String line : lines(ROOT.relativize(page).toString())) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            }
            if (inFence || !line.startsWith("#")) {
                continue;
            }
            String slug = line.replaceFirst("^#+\\s*", "")
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    // ---- reading the pages ------------------------------------------------------------------------

    /** One row of a checked table, with where it is, for messages. */
    private record Row(String page, int line, String text, List<String> cells) {

        String cell(int column) {
            if (column >= cells.size()) {
                fail(this + ": no column " + (column + 1));
            }
            return cells.get(column);
        }

        /** The `code` spans of a cell. */
        List<String> codes(int column) {
            List<String> codes = new ArrayList<>();
            Matcher m = CODE.matcher(cell(column));
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        }

        /** The cell's one `code` span. */
        String code(int column) {
            List<String> codes = codes(column);
            if (codes.isEmpty()) {
                fail(this + ": column " + (column + 1) + " has no `name`");
            }
            return codes.get(0);
        }

        @Override
        public String toString() {
            return page + ":" + line + ": row " + text;
        }
    }

    /** The rows (not the header) of the table after the marker {@code <!-- DocsMatchCodeTest: KEY; … -->}. */
    private static List<Row> table(String page, String key) {
        List<String> lines = lines(page);
        String marker = "<!-- DocsMatchCodeTest: " + key + ";";
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(marker)) {
                if (at >= 0) {
                    fail(page + ": two tables marked '" + marker + "'");
                }
                at = i;
            }
        }
        if (at < 0) {
            fail(page + ": no table marked '" + marker + " … -->' (the marker tells this test which table to check)");
        }
        int header = at + 1;
        if (header + 1 >= lines.size()
                || !lines.get(header).startsWith("|")
                || !lines.get(header + 1).matches("\\|[-| :]+\\|")) {
            fail(page + ":" + (header + 1) + ": a table (header and |---| line) must follow the marker '" + marker
                    + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(new Row(page, i + 1, lines.get(i), cells(lines.get(i))));
        }
        if (rows.isEmpty()) {
            fail(page + ":" + (header + 1) + ": the table marked '" + marker + "' has no rows");
        }
        return rows;
    }

    /** A table line's cells, trimmed; {@code \|} is a bar inside a cell. */
    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1))
                .map(cell -> cell.replace("\\|", "|").trim())
                .toList();
    }

    private static List<String> lines(String page) {
        try {
            return Files.readAllLines(ROOT.resolve(page), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + page, e);
        }
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail("The docs do not match the code:\n  " + String.join("\n  ", problems));
        }
    }

    private static Properties properties(String name, String value) {
        Properties properties = new Properties();
        properties.setProperty(name, value);
        return properties;
    }

    private static Class<?> classOrNull(String name) {
        try {
            return Class.forName(name, false, DocsMatchCodeTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The repository's root: the nearest directory up from here with README.md and docs/. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new AssertionError(
                "no README.md with docs/ beside it above " + Path.of("").toAbsolutePath());
    }
}
