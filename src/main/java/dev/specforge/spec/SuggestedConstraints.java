package dev.specforge.spec;

import java.util.Locale;

/**
 * What generation does with the constraints the {@code field-validators} enrichment suggests (a {@code maxLength}
 * for a string without one, {@code notBlank} for a required string, a URL pattern...): the native spec chooses with
 * {@code validation: {suggestedConstraints: enforce | document}} (default {@code document}); OpenAPI, Swagger and
 * JSON Schema input is always {@link #DOCUMENT}, since a generated service must accept every request its API
 * document allows (issue 19, "Enrichment never narrows the contract").
 */
public enum SuggestedConstraints {

    /** Suggestions are enforced like the spec's own constraints, stated in the served contract and reported. */
    ENFORCE,

    /** Suggestions only appear in documentation (doc comments); nothing enforces them. The default. */
    DOCUMENT;

    /** @return the value as the spec writes it: {@code enforce} or {@code document} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code enforce} or {@code document} (the spec schema allows only these), or {@code null}
     * @return the setting; {@link #DOCUMENT} when {@code id} is {@code null}
     * @throws IllegalArgumentException for any other value
     */
    public static SuggestedConstraints of(String id) {
        return id == null ? DOCUMENT : valueOf(id.toUpperCase(Locale.ROOT));
    }
}
