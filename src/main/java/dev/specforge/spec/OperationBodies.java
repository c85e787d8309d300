package dev.specforge.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps the bodies of OpenAPI operations to types: the schema of the request body (OpenAPI 3.0.3 section 4.7.13,
 * Request Body Object) and of each response (sections 4.7.16 and 4.7.17, Responses and Response Object), with the
 * {@link SchemaMapper} that mapped {@code components.schemas}, so a {@code $ref} schema is the type it refers to.
 *
 * <p>An inline schema that is an object, enum or union becomes an entity named from the operation and the role:
 * {@code typeName(operationId) + "Request"} for a request body, {@code typeName(operationId) + status + "Response"}
 * for a response ({@code CreatePetRequest}, {@code ListPets200Response}, {@code GetPet2XXResponse},
 * {@code GetPetDefaultResponse}); without an {@code operationId}, the id is method and path ({@code post /pets}
 * gives {@code PostPetsRequest}). A request body or response that is a {@code $ref} to an entry of
 * {@code #/components/requestBodies} or {@code #/components/responses} is mapped there once, named from the entry
 * ({@code PetBody} gives {@code PetBodyRequest}, {@code NotFound} gives {@code NotFoundResponse}; a name that already
 * ends with the word keeps it), however many operations use it. An array is a list of its items (an inline item
 * object is named from the body plus {@code Item}); nested inline objects are named as {@link SchemaMapper} names
 * them (owner plus property). Names that are taken get a number ({@code CreatePetRequest2}).
 *
 * <p>The media type whose schema counts is the first JSON one ({@code application/json}, {@code *}{@code /*+json},
 * {@code application/*}, {@code *}{@code /*}) that has a schema, else the first that has a schema (a form body is an
 * object too), else the first (of type {@link TypeRef#ANY}). One instance serves one document; not thread-safe.
 */
final class OperationBodies {

    /** Where the schemas of bodies are: entities declared under these pointers came from inline body schemas. */
    static final List<String> INLINE_ROOTS = List.of("/paths/", "/components/requestBodies/",
            "/components/responses/");

    private final JsonNode root;
    private final SchemaMapper mapper;
    private final List<String> warnings;

    /**
     * @param root     the OpenAPI 3 document (pointers are relative to it)
     * @param mapper   the mapper of the document's schemas; body schemas are mapped with it
     * @param warnings where a body that loses its type is added, as "what at #pointer"
     */
    OperationBodies(JsonNode root, SchemaMapper mapper, List<String> warnings) {
        this.root = root;
        this.mapper = mapper;
        this.warnings = warnings;
    }

    /**
     * The body types of one operation.
     *
     * @param requestBody the request body's type, or {@code null} when there is none
     * @param responses   the responses, in spec order
     */
    record Bodies(TypeRef requestBody, List<Operation.Response> responses) {
    }

    /**
     * @param path   the path as written (a key of {@code paths})
     * @param method the HTTP method in lower case
     * @param rawId  the operation's {@code operationId}, or method and path ({@code post /pets}) when it has none
     * @return the types of its request body and responses
     */
    Bodies map(String path, String method, String rawId) {
        String operation = "/paths/" + SchemaMapper.escape(path) + "/" + method;
        String name = Names.typeName(rawId);
        Body request = body(operation + "/requestBody", "requestBodies", name + "Request", "Request");
        List<Operation.Response> responses = new ArrayList<>();
        JsonNode statuses = at(operation + "/responses");
        Iterator<String> keys = statuses.isObject() ? statuses.fieldNames() : java.util.Collections.emptyIterator();
        while (keys.hasNext()) {
            String status = keys.next();
            if (status.startsWith("x-")) {
                continue;
            }
            String role = status.equals("default") ? "Default" : status;
            Body response = body(operation + "/responses/" + SchemaMapper.escape(status), "responses",
                    name + role + "Response", "Response");
            responses.add(new Operation.Response(status, response.mediaType, response.type));
        }
        return new Bodies(request.type, responses);
    }

    /** A body: the media type whose schema gave its type, and the type; both {@code null} when there is none. */
    private record Body(String mediaType, TypeRef type) {
        static final Body NONE = new Body(null, null);
    }

    /**
     * @param pointer    where the Request Body or Response Object is (it may be a {@code $ref})
     * @param components the components section its {@code $ref} may name: {@code requestBodies} or {@code responses}
     * @param hint       the name for an inline schema of this operation's body
     * @param role       {@code Request} or {@code Response}: appended to a component's name
     */
    private Body body(String pointer, String components, String hint, String role) {
        Set<String> seen = new HashSet<>();
        JsonNode node = at(pointer);
        while (node.isObject() && node.has("$ref")) {
            String ref = node.path("$ref").asText();
            String section = "/components/" + components + "/";
            String target = mapper.resolve(pointer, ref);
            if (target == null || !target.startsWith(section) || target.indexOf('/', section.length()) >= 0
                    || !seen.add(target)) {
                warnings.add("$ref " + ref + " is not an entry of #/components/" + components + " in this document;"
                        + " the body has no type at #" + pointer);
                return Body.NONE;
            }
            String key = Names.typeName(target.substring(section.length()).replace("~1", "/").replace("~0", "~"));
            hint = key.endsWith(role) ? key : key + role;
            pointer = target;
            node = at(target);
        }
        JsonNode content = node.path("content");
        String media = mediaType(content);
        if (media == null) {
            return Body.NONE;
        }
        String schema = pointer + "/content/" + SchemaMapper.escape(media) + "/schema";
        return new Body(media, at(schema).isObject() ? mapper.map(schema, hint).type() : TypeRef.ANY);
    }

    /** @return the media type whose schema counts (see the class), or {@code null} when there is no content */
    private static String mediaType(JsonNode content) {
        if (!content.isObject() || content.isEmpty()) {
            return null;
        }
        String withSchema = null;
        Iterator<String> types = content.fieldNames();
        while (types.hasNext()) {
            String type = types.next();
            if (content.path(type).path("schema").isObject()) {
                if (isJson(type)) {
                    return type;
                }
                withSchema = withSchema == null ? type : withSchema;
            }
        }
        return withSchema != null ? withSchema : content.fieldNames().next();
    }

    /** @return whether a media type (parameters ignored) is JSON or a wildcard JSON may match */
    private static boolean isJson(String mediaType) {
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        String subtype = slash < 0 ? "" : type.substring(slash + 1);
        return subtype.equals("json") || subtype.endsWith("+json") || type.equals("application/*")
                || type.equals("*/*");
    }

    private JsonNode at(String pointer) {
        return root.at(JsonPointer.compile(pointer));
    }
}
