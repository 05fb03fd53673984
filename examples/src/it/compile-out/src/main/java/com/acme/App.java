package com.acme;

import java.util.UUID;

/** Uses the executor only through its factory: the same code in both builds. */
public final class App {
    private App() {}

    public static void main(String[] args) {
        UUID session = UUID.fromString(args[0]);
        Greeter greeter = GreeterFactory.create("Hello");
        System.out.println(greeter.greet(session, "Ada"));
        try {
            greeter.fail(session);
        } catch (IllegalStateException e) {
            System.out.println("failed: " + e.getMessage());
        }
        System.out.println("runs as " + greeter.getClass().getSimpleName());
    }
}
