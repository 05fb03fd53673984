package dev.telltale.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of a {@link Command} method that carries the session: a {@link java.util.UUID},
 * or any type with a public no-argument accessor named by {@link #value()} that returns a UUID. A
 * {@code null} records no session.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface SessionId {

    /** The accessor to call on the argument, such as {@code "id"}; empty to use the argument itself. */
    String value() default "";
}
