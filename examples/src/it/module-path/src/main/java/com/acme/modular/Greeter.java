package com.acme.modular;

import dev.telltale.api.Command;
import dev.telltale.api.Instrumented;

@Instrumented
public class Greeter {

    @Command(verb = "greeter.greet")
    public String greet(String name) {
        return "Hello, " + name;
    }

    @Command
    public void fail() {
        throw new IllegalStateException("greeter is tired");
    }
}
