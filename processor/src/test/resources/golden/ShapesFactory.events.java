package com.acme;

import java.io.IOException;
import javax.annotation.processing.Generated;

/**
 * Creates {@link Shapes} instances that record every {@code @Command} call (built with the events profile).
 */
@Generated(
        value = "dev.telltale.processor.InstrumentedProcessor",
        comments = "from @Instrumented com.acme.Shapes"
)
public final class ShapesFactory {
    private ShapesFactory() {
    }

    public static Shapes create() {
        return new Shapes_Events();
    }

    public static Shapes create(String name) throws IOException {
        return new Shapes_Events(name);
    }
}
