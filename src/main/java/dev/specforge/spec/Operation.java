package dev.specforge.spec;

import java.util.List;

/**
 * One HTTP operation (OpenAPI 3.0.3 section 4.7.10, Operation Object).
 *
 * @param id          a neutral member name (lowerCamelCase words), unique in the project (from
 *                    {@code operationId}, or derived from method and path)
 * @param method      the HTTP method in lower case ({@code get}, {@code post}, ...)
 * @param path        the path template as written in the spec, e.g. {@code /pet/{petId}}
 * @param summary     verbatim summary, or {@code null}
 * @param parameters  the names of the path, query and header parameters, in spec order
 * @param requestBody the type of the request body (OpenAPI 3.0.3 section 4.7.13, Request Body Object; a Swagger 2.0
 *                    {@code in: body} or {@code formData} parameter after conversion), or {@code null} when the
 *                    operation takes none: an entity for an object, enum or union schema (inline ones are named
 *                    from the operation, e.g. {@code CreatePetRequest}), a list for an array, {@link TypeRef#ANY}
 *                    for a body whose schema is absent or cannot be mapped
 * @param responses   the responses (OpenAPI 3.0.3 sections 4.7.16 and 4.7.17, Responses and Response Object), in
 *                    spec order
 */
public record Operation(String id, String method, String path, String summary, List<Parameter> parameters,
                        TypeRef requestBody, List<Response> responses) {

    /**
     * A parameter of an operation.
     *
     * @param name     the name as written in the spec
     * @param in       {@code path}, {@code query}, {@code header} or {@code cookie}
     * @param required whether it is required
     */
    public record Parameter(String name, String in, boolean required) {
    }

    /**
     * One response of an operation (OpenAPI 3.0.3 section 4.7.17, Response Object).
     *
     * @param status    the key in the Responses Object as written: a status code ({@code 200}), a range
     *                  ({@code 2XX}) or {@code default}
     * @param mediaType the media type whose schema gives the body type (the first JSON one, else the first with a
     *                  schema, e.g. {@code application/json}), or {@code null} when the response has no body
     * @param type      the body type, as for {@link Operation#requestBody()} (inline ones are named from the
     *                  operation and the status, e.g. {@code ListPets200Response}), or {@code null} when the response
     *                  has no body
     */
    public record Response(String status, String mediaType, TypeRef type) {
    }

    /**
     * An operation whose bodies are not known (no request body, no responses).
     *
     * @param id         see the record
     * @param method     see the record
     * @param path       see the record
     * @param summary    see the record
     * @param parameters see the record
     */
    public Operation(String id, String method, String path, String summary, List<Parameter> parameters) {
        this(id, method, path, summary, parameters, null, List.of());
    }

    public Operation {
        parameters = List.copyOf(parameters);
        responses = List.copyOf(responses);
    }
}
