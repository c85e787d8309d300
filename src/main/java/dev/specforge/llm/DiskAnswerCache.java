package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.cache.DurableStore;
import dev.specforge.plan.EnrichmentKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The L2 answer cache: one JSON file per item answer under {@code specforge.cache.dir}
 * ({@code <dir>/llm/<key[0..2]>/<key>.json}: {@code kind}, {@code created} and {@code answer}), so a restart does
 * not pay again. An entry is written by a {@link DurableStore} (temporary file, fsync, atomic rename), so a crash
 * never leaves a half-written entry under a real name. Entries older than the TTL ({@code specforge.cache.ttl},
 * default 7 days) count as missing. Unreadable entries are ignored (and logged), never fatal. Thread-safe.
 */
public final class DiskAnswerCache {

    private static final Logger LOG = LoggerFactory.getLogger(DiskAnswerCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DurableStore store;

    /**
     * @param dir   the cache folder; its {@code llm/} sub-folder is created on the first write
     * @param ttl   how long an entry is valid
     * @param clock the clock (UTC)
     */
    public DiskAnswerCache(Path dir, Duration ttl, Clock clock) {
        this.store = new DurableStore(dir, "llm", DurableStore.Layout.SHARDED, ttl, clock, "LLM cache");
    }

    /**
     * @param key a SHA-256 hex key
     * @return the answer, or {@code null} when absent, expired or unreadable
     */
    public JsonNode get(String key) {
        Path file = store.file(key, ".json");
        byte[] raw = store.read(file);
        if (raw == null) {
            return null;
        }
        try {
            JsonNode entry = JSON.readTree(raw);
            if (!store.fresh(Instant.parse(entry.path("created").asText()))) {
                return null;
            }
            JsonNode answer = entry.get("answer");
            return answer == null || answer.isNull() ? null : answer;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable LLM cache entry {}: {}", file, e.getMessage());
            return null;
        }
    }

    /**
     * Stores an answer (temporary file, fsync, then an atomic rename); a failure to write is logged, never fatal.
     *
     * @param key    a SHA-256 hex key
     * @param kind   the item's kind (kept for people reading the folder)
     * @param answer the validated answer
     */
    public void put(String key, EnrichmentKind kind, JsonNode answer) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("kind", kind.id());
        entry.put("created", store.now().toString());
        entry.set("answer", answer);
        store.writeOrLog(store.file(key, ".json"), true, out -> out.write(JSON.writeValueAsBytes(entry)),
                "the answer");
    }
}
