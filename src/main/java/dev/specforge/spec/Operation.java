package dev.specforge.spec;

import java.util.List;

/**
 * One HTTP operation (OpenAPI 3.0.3 section 4.7.10, Operation Object).
 *
 * @param id          a valid Java member name, unique in the project (from {@code operationId}, or derived from
 *                    method and path)
 * @param method      the HTTP method in lower case ({@code get}, {@code post}, ...)
 * @param path        the path template as written in the spec, e.g. {@code /pet/{petId}}
 * @param summary     verbatim summary, or {@code null}
 * @param parameters  the names of the path, query and header parameters, in spec order
 */
public record Operation(String id, String method, String path, String summary, List<Parameter> parameters) {

    /**
     * A parameter of an operation.
     *
     * @param name     the name as written in the spec
     * @param in       {@code path}, {@code query}, {@code header} or {@code cookie}
     * @param required whether it is required
     */
    public record Parameter(String name, String in, boolean required) {
    }

    public Operation {
        parameters = List.copyOf(parameters);
    }
}
