package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.cache.Digest;
import dev.specforge.io.AtomicFiles;
import dev.specforge.plan.EnrichmentKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The L2 answer cache: one JSON file per item answer under {@code specforge.cache.dir}
 * ({@code <dir>/llm/<key[0..2]>/<key>.json}), so a restart does not pay again. An entry is written with
 * {@link AtomicFiles} (temporary file, atomic rename), so a crash never leaves a half-written entry under a real name. Entries older than
 * the TTL ({@code specforge.cache.ttl}, default 7 days) count as missing. Unreadable entries are ignored (and
 * logged), never fatal. Thread-safe.
 */
public final class DiskAnswerCache {

    private static final Logger LOG = LoggerFactory.getLogger(DiskAnswerCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param dir   the cache folder; its {@code llm/} sub-folder is created on the first write
     * @param ttl   how long an entry is valid
     * @param clock the clock (UTC)
     */
    public DiskAnswerCache(Path dir, Duration ttl, Clock clock) {
        this.root = dir.resolve("llm");
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * @param key a SHA-256 hex key
     * @return the answer, or {@code null} when absent, expired or unreadable
     */
    public JsonNode get(String key) {
        Path file = file(key);
        try {
            JsonNode entry = JSON.readTree(file.toFile());
            Instant created = Instant.parse(entry.path("created").asText());
            if (created.plus(ttl).isBefore(clock.instant())) {
                return null;
            }
            JsonNode answer = entry.get("answer");
            return answer == null || answer.isNull() ? null : answer;
        } catch (NoSuchFileException | java.io.FileNotFoundException absent) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable LLM cache entry {}: {}", file, e.getMessage());
            return null;
        }
    }

    /**
     * Stores an answer ({@link AtomicFiles}: temporary file, then an atomic rename).
     *
     * @param key    a SHA-256 hex key
     * @param kind   the item's kind (kept for people reading the folder)
     * @param answer the validated answer
     */
    public void put(String key, EnrichmentKind kind, JsonNode answer) {
        Path file = file(key);
        ObjectNode entry = JSON.createObjectNode();
        entry.put("kind", kind.id());
        entry.put("created", clock.instant().toString());
        entry.set("answer", answer);
        try {
            AtomicFiles.writeDurable(file, out -> out.write(JSON.writeValueAsBytes(entry)));
        } catch (IOException e) {
            LOG.warn("could not write LLM cache entry {}: {} (the answer is still used)", file, e.getMessage());
        }
    }

    private Path file(String key) {
        if (!Digest.isHex(key)) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
