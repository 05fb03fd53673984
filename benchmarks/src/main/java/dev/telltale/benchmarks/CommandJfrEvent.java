package dev.telltale.benchmarks;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JFR baseline: the same facts as a Telltale command event. Its duration field is not named
 * {@code duration}: that name clashes with JFR's own field and the event silently records nothing.
 */
@Name("dev.telltale.benchmarks.Command")
@Label("Command")
@Category("Telltale")
@StackTrace(false)
class CommandJfrEvent extends jdk.jfr.Event {

    @Label("Verb")
    String verb;

    @Label("Command duration (ns)")
    long commandNanos;
}
