package dev.telltale.store.jsonl;

/** What a {@link JsonlReader} does with a line it cannot decode. */
public enum BadLinePolicy {

    /** Throw a {@link dev.telltale.json.EventJsonException} naming the file and line. Reading may go on after it. */
    FAIL,

    /** Skip the line and count it; see {@link JsonlReader#skippedLines()}. */
    SKIP
}
