package dev.specforge.plan;

import java.util.Locale;

/** How many files one manifest output yields. */
public enum Scope {
    /** One file per project. */
    PROJECT,
    /** One file per entity (filtered by the output's {@code when} conditions). */
    ENTITY,
    /** One file per operation group (OpenAPI tag). */
    OPERATION_GROUP;

    /**
     * @param id {@code project}, {@code entity} or {@code operation-group}
     * @return the scope
     * @throws IllegalArgumentException for any other value
     */
    public static Scope of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** @return the manifest spelling, e.g. {@code operation-group} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
