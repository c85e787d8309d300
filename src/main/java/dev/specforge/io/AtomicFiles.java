package dev.specforge.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers never see it half-written: the content goes to a hidden temporary file in the same
 * folder ({@code .<name>.<uuid>.part}), which is then renamed over the target atomically. The temporary file is
 * removed whatever happens. Used for zips (outbox) and cache entries.
 *
 * <p>A kill (even {@code kill -9}) cannot leave a partial file under the target name. {@link #writeDurable} also
 * forces the bytes to the disk before the rename, and the rename itself after it, so that a power loss cannot
 * leave a complete-looking but empty or torn file either: use it for results that are served again later without
 * a check (stored zips, LLM answers). Temporary files (a zip in the work folder) and cache entries that carry their
 * own checksum use the cheaper {@link #write}.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where the bytes go (buffered; closed by the caller)
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target  the file to create or replace; its folder is created if missing
     * @param content writes the bytes
     * @throws IOException when the content cannot be written or moved into place (the target is then unchanged)
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * As {@link #write}, then fsync: the temporary file's bytes before the rename, and the folder after it.
     *
     * @param target  the file to create or replace; its folder is created if missing
     * @param content writes the bytes
     * @throws IOException when the content cannot be written, forced to disk or moved into place
     */
    public static void writeDurable(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, Content content, boolean durable) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 64 * 1024)) {
                content.writeTo(out);
            }
            if (durable) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (durable) {
                syncFolder(dir);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Forces a folder's entries (a rename) to disk; file systems that cannot open folders are skipped. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; the rename is still atomic there
        }
    }
}
