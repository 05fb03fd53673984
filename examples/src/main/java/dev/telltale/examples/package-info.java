/**
 * A small DSL and its {@code @Instrumented} executor: verbs in {@code domain.verb} form, some of
 * which fail the way real ones do (a validation error, a not-found with an HTTP status, an
 * unexpected exception). Obtain the executor through the generated {@code DslExecutorFactory}.
 */
package dev.telltale.examples;
