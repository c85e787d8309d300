package dev.specforge.cache;

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
 * The durable store of whole specs' results: each key (SHA-256 over the spec's bytes, its stack's name,
 * version and template digests, the LLM provider and model, and the engine version; see
 * {@code dev.specforge.pipeline.Generator#resultKey}) maps to the zip and report that spec produced, under
 * {@code <specforge.cache.dir>/results/<key>.zip} and {@code <key>.report.json}.
 *
 * <p>It answers the Idempotent Consumer in {@code routes/generate.camel.yaml} through a Camel adapter
 * ({@code dev.specforge.pipeline.KnownSpecRepository}, bean {@code resultStore}): a key is {@link #contains contained}
 * when its zip and report are stored and younger than the TTL ({@code specforge.cache.ttl}). Unlike Camel's
 * in-memory repositories and {@code CaffeineIdempotentRepository}, it survives a restart (../shared/CAMEL-NOTES.md).
 * A key is added by {@link #store} when the spec's zip is written: a key without its result would make a duplicate
 * that cannot be answered. The zip is written with an fsync ({@link DurableStore#write}, durable) and the report after
 * it, so a stored report always has its complete zip. Plain Java; thread-safe.
 */
public final class ResultStore {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);

    private final DurableStore files;

    /**
     * @param cacheDir the cache folder ({@code specforge.cache.dir}); results go to its {@code results/} sub-folder
     * @param ttl      how long a stored result answers duplicates
     * @param clock    the clock (UTC)
     */
    public ResultStore(Path cacheDir, Duration ttl, Clock clock) {
        this.files = new DurableStore(cacheDir, "results", DurableStore.Layout.FLAT, ttl, clock, "result");
    }

    /** @return the folder holding the results */
    public Path root() {
        return files.root();
    }

    /**
     * @param key a result key (64 hex characters)
     * @return the stored zip
     * @throws IllegalArgumentException when {@code key} is not a result key
     */
    public Path zip(String key) {
        return files.file(key, ".zip");
    }

    /**
     * @param key a result key
     * @return the stored report (JSON)
     * @throws IllegalArgumentException when {@code key} is not a result key
     */
    public Path report(String key) {
        return files.file(key, ".report.json");
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
        files.write(zip(key), true, out -> Files.copy(zip, out));
        files.write(report(key), true, out -> out.write(report));
    }

    /**
     * @param key a result key
     * @return whether its zip and report are stored and younger than the TTL ({@code false} for a text that is not a
     *         result key)
     */
    public boolean contains(String key) {
        if (!Digest.isHex(key)) {
            return false;
        }
        try {
            FileTime reported = Files.getLastModifiedTime(report(key));
            return Files.isRegularFile(zip(key)) && files.fresh(reported.toInstant());
        } catch (NoSuchFileException absent) {
            return false;
        } catch (IOException e) {
            LOG.warn("cannot read stored result {}: {}", key, e.getMessage());
            return false;
        }
    }

    /**
     * Forgets a result (deletes its zip and report).
     *
     * @param key a result key
     * @return whether something was deleted ({@code false} for a text that is not a result key)
     */
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

    /** Forgets every result; problems are logged, never thrown. */
    public void clear() {
        try (var stored = Files.list(root())) {
            stored.forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warn("cannot remove {}: {}", f, e.getMessage());
                }
            });
        } catch (NoSuchFileException absent) {
            // nothing stored yet
        } catch (IOException e) {
            LOG.warn("cannot clear {}: {}", root(), e.getMessage());
        }
    }
}
