package com.acme.modular;

import dev.telltale.api.EventRuntime;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;

/** Runs two commands through the factory, the same code in both builds, and says what recorded them. */
public final class App {
    private App() {}

    public static void main(String[] args) {
        Greeter greeter = GreeterFactory.create();
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            System.out.println(greeter.greet("Ada"));
            try {
                greeter.fail();
            } catch (IllegalStateException e) {
                System.out.println("failed: " + e.getMessage());
            }
            System.out.println("commands in session: " + session.commandCount());
        }
        System.out.println("runs as " + greeter.getClass().getName() + " in module "
                + greeter.getClass().getModule().getName());
        System.out.println("recording: " + EventRuntime.current().health().status());
    }
}
