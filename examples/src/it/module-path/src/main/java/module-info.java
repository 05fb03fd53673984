/** A user's application as a named module: it requires Telltale's api and nothing else of Telltale. */
module com.acme.modular {
    requires dev.telltale.api;
}
