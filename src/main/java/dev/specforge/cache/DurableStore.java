package dev.specforge.cache;

import dev.specforge.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The skeleton the durable caches share: one folder under {@code specforge.cache.dir} of files named by a SHA-256
 * content key ({@link Digest#isHex}), written atomically ({@link AtomicFiles}), read back with problems logged and
 * turned into a miss, and valid for a TTL ({@code specforge.cache.ttl}) from the moment they were written. Each cache
 * keeps its own entry format on top of it: {@link FileResultCache} ({@code files/}), the LLM answer cache
 * ({@code llm/}) and {@link ResultStore} ({@code results/}). Expired files are deleted by {@link CacheSweeper}.
 * Thread-safe (it holds no state but its settings).
 */
public final class DurableStore {

    private static final Logger LOG = LoggerFactory.getLogger(DurableStore.class);

    /** Where an entry's file lies under the store's folder. */
    public enum Layout {
        /** {@code <folder>/<key><suffix>} */
        FLAT,
        /** {@code <folder>/<key[0..2]>/<key><suffix>}: at most 256 sub-folders, so no folder grows too large */
        SHARDED
    }

    private final Path root;
    private final Layout layout;
    private final Duration ttl;
    private final Clock clock;
    private final String what;

    /**
     * @param cacheDir the cache folder ({@code specforge.cache.dir})
     * @param folder   the store's sub-folder, e.g. {@code files}; created on the first write
     * @param layout   where an entry's file lies
     * @param ttl      how long an entry is valid after it was written
     * @param clock    the clock (UTC)
     * @param what     what an entry is, for messages, e.g. {@code file cache} ("ignoring unreadable file cache
     *                 entry ...")
     */
    public DurableStore(Path cacheDir, String folder, Layout layout, Duration ttl, Clock clock, String what) {
        this.root = cacheDir.resolve(folder);
        this.layout = layout;
        this.ttl = ttl;
        this.clock = clock;
        this.what = what;
    }

    /** @return the store's folder */
    public Path root() {
        return root;
    }

    /**
     * @param key    a content key: 64 lower-case hex characters ({@link Digest#isHex})
     * @param suffix the entry's file name suffix, e.g. {@code .json}, or empty
     * @return the entry's file
     * @throws IllegalArgumentException when {@code key} is not a content key (it would not be a safe file name)
     */
    public Path file(String key, String suffix) {
        if (!Digest.isHex(key)) {
            throw new IllegalArgumentException("not a " + what + " key: " + key);
        }
        Path folder = layout == Layout.SHARDED ? root.resolve(key.substring(0, 2)) : root;
        return folder.resolve(key + suffix);
    }

    /** @return the time to stamp an entry written now with */
    public Instant now() {
        return clock.instant();
    }

    /**
     * @param written when an entry was written (its stamp, or its file's modification time)
     * @return whether it is still valid: less than the TTL ago
     */
    public boolean fresh(Instant written) {
        return written.plus(ttl).isAfter(clock.instant());
    }

    /**
     * @param file an entry's file ({@link #file})
     * @return its bytes, or {@code null} when it is absent or cannot be read (logged: a miss, never fatal)
     */
    public byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {} entry {}: {}", what, file, e.getMessage());
            return null;
        }
    }

    /**
     * Writes an entry atomically: readers see the old entry or the whole new one, never part of it.
     *
     * @param file    an entry's file ({@link #file})
     * @param durable {@code true} to force the bytes to the disk before the rename ({@link AtomicFiles#writeDurable}:
     *                for entries served again without a checksum), {@code false} for {@link AtomicFiles#write}
     * @param content writes the bytes
     * @throws IOException when the entry cannot be written (nothing is left under its name)
     */
    public void write(Path file, boolean durable, AtomicFiles.Content content) throws IOException {
        if (durable) {
            AtomicFiles.writeDurable(file, content);
        } else {
            AtomicFiles.write(file, content);
        }
    }

    /**
     * As {@link #write}, for a cache whose entries can be made again: a failure is logged, never thrown.
     *
     * @param file    an entry's file ({@link #file})
     * @param durable as in {@link #write}
     * @param content writes the bytes
     * @param still   what the caller goes on using although it was not stored, for the log, e.g. {@code the answer}
     */
    public void writeOrLog(Path file, boolean durable, AtomicFiles.Content content, String still) {
        try {
            write(file, durable, content);
        } catch (IOException e) {
            LOG.warn("could not write {} entry {}: {} ({} is still used)", what, file, e.getMessage(), still);
        }
    }
}
