package dev.telltale.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of a {@link Command} method that carries the verb. The parameter may be a
 * {@link CharSequence} (used as it is), an enum (its {@code name()}), or any type with a public
 * no-argument accessor named by {@link #value()} that returns one of those two. A {@code null}
 * argument or accessor result records the verb {@code "unknown"}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Verb {

    /** The accessor to call on the argument, such as {@code "verb"}; empty to use the argument itself. */
    String value() default "";
}
