package dev.specforge.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The per-file result cache (incremental regeneration, seed 001 #6): one entry per rendered and checked file,
 * content-addressed by a key over everything the file's content depends on (see
 * {@code dev.specforge.pipeline.Generator#fileKey}), under {@code <specforge.cache.dir>/files/<key[0..2]>/<key>}.
 *
 * <p>Entry format: one JSON header line ({@code sha256} of the content, {@code check}, {@code valid},
 * {@code problem}, {@code created}), a newline, then the file's bytes. Entries are written by a {@link DurableStore}
 * (temporary file, atomic rename) and checked against their SHA-256 on every read, so a crash or a torn write
 * (power loss without fsync) can only cost a miss, never a corrupt file in a zip. Entries older than the TTL
 * ({@code specforge.cache.ttl}) count as missing and are swept by {@link CacheSweeper}. Thread-safe.
 */
public final class FileResultCache {

    private static final Logger LOG = LoggerFactory.getLogger(FileResultCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DurableStore store;

    /**
     * A cached file.
     *
     * @param content the file's bytes
     * @param check   the check that was applied ({@code java}, {@code json}, ...)
     * @param valid   whether it passed
     * @param problem why not, or {@code null}
     * @param hidden  how many invisible or control characters rendering removed (kept so a cached file is reported
     *                as the rendered one was)
     */
    public record Entry(byte[] content, String check, boolean valid, String problem, int hidden) {
    }

    /**
     * @param cacheDir the cache folder ({@code specforge.cache.dir}); entries go to its {@code files/} sub-folder
     * @param ttl      how long an entry is valid
     * @param clock    the clock (UTC)
     */
    public FileResultCache(Path cacheDir, Duration ttl, Clock clock) {
        this.store = new DurableStore(cacheDir, "files", DurableStore.Layout.SHARDED, ttl, clock, "file cache");
    }

    /** @return the folder holding the entries */
    public Path root() {
        return store.root();
    }

    /**
     * @param key a SHA-256 hex key
     * @return the entry, or {@code null} when absent, expired, unreadable or failing its checksum (logged)
     */
    public Entry get(String key) {
        Path file = store.file(key, "");
        byte[] raw = store.read(file);
        if (raw == null) {
            return null;
        }
        int nl = indexOf(raw, (byte) '\n');
        try {
            if (nl < 0) {
                throw new IOException("no header line");
            }
            JsonNode header = JSON.readTree(raw, 0, nl);
            if (!store.fresh(Instant.parse(header.path("created").asText()))) {
                return null;
            }
            byte[] content = Arrays.copyOfRange(raw, nl + 1, raw.length);
            if (!Digest.of(content).equals(header.path("sha256").asText())) {
                throw new IOException("content does not match its SHA-256 (torn write?)");
            }
            return new Entry(content, header.path("check").asText(), header.path("valid").asBoolean(),
                    header.hasNonNull("problem") ? header.get("problem").asText() : null,
                    header.path("hidden").asInt(0));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring damaged file cache entry {}: {}; it will be rendered again", file, e.getMessage());
            return null;
        }
    }

    /**
     * Stores a checked file. A failure to write is logged, never fatal: the file is still used.
     *
     * @param key   a SHA-256 hex key
     * @param entry the file
     */
    public void put(String key, Entry entry) {
        ObjectNode header = JSON.createObjectNode();
        header.put("sha256", Digest.of(entry.content()));
        header.put("check", entry.check());
        header.put("valid", entry.valid());
        header.put("problem", entry.problem());
        header.put("hidden", entry.hidden());
        header.put("created", store.now().toString());
        store.writeOrLog(store.file(key, ""), false, out -> {
            out.write(JSON.writeValueAsBytes(header));
            out.write('\n');
            out.write(entry.content());
        }, "the file");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < Math.min(bytes.length, 64 * 1024); i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
