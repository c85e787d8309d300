package dev.specforge.spec;

/**
 * Values used when a spec leaves them out.
 *
 * @param group    Maven group id and base package for specs without one (OpenAPI documents have none), e.g.
 *                 {@code com.example}
 * @param version  project version for specs without one
 * @param maxBytes the largest spec accepted, in bytes (also the YAML code point limit)
 */
public record SpecDefaults(String group, String version, int maxBytes) {

    /** {@code com.example}, {@code 0.1.0}, 16 MiB. */
    public static final SpecDefaults STANDARD = new SpecDefaults("com.example", "0.1.0", 16 * 1024 * 1024);
}
