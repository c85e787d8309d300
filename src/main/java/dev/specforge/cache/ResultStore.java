package dev.specforge.cache;

import dev.specforge.io.AtomicFiles;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;

/**
 * The durable idempotent repository of whole specs: each key (SHA-256 over the spec's bytes, its stack's name,
 * version and template digests, the LLM provider and model, and the engine version; see
 * {@code dev.specforge.pipeline.Generator#resultKey}) maps to the zip and report that spec produced, under
 * {@code <specforge.cache.dir>/results/<key>.zip} and {@code <key>.report.json}.
 *
 * <p>It is the repository of the Idempotent Consumer in {@code routes/generate.camel.yaml}: a key is "contained"
 * when its zip and report are stored and younger than the TTL ({@code specforge.cache.ttl}). Unlike Camel's
 * in-memory repositories and {@code CaffeineIdempotentRepository}, it survives a restart (../shared/CAMEL-NOTES.md).
 * A key is added by {@link #store} when the spec's zip is written, not by {@link #add}: a key without its result
 * would make a duplicate that cannot be answered. The zip is written with an fsync ({@link AtomicFiles#writeDurable})
 * and the report after it, so a stored report always has its complete zip. Thread-safe.
 */
public final class ResultStore extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);

    private final Path root;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param cacheDir the cache folder ({@code specforge.cache.dir}); results go to its {@code results/} sub-folder
     * @param ttl      how long a stored result answers duplicates
     * @param clock    the clock (UTC)
     */
    public ResultStore(Path cacheDir, Duration ttl, Clock clock) {
        this.root = cacheDir.resolve("results");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @return the folder holding the results */
    public Path root() {
        return root;
    }

    /**
     * @param key a result key (64 hex characters)
     * @return the stored zip
     */
    public Path zip(String key) {
        return root.resolve(checked(key) + ".zip");
    }

    /**
     * @param key a result key
     * @return the stored report (JSON)
     */
    public Path report(String key) {
        return root.resolve(checked(key) + ".report.json");
    }

    /**
     * Stores a spec's result: the zip (copied, fsync'd), then the report.
     *
     * @param key    the spec's result key
     * @param zip    the zip just assembled
     * @param report the report as JSON bytes
     * @throws IOException when either cannot be written (nothing usable is left behind)
     */
    public void store(String key, Path zip, byte[] report) throws IOException {
        AtomicFiles.writeDurable(zip(key), out -> Files.copy(zip, out));
        AtomicFiles.writeDurable(report(key), out -> out.write(report));
    }

    /**
     * @param key a result key
     * @return whether its zip and report are stored and younger than the TTL
     */
    @Override
    public boolean contains(String key) {
        if (!Digest.isHex(key)) {
            return false;
        }
        try {
            FileTime reported = Files.getLastModifiedTime(report(key));
            return Files.isRegularFile(zip(key))
                    && reported.toInstant().plus(ttl).isAfter(clock.instant());
        } catch (NoSuchFileException absent) {
            return false;
        } catch (IOException e) {
            LOG.warn("cannot read stored result {}: {}", key, e.getMessage());
            return false;
        }
    }

    /**
     * Called by the Idempotent Consumer when an exchange completes. Results are stored by {@link #store} during the
     * run, so this only reports whether the key was new.
     *
     * @param key a result key
     * @return {@code false} when the result is stored (it is always, after a successful run)
     */
    @Override
    public boolean add(String key) {
        return !contains(key);
    }

    /**
     * Forgets a result (deletes its zip and report).
     *
     * @param key a result key
     * @return whether something was deleted
     */
    @Override
    public boolean remove(String key) {
        if (!Digest.isHex(key)) {
            return false;
        }
        try {
            boolean report = Files.deleteIfExists(report(key));
            return Files.deleteIfExists(zip(key)) || report;
        } catch (IOException e) {
            LOG.warn("cannot remove stored result {}: {}", key, e.getMessage());
            return false;
        }
    }

    /**
     * Nothing to confirm: a result is complete once stored.
     *
     * @param key a result key
     * @return {@code true}
     */
    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Forgets every result. */
    @Override
    public void clear() {
        try (var files = Files.list(root)) {
            files.forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warn("cannot remove {}: {}", f, e.getMessage());
                }
            });
        } catch (NoSuchFileException absent) {
            // nothing stored yet
        } catch (IOException e) {
            LOG.warn("cannot clear {}: {}", root, e.getMessage());
        }
    }

    private static String checked(String key) {
        if (!Digest.isHex(key)) {
            throw new IllegalArgumentException("not a result key: " + key);
        }
        return key;
    }
}
