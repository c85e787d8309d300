package dev.specforge.spec;

/** The input formats specforge recognises by content (never by file extension). */
public enum SpecFormat {
    /** The native spec: a document with a top-level {@code specforge} key. */
    NATIVE,
    /** OpenAPI 3.0.x or 3.1.x: a top-level {@code openapi} key. */
    OPENAPI
}
