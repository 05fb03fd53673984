package dev.telltale.api.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;

/**
 * Who may read the files Telltale creates: their owner only ({@link #OWNER}, the default: files
 * {@code 0600}, directories {@code 0700}), or the owner's group too ({@link #GROUP}: {@code 0640},
 * {@code 0750}). Never anyone else, whatever the process's umask: the permissions are given when a
 * file or directory is created, so there is no moment in which others could open it (and set exactly
 * right after, so that a strict umask does not take the group's away), and a file is
 * never created through a symbolic link someone planted. A directory that exists already is left as
 * it is. On a file system without POSIX permissions, nothing is set. Immutable; any thread.
 *
 * <p>The setting is {@value #SETTING} ({@code telltale.store.access=group}); stores that write files
 * read it from their {@link StoreConfig}.
 */
public enum FileAccess {
    /** {@code 0600} files, {@code 0700} directories. */
    OWNER("rw-------", "rwx------"),
    /** {@code 0640} files, {@code 0750} directories. */
    GROUP("rw-r-----", "rwxr-x---");

    /** The store setting that chooses it: {@value}. */
    public static final String SETTING = "access";

    /** The directories the operator was told of. */
    private static final Set<Path> TOLD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Set<PosixFilePermission> filePermissions;
    private final Set<PosixFilePermission> directoryPermissions;

    FileAccess(String file, String directory) {
        this.filePermissions = PosixFilePermissions.fromString(file);
        this.directoryPermissions = PosixFilePermissions.fromString(directory);
    }

    /**
     * The access a store's settings choose: {@value #SETTING} = {@code owner} (the default) or
     * {@code group}.
     *
     * @throws IllegalArgumentException naming the setting and its value when it is neither
     */
    public static FileAccess of(StoreConfig config) {
        return config.option(SETTING).map(FileAccess::parse).orElse(OWNER);
    }

    /**
     * {@code owner} or {@code group}, in any case.
     *
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static FileAccess parse(String value) {
        String lower = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("owner")) {
            return OWNER;
        }
        if (lower.equals("group")) {
            return GROUP;
        }
        throw new IllegalArgumentException(
                SETTING + ": expected owner or group (never anyone else), got '" + value + "'");
    }

    /** The permissions of a file this creates; for a file another library creates, set them afterwards. */
    public Set<PosixFilePermission> filePermissions() {
        return filePermissions;
    }

    /**
     * Creates {@code dir} and its missing parents, each with this access; leaves what exists as it is.
     * Returns whether {@code dir} existed already and others (not owner, not group) may read it.
     */
    public boolean createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return othersMayRead(absolute);
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createDirectories(parent);
        }
        try {
            if (POSIX) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(directoryPermissions));
                exactly(absolute, directoryPermissions);
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
        return false;
    }

    /**
     * Creates {@code file} with this access unless it exists; refuses one that is a symbolic link
     * (planted, or not: Telltale never writes through one), naming it.
     */
    public void createFile(Path file) throws IOException {
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(filePermissions));
                exactly(file, filePermissions);
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            requireNoLink(file);
        }
    }

    /**
     * Opens {@code file} with {@code options}; when they create it, it is created with this access,
     * and never through a symbolic link.
     */
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        requireNoLink(file);
        return POSIX ? FileChannel.open(file, Set.of(options), attribute()) : FileChannel.open(file, options);
    }

    /**
     * As {@link #createDirectories}, for a directory that is the store's own (a Chronicle queue's): when
     * it existed already and others may read it, the operator is told, once per directory, through the
     * JDK's logger (standard error unless configured), since the files the store keeps there are named
     * and dated for anyone who can list it. A file's parent directory is not the store's (the file
     * itself is owner-only), so nothing is said of it.
     */
    public boolean createOwnDirectory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        boolean readable = createDirectories(absolute);
        if (readable && TOLD.add(absolute)) {
            System.getLogger("dev.telltale")
                    .log(
                            System.Logger.Level.WARNING,
                            "telltale: " + absolute + " can be read by other accounts; Telltale's files in it are"
                                    + " owner-only, but consider chmod o-rx " + absolute);
        }
        return readable;
    }

    /** Gives {@code file}, created by another library under the umask, this access. */
    public void restrict(Path file) throws IOException {
        if (POSIX && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(file, filePermissions);
        }
    }

    /**
     * The permissions given at creation are what the umask lets through: never more, so nobody else
     * can open the file meanwhile, but a strict umask ({@code 077}) takes the group's away; set them
     * exactly, now that the file or directory is there.
     */
    private static void exactly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        Files.setPosixFilePermissions(path, permissions);
    }

    private FileAttribute<Set<PosixFilePermission>> attribute() {
        return PosixFilePermissions.asFileAttribute(filePermissions);
    }

    private static void requireNoLink(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link: Telltale does not write through one");
        }
    }

    private static boolean othersMayRead(Path dir) throws IOException {
        if (!POSIX) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        return permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }
}
