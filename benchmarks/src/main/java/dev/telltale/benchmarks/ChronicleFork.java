package dev.telltale.benchmarks;

/**
 * The JVM options a forked benchmark JVM that maps Chronicle Queue files needs: the parent pom's
 * {@code telltale.jvm.flags} (annotation values must be constants, so they are spelled out here;
 * {@code ChronicleForkTest} keeps them equal to the pom's), the banner switched off, a fixed heap.
 */
final class ChronicleFork {

    static final String NIO = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    static final String CLEANER = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String NATIVE = "--enable-native-access=ALL-UNNAMED";
    static final String NO_BANNER = "-Dchronicle.announcer.disable=true";
    static final String HEAP_MIN = "-Xms1g";
    static final String HEAP_MAX = "-Xmx1g";

    /** The four Chronicle flags, in the pom's order. */
    static final String[] FLAGS = {NIO, REFLECT, CLEANER, NATIVE};

    private ChronicleFork() {}
}
