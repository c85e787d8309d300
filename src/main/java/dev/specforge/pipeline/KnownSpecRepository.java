package dev.specforge.pipeline;

import dev.specforge.cache.ResultStore;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Idempotent Consumer's repository in {@code routes/generate.camel.yaml} ({@code idempotentRepository:
 * resultStore}): Camel's {@link IdempotentRepository} over the plain-Java {@link ResultStore}, so a spec whose result
 * is stored and younger than {@code specforge.cache.ttl} is a duplicate, answered from the store, across restarts.
 * A key is added by {@link ResultStore#store} when the spec's zip is written, never by {@link #add}: a key without
 * its result would make a duplicate that cannot be answered. Thread-safe (the store is).
 */
public final class KnownSpecRepository extends ServiceSupport implements IdempotentRepository {

    private final ResultStore results;

    /** @param results the stored results of whole specs */
    public KnownSpecRepository(ResultStore results) {
        this.results = results;
    }

    /**
     * @param key a result key (64 hex characters; any other text is never contained)
     * @return whether its zip and report are stored and younger than the TTL
     */
    @Override
    public boolean contains(String key) {
        return results.contains(key);
    }

    /**
     * Called by the Idempotent Consumer when an exchange completes. Results are stored by {@link ResultStore#store}
     * during the run, so this only reports whether the key was new.
     *
     * @param key a result key
     * @return {@code false} when the result is stored (it is always, after a successful run)
     */
    @Override
    public boolean add(String key) {
        return !results.contains(key);
    }

    /**
     * Forgets a result (deletes its zip and report).
     *
     * @param key a result key
     * @return whether something was deleted
     */
    @Override
    public boolean remove(String key) {
        return results.remove(key);
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
        results.clear();
    }
}
