/**
 * Telltale's API: the only module user code compiles against. It requires nothing but {@code java.base}.
 * Its SPIs are found with {@link java.util.ServiceLoader}: the runtime ({@code telltale-core}), event
 * sources and export sinks (the store modules).
 */
module dev.telltale.api {
    exports dev.telltale.api;
    exports dev.telltale.api.export;
    exports dev.telltale.api.redact;
    exports dev.telltale.api.source;
    exports dev.telltale.api.store;

    uses dev.telltale.api.EventRuntime;
    uses dev.telltale.api.export.ExportSinkProvider;
    uses dev.telltale.api.redact.Redactor;
    uses dev.telltale.api.source.EventSourceProvider;
    uses dev.telltale.api.store.EventStoreProvider;
}
