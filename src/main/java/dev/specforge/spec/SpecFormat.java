package dev.specforge.spec;

/** The input formats specforge recognises by content (never by file extension). */
public enum SpecFormat {
    /** The native spec: a document with a top-level {@code specforge} key. */
    NATIVE,
    /** OpenAPI 3.0.x or 3.1.x: a top-level {@code openapi} key. */
    OPENAPI,
    /** Swagger 2.0: a top-level {@code swagger: "2.0"} key; converted to OpenAPI 3 by swagger-parser's converter. */
    SWAGGER,
    /**
     * JSON Schema (draft-04 to 2020-12): a top-level {@code $schema}, or a root shaped like a schema
     * ({@link SpecReader#detect}); also a zip of JSON Schemas without a root (a schema set, {@link SpecBundle}).
     */
    JSON_SCHEMA;

    /**
     * @return the lower-case name that reports, logs, templates and stack conditions use: {@code native},
     *         {@code openapi}, {@code swagger} or {@code json_schema}
     */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
