package dev.specforge.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes cache entries older than the TTL ({@code specforge.cache.ttl}) from the durable caches under
 * {@code specforge.cache.dir}: LLM answers ({@code llm/}), file results ({@code files/}) and spec results
 * ({@code results/}). Run by the daemon's housekeeping schedule; an entry past its TTL already counts as missing,
 * this only frees the disk. Thread-safe.
 */
public final class CacheSweeper implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CacheSweeper.class);

    private final Path cacheDir;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param cacheDir the cache folder
     * @param ttl      entry lifetime
     * @param clock    the clock (UTC)
     */
    public CacheSweeper(Path cacheDir, Duration ttl, Clock clock) {
        this.cacheDir = cacheDir;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Sweeps once; problems are logged, never thrown. */
    @Override
    public void run() {
        Instant oldest = clock.instant().minus(ttl);
        int deleted = 0;
        for (String store : new String[] {"llm", "files", "results"}) {
            deleted += StaleFiles.deleteFiles(cacheDir.resolve(store), Integer.MAX_VALUE,
                    (file, attrs) -> attrs.lastModifiedTime().toInstant().isBefore(oldest));
        }
        if (deleted > 0) {
            LOG.info("cache sweep: deleted {} entries older than {}", deleted, ttl);
        }
    }
}
