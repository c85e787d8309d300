package dev.specforge.spec;

/**
 * The run-time contract of a service generated from an OpenAPI or Swagger document: what every stack's generated
 * service routes, validates and answers (docs/stacks.md, "contract.json"; built by {@link HttpContracts}).
 *
 * @param basePath the path every operation is served under: the path of {@code servers[0].url} with its variables
 *                 at their defaults, e.g. {@code /api/v3}; {@code ""} when there is none; never ends with {@code /}
 * @param json     {@code contract.json}: the operations (parameters and request bodies as JSON Schema 2020-12,
 *                 default answers, resource roles, a valid and an invalid test request each), the stateful resources
 *                 with their seed records, and {@code $defs}; pretty-printed UTF-8 JSON text ending in a newline
 * @param document the input document bundled into one file, as JSON text: what the service serves at
 *                 {@code GET /openapi.json}
 * @param types    the names of the entities the operations use: their request and response body types and,
 *                 transitively, every type those refer to (fields, map values, union branches, supertypes). A stack
 *                 may generate only these (the {@code entity:used} condition): the set is closed under references,
 *                 so what it generates compiles
 */
public record HttpContract(String basePath, String json, String document, java.util.Set<String> types) {

    public HttpContract {
        types = java.util.Set.copyOf(types);
    }

    /**
     * @param entity an entity name
     * @return whether an operation uses it
     */
    public boolean uses(String entity) {
        return types.contains(entity);
    }
}
