/** The JSON event format: one event as one JSON object. */
module dev.telltale.json {
    requires transitive dev.telltale.api;
    requires com.fasterxml.jackson.core;

    exports dev.telltale.json;
}
