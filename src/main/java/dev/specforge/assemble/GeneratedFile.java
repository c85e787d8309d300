package dev.specforge.assemble;

import dev.specforge.plan.FileTask;

/**
 * One rendered and validated file: what the Splitter's parts produce and the Aggregator collects.
 *
 * @param task    the planned task
 * @param content the rendered bytes (UTF-8), or {@code null} when rendering failed
 * @param check   what was checked ({@code java}, {@code json}, ... or {@code none}); {@code render} when rendering failed
 * @param valid   whether the file rendered and passed its check
 * @param problem  why not, or {@code null}
 * @param cacheKey the file's key in the per-file result cache, or {@code null} when it is not cached
 * @param cached   whether the file came from that cache (neither rendered nor checked in this run)
 * @param hidden   how many invisible or control characters (Unicode Cf, Cc, Zl, Zp) rendering removed from the file's
 *                 prose ({@code render.InvisibleCharacters}); the report warns when above 0
 */
public record GeneratedFile(FileTask task, byte[] content, String check, boolean valid, String problem,
                            String cacheKey, boolean cached, int hidden) {

    /** Zip and report order: by path, comparing UTF-16 code units (locale-independent, so reproducible). */
    public static final java.util.Comparator<GeneratedFile> BY_PATH = java.util.Comparator.comparing(f -> f.task().path());

    /** @return the size in bytes, 0 when rendering failed */
    public int bytes() {
        return content == null ? 0 : content.length;
    }
}
