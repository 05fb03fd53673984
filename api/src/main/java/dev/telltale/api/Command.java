package dev.telltale.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@link Instrumented} class (or of one of its superclasses) as a command:
 * each call becomes a {@code CommandSucceeded} or {@code CommandFailed} event with its duration.
 * The method must be overridable: not {@code private}, {@code static} or {@code final}.
 *
 * <p>The event's verb, in order of precedence: the argument of a parameter marked {@link Verb};
 * else {@link #verb()} if not empty; else the method's name. Its session: the argument of a
 * parameter marked {@link SessionId}; else the {@link TelltaleSession#current() current session} of
 * the calling thread; else none.
 *
 * <p>A method returning a {@link java.util.concurrent.CompletionStage} is timed to the stage's
 * completion, and records a failure when the stage completes exceptionally.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Command {

    /** A constant verb for this method, such as {@code cbu.create}; empty means "the method's name". */
    String verb() default "";
}
