package io.desktopstarter.core.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and folders only their owner can read: folders 0700, files 0600, whatever the umask.
 * On a file system without POSIX permissions (Windows) every method only creates what is
 * missing: there the per-user ACL of {@code %APPDATA%} already keeps other users out.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private PrivateFiles() {
    }

    /** Whether {@code path}'s file system has POSIX permissions at all. */
    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} and any missing parents (each created one 0700, as the umask allows),
     * then makes {@code dir} itself exactly 0700. Returns {@code dir}.
     */
    public static Path folder(Path dir) throws IOException {
        if (!posix(dir)) {
            return Files.createDirectories(dir);
        }
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw e; // a file of that name: not ours to change
                }
                // another thread or process created it meanwhile
            }
        }
        set(dir, FOLDER);
        return dir;
    }

    /**
     * Creates {@code file} empty and 0600 unless it exists; an existing file keeps its content and
     * is made 0600; anything else of that name (a folder) is an error. Creating it before a library opens it is how the library's file gets private
     * permissions (SQLite gives its -wal, -shm and -journal files the database file's mode).
     */
    public static Path file(Path file) throws IOException {
        if (!posix(file)) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isRegularFile(file)) {
                    throw new FileSystemException(file.toString(), null, "not a regular file");
                }
            }
            return file;
        }
        try {
            Files.createFile(file, fileAttribute());
        } catch (FileAlreadyExistsException e) {
            if (!Files.isRegularFile(file)) {
                throw new FileSystemException(file.toString(), null, "not a regular file");
            }
            // kept as it is but made 0600 below
        }
        set(file, FILE);
        return file;
    }

    /** The attribute to pass to {@code Files.createFile}/{@code newByteChannel} for a 0600 file. */
    public static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    /**
     * Takes every permission of group and others away from {@code root} and what lies below it,
     * down to {@code maxDepth} levels (1: its own entries; a folder at the last level is closed but
     * not entered): an install made under umask 022 (folders 0755, files 0644) becomes 0700/0600.
     * The owner's own bits stay (a helper executable stays executable). Symbolic links below
     * {@code root} are neither followed nor changed, so nothing outside the tree is touched; sockets
     * and pipes are left alone; entries that vanish meanwhile are skipped.
     *
     * @return how many entries were changed
     */
    public static int tighten(Path root, int maxDepth) throws IOException {
        if (!posix(root)) {
            return 0;
        }
        int[] changed = {0};
        // The root itself may be a link the user made to a folder elsewhere; nothing below it is followed.
        Files.walkFileTree(root.toRealPath(), Set.of(), maxDepth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // Before its entries: a folder is closed to others before its content is looked at.
                changed[0] += restrict(dir, attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() || attrs.isDirectory()) { // a folder at maxDepth comes here
                    changed[0] += restrict(file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return changed[0];
    }

    private static int restrict(Path path, BasicFileAttributes attrs) throws IOException {
        Set<PosixFilePermission> now = attrs instanceof PosixFileAttributes posix
                ? posix.permissions()
                : Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions();
        Set<PosixFilePermission> wanted = EnumSet.noneOf(PosixFilePermission.class);
        wanted.addAll(now);
        wanted.retainAll(OWNER);
        if (wanted.equals(now)) {
            return 0;
        }
        try {
            view(path, LinkOption.NOFOLLOW_LINKS).setPermissions(wanted);
            return 1;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /**
     * chmod only when the mode differs (a read-only mount refuses any chmod). Follows a symbolic
     * link: a user who links the app-data folder elsewhere means the folder it points to.
     */
    private static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = view(path);
        if (!view.readAttributes().permissions().equals(permissions)) {
            view.setPermissions(permissions);
        }
    }

    private static PosixFileAttributeView view(Path path, LinkOption... options) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, options);
    }
}
