package com.acme;

import dev.telltale.api.Command;
import dev.telltale.api.Instrumented;
import dev.telltale.api.SessionId;
import java.util.UUID;

@Instrumented
public class Greeter {
    private final String greeting;

    public Greeter(String greeting) {
        this.greeting = greeting;
    }

    @Command(verb = "greeter.greet")
    public String greet(@SessionId UUID session, String name) {
        return greeting + ", " + name;
    }

    @Command
    public void fail(@SessionId UUID session) {
        throw new IllegalStateException("greeter is tired");
    }
}
