package dev.telltale.api.source;

/** A provider whose {@code accepts} throws, as a broken one might: asked first (its name sorts first), then passed over. */
public final class ThrowingSourceProvider implements EventSourceProvider {

    @Override
    public String name() {
        return "aaa-throwing";
    }

    @Override
    public String reads() {
        return "nothing, it throws";
    }

    @Override
    public boolean accepts(String location) {
        throw new IllegalStateException("broken provider");
    }

    @Override
    public EventSource open(String location, SourceOptions options) {
        throw new AssertionError("never accepts");
    }
}
