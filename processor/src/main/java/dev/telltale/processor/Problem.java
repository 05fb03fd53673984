package dev.telltale.processor;

/**
 * Every diagnostic the processor reports: a stable id (search for it in docs/instrumenting.md, "Compile errors") and a message
 * that says what is wrong and how to fix it. Message arguments are filled with
 * {@link String#format}.
 */
enum Problem {
    BAD_OPTION("TT000", "-A%s must be true or false, got '%s'"),
    NOT_A_CLASS(
            "TT001", "@Instrumented goes on a class, but %s is %s; put it on the executor class that implements it"),
    FINAL_CLASS("TT002", "@Instrumented class %s is final; make it non-final or remove @Instrumented"),
    PRIVATE_CLASS("TT003", "@Instrumented class %s is private; make it package-private or public"),
    INNER_CLASS("TT004", "@Instrumented class %s is an inner class; make it static"),
    ABSTRACT_CLASS(
            "TT005",
            "@Instrumented class %s is abstract, so its factory cannot create it; put @Instrumented on its concrete subclasses (they inherit its @Command methods)"),
    NO_CONSTRUCTOR(
            "TT006",
            "@Instrumented class %s has no constructor that its factory can call; add a non-private constructor"),
    NO_COMMANDS("TT007", "@Instrumented class %s has no @Command method; annotate the methods to record with @Command"),
    FINAL_METHOD(
            "TT008", "@Command method %s is final, so it cannot be recorded; make it non-final or remove @Command"),
    STATIC_METHOD(
            "TT009",
            "@Command method %s is static, so it cannot be recorded; make it an instance method or remove @Command"),
    PRIVATE_METHOD(
            "TT010",
            "@Command method %s is private, so it cannot be recorded; make it package-private, protected or public"),
    HIDDEN_METHOD(
            "TT011",
            "@Command method %s is package-private in another package, so %s cannot override it; make it protected or public"),
    BLANK_VERB("TT012", "@Command(verb = \"%s\") is blank; give a verb or leave verb out to use the method's name"),
    BAD_VERB_TYPE(
            "TT013",
            "@Verb parameter %s has type %s; use a String or other CharSequence, an enum, or name a public accessor that returns one: @Verb(\"verb\")"),
    BAD_VERB_ACCESSOR(
            "TT014",
            "@Verb(\"%s\") on parameter %s: %s has no public no-argument method %s() returning a CharSequence or an enum"),
    BAD_SESSION_TYPE(
            "TT015",
            "@SessionId parameter %s has type %s; use a java.util.UUID or name a public accessor that returns one: @SessionId(\"id\")"),
    BAD_SESSION_ACCESSOR(
            "TT016",
            "@SessionId(\"%s\") on parameter %s: %s has no public no-argument method %s() returning a java.util.UUID"),
    TWO_VERBS("TT017", "@Command method %s has more than one @Verb parameter; keep one"),
    TWO_SESSIONS("TT018", "@Command method %s has more than one @SessionId parameter; keep one"),
    CONFLICTING_COMMANDS(
            "TT019",
            "%s inherits @Command from %s, which name different verbs (\"%s\"); repeat @Command on the method in the class to choose one"),
    NOT_INHERITED("TT020", "@Command method %s is not inherited by the @Instrumented class, so it cannot be recorded"),
    PROCESSOR_FAILED("TT099", "the Telltale processor failed on %s; please report this with the stack trace:%n%s");

    private final String id;
    private final String template;

    Problem(String id, String template) {
        this.id = id;
        this.template = template;
    }

    /** The stable id, such as {@code TT002}. */
    String id() {
        return id;
    }

    /** The full message: {@code [TT002] @Instrumented class Foo is final; …}. */
    String format(Object... args) {
        return "[" + id + "] " + String.format(template, args);
    }
}
