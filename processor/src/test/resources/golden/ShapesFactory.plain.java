package com.acme;

import java.io.IOException;
import javax.annotation.processing.Generated;

/**
 * Creates {@link Shapes} instances (built without the events profile: nothing is recorded).
 */
@Generated(
        value = "dev.telltale.processor.InstrumentedProcessor",
        comments = "from @Instrumented com.acme.Shapes"
)
public final class ShapesFactory {
    private ShapesFactory() {
    }

    public static Shapes create() {
        return new Shapes();
    }

    public static Shapes create(String name) throws IOException {
        return new Shapes(name);
    }
}
