package dev.telltale.json.testing;

/** One event of each type, as schema version 1 writes it (the events of {@code ContractEvents}). Changing these breaks every file written. */
public final class GoldenLines {

    public static final String GOLDEN_SUCCEEDED = """
            {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",\
            "type":"command_succeeded","verb":"cbu.create","duration_ns":1500}""";

    public static final String GOLDEN_FAILED = """
            {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",\
            "type":"command_failed","verb":"cbu.create","duration_ns":2500,\
            "error":{"type":"java.lang.IllegalStateException","message":"exists","source_id":"cbu-42",\
            "http_status":409,"verb":"cbu.create"}}""";
    public static final String GOLDEN_STARTED = """
            {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",\
            "type":"session_started","source":"REPL"}""";
    public static final String GOLDEN_ENDED = """
            {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",\
            "type":"session_ended","command_count":12,"error_count":2,"duration_ns":3000000000}""";
    public static final String GOLDEN_ENTRY = """
            {"v":1,"ts":"2026-11-27T04:31:27.123456989Z","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",\
            "type":"session_entry","entry":"dsl_command","entry_no":3,"source":"REPL",\
            "content":"(cbu.create :name \\"x\\")","event":{"session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",\
            "ts":"2026-11-27T04:31:27.123456789Z","verb":"cbu.create"}}""";
    public static final String GOLDEN_ENTRY_WITHOUT_EVENT = """
            {"v":1,"ts":"2026-11-27T04:31:27.123456989Z","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",\
            "type":"session_entry","entry":"user_input","entry_no":1,"source":"REPL","content":"hello"}""";

    public static final String GOLDEN_ACCOUNT = """
            {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","type":"recorder_account","final":true,\
            "since":"2026-11-27T04:31:26.123456789Z","dropped_queue_full":3,"dropped_closed":1,"dropped_null":0,\
            "lost":2,"emitted":1000,"persisted":994,"dropped_total":4,"lost_total":2}""";

    private GoldenLines() {}
}
