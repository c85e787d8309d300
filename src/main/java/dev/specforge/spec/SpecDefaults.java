package dev.specforge.spec;

/**
 * Values used when a spec leaves them out.
 *
 * @param group    Maven group id and base package for specs without one (OpenAPI documents have none), e.g.
 *                 {@code com.example}
 * @param version  project version for specs without one
 * @param maxBytes the largest spec accepted, in bytes (also the YAML code point limit); for a multi-file zip, the
 *                 limit on the zip and on each file in it
 * @param bundle   limits on a multi-file zip's entries and inflated bytes
 */
public record SpecDefaults(String group, String version, int maxBytes, SpecBundle.Limits bundle) {

    /** Default bundle limits: 10,000 entries, 64 MiB inflated. */
    public static final SpecBundle.Limits BUNDLE_LIMITS = new SpecBundle.Limits(10_000, 64L * 1024 * 1024);

    /** {@code com.example}, {@code 0.1.0}, 16 MiB, {@link #BUNDLE_LIMITS}. */
    public static final SpecDefaults STANDARD = new SpecDefaults("com.example", "0.1.0", 16 * 1024 * 1024);

    /**
     * @param group    see the record
     * @param version  see the record
     * @param maxBytes see the record
     */
    public SpecDefaults(String group, String version, int maxBytes) {
        this(group, version, maxBytes, BUNDLE_LIMITS);
    }
}
