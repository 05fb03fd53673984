package dev.telltale.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command executor whose {@link Command} methods Telltale records.
 *
 * <p>The Telltale annotation processor generates, next to the class {@code Foo}, a factory
 * {@code FooFactory} with one static {@code create(…)} per accessible constructor of {@code Foo}
 * (same parameters, same {@code throws}). User code obtains its executor only through that factory.
 * In a build with the {@code events} profile (processor option {@code -Atelltale.events=true}), the
 * factory returns an instance of the generated subclass {@code Foo_Events}, which records one event
 * per {@link Command} call; in any other build it returns a plain {@code new Foo(…)}, and nothing of
 * Telltale's runtime is referenced. A nested class {@code Outer.Foo} gives {@code Outer_FooFactory}
 * and {@code Outer_Foo_Events}.
 *
 * <p>The class must be a non-final, non-private, top-level or static nested class with at least one
 * non-private constructor; the processor reports anything else as a compile error on the class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Instrumented {}
