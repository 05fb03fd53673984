/** The JSON Lines store: a store, a source and an export sink of files in the JSON event format. */
module dev.telltale.store.jsonl {
    requires transitive dev.telltale.api;
    requires dev.telltale.json;
    requires static com.google.auto.service;

    exports dev.telltale.store.jsonl;

    provides dev.telltale.api.store.EventStoreProvider with
            dev.telltale.store.jsonl.JsonlStoreProvider;
    provides dev.telltale.api.source.EventSourceProvider with
            dev.telltale.store.jsonl.JsonlSourceProvider;
    provides dev.telltale.api.export.ExportSinkProvider with
            dev.telltale.store.jsonl.JsonlSinkProvider;
}
