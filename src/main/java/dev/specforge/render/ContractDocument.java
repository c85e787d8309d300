package dev.specforge.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.io.HiddenJsonEscapes;
import dev.specforge.llm.Enrichments;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.Names;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.TypeRef;

import java.util.List;
import java.util.Map;

/**
 * The API document every generated service serves at {@code GET /openapi.json}: an OpenAPI 3.1 document built from
 * the project model, the same for every stack (docs/conformance.md, rules C2.1 and C2.2).
 *
 * <p>Shape: {@code components.schemas} has one schema per entity. An object is {@code {type: object,
 * additionalProperties: false, required, properties}} where {@code required} lists the required fields except the
 * identifier {@code id} (the service assigns it, C4.1), and every property a request may leave out also allows
 * {@code null}, which services read as absent (C5.4); an enum is {@code {type: string, enum}}; a union or
 * supertype is a {@code oneOf} of its branches, with its {@code discriminator} and, for values other than the schema
 * names, its {@code mapping}. A property's schema follows its type (OpenAPI 3.1 section 4.8.24 and JSON Schema
 * Validation 2020-12 sections 6 and 7: {@code integer} is {@code int32}, {@code long} is {@code int64},
 * {@code decimal} is {@code number}, dates, date-times and UUIDs are strings with their {@code format}, references and
 * enums are {@code $ref}s, lists are arrays). Every rule the service enforces is stated, and no other: the spec's
 * constraints, and those the field-validators enrichment suggested only when the model enforces suggestions
 * ({@link ProjectModel#enforcesSuggestions()}: a native spec with {@code validation: {suggestedConstraints:
 * enforce}}; never OpenAPI or JSON Schema input), see {@link ValidationRules}; as JSON Schema keywords where one
 * exists, otherwise by name in {@code x-specforge-rules} (notBlank, positive, positiveOrZero, past, pastOrPresent,
 * future: only ever enforced suggestions).
 *
 * <p>Paths: for a native spec (a model without operations), per object entity {@code /api/{plural}} (GET lists, POST
 * creates) and {@code /api/{plural}/{id}} (GET, PUT, DELETE), with their answers and {@code application/problem+json}
 * errors (RFC 9457). A model with operations of its own (OpenAPI input) gets no paths here yet: its services serve
 * those operations as stubs, documented by the input document itself.
 *
 * <p>Text from the spec (titles, descriptions, enum values, patterns) only ever becomes JSON string values, written
 * by Jackson; a template prints the document as it is.
 */
public final class ContractDocument {

    /** The base path of the CRUD collections, as every stack serves them (docs/conformance.md, section 3). */
    public static final String BASE_PATH = "/api";

    private static final ObjectMapper JSON = HiddenJsonEscapes.install(new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN));

    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * Documents up to this many characters (compact) are pretty-printed for people; larger ones stay compact, since
     * indentation doubles them (a 10,000-entity spec: 20 MB compact, 40 MB pretty; LoadTest runs it in 512 MiB).
     */
    static final int PRETTY_UP_TO = 1_000_000;

    private ContractDocument() {
    }

    /**
     * @param model   the project model
     * @param answers the spec's enrichment answers (the field-validators ones add rules only when
     *                {@link ProjectModel#enforcesSuggestions()})
     * @return the OpenAPI 3.1 document as JSON text, ending with a newline: pretty-printed up to
     *         {@link #PRETTY_UP_TO} characters, compact above; deterministic for the same model and answers
     */
    public static String json(ProjectModel model, Enrichments answers) {
        try {
            ObjectNode doc = document(model, answers);
            String compact = JSON.writeValueAsString(doc);
            return (compact.length() < PRETTY_UP_TO ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc)
                    : compact) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the API document", e);
        }
    }

    /**
     * @param model   the project model
     * @param answers the spec's enrichment answers
     * @return the document as a Jackson tree (see the class comment for its shape)
     */
    public static ObjectNode document(ProjectModel model, Enrichments answers) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", model.project().name());
        info.put("version", model.project().version());
        if (model.project().description() != null && !model.project().description().isBlank()) {
            info.put("description", model.project().description());
        }
        String problem = problemSchemaName(model);
        ObjectNode paths = doc.putObject("paths");
        if (model.operationGroups().isEmpty()) {
            for (Entity e : model.entities()) {
                if (e.kind() == Entity.Kind.OBJECT) {
                    crudPaths(paths, e);
                }
            }
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        for (Entity e : model.entities()) {
            schemas.set(e.name(), entitySchema(e, answers, model.enforcesSuggestions()));
        }
        schemas.set(problem, problemSchema());
        if (model.operationGroups().isEmpty()) {
            components.set("responses", problemResponses(problem));
        }
        return doc;
    }

    /** @return {@code Problem}, or a name no entity has when an entity is called that */
    private static String problemSchemaName(ProjectModel model) {
        String name = "Problem";
        while (model.entity(name).isPresent()) {
            name = "Specforge" + name;
        }
        return name;
    }

    private static void crudPaths(ObjectNode paths, Entity e) {
        String plural = ModelTexts.plural(Names.kebab(e.name()));
        String ref = "#/components/schemas/" + e.name();
        Field id = idField(e);
        ObjectNode collection = paths.putObject(BASE_PATH + "/" + plural);
        ObjectNode list = operation(collection, "get", "list-" + plural, "Lists every stored " + e.name() + ".");
        ObjectNode array = JSON.createObjectNode().put("type", "array");
        array.putObject("items").put("$ref", ref);
        response(list, "200", "Every stored " + e.name() + ", in no promised order.", "application/json", array);
        ObjectNode create = operation(collection, "post", "create-" + Names.kebab(e.name()),
                "Stores a new " + e.name() + (id == null ? " under a key the service assigns."
                        : "; without an id, the service assigns one."));
        body(create, ref);
        ObjectNode created = response(create, "201", "Stored; the body is the stored record.", "application/json",
                JSON.createObjectNode().put("$ref", ref));
        created.putObject("headers").putObject("Location").put("description", "Where the record can be read.")
                .putObject("schema").put("type", "string");
        problem(create, "400");
        problem(create, "409");

        ObjectNode item = paths.putObject(BASE_PATH + "/" + plural + "/{id}");
        ObjectNode param = item.putArray("parameters").addObject();
        param.put("name", "id").put("in", "path").put("required", true);
        param.set("schema", id == null ? JSON.createObjectNode().put("type", "string").put("format", "uuid")
                : ContractSchemas.typeSchema(new TypeRef(id.type().type(), id.type().target(), id.type().format(), false), null));
        ObjectNode get = operation(item, "get", "get-" + Names.kebab(e.name()), "Reads one " + e.name() + ".");
        response(get, "200", "The stored record.", "application/json", JSON.createObjectNode().put("$ref", ref));
        problem(get, "404");
        ObjectNode put = operation(item, "put", "update-" + Names.kebab(e.name()),
                "Replaces one " + e.name() + "; never creates one.");
        body(put, ref);
        response(put, "200", "Replaced; the body is the stored record.", "application/json",
                JSON.createObjectNode().put("$ref", ref));
        problem(put, "400");
        problem(put, "404");
        problem(put, "409");
        ObjectNode delete = operation(item, "delete", "delete-" + Names.kebab(e.name()),
                "Deletes one " + e.name() + ".");
        delete.putObject("responses").putObject("204").put("description", "Deleted.");
        problem(delete, "404");
    }

    private static ObjectNode operation(ObjectNode pathItem, String method, String operationId, String summary) {
        ObjectNode op = pathItem.putObject(method);
        op.put("operationId", operationId);
        op.put("summary", summary);
        return op;
    }

    private static void body(ObjectNode op, String ref) {
        ObjectNode body = op.putObject("requestBody");
        body.put("required", true);
        body.putObject("content").putObject("application/json").putObject("schema").put("$ref", ref);
    }

    private static ObjectNode response(ObjectNode op, String status, String description, String mediaType,
                                       JsonNode schema) {
        ObjectNode r = responses(op).putObject(status);
        r.put("description", description);
        r.putObject("content").putObject(mediaType).set("schema", schema);
        return r;
    }

    /** @return the operation's {@code responses}, made on first use */
    private static ObjectNode responses(ObjectNode op) {
        return op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
    }

    /** A shared error answer: its status, its name in {@code components.responses} and its description. */
    private record SharedProblem(String status, String name, String description) {
    }

    /** The shared error answers, one copy per document rather than per operation (a 10,000-entity spec). */
    private static final List<SharedProblem> PROBLEMS = List.of(
            new SharedProblem("400", "BadRequest",
                    "The body is malformed or breaks a rule (errors lists each violation)."),
            new SharedProblem("404", "NotFound", "No record has this id."),
            new SharedProblem("409", "Conflict", "The id, or a unique field's value, is taken by another record."));

    /** Refers to the shared answer of that status. */
    private static void problem(ObjectNode op, String status) {
        SharedProblem p = PROBLEMS.stream().filter(x -> x.status().equals(status)).findFirst().orElseThrow();
        responses(op).putObject(status).put("$ref", "#/components/responses/" + p.name());
    }

    /** @return {@code components.responses}: the shared answers, as problem+json */
    private static ObjectNode problemResponses(String problem) {
        ObjectNode responses = JSON.createObjectNode();
        for (SharedProblem p : PROBLEMS) {
            ObjectNode r = responses.putObject(p.name());
            r.put("description", p.description());
            r.putObject("content").putObject(PROBLEM_JSON).putObject("schema")
                    .put("$ref", "#/components/schemas/" + problem);
        }
        return responses;
    }

    /** @return the RFC 9457 problem details schema, with the {@code errors} extension of docs/conformance.md C6.2 */
    private static ObjectNode problemSchema() {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "object");
        s.put("description", "An error (RFC 9457 problem details). errors lists each violation in a request body.");
        s.putArray("required").add("type").add("title").add("status");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        ObjectNode error = p.putObject("errors").put("type", "array").putObject("items");
        error.put("type", "object");
        error.putArray("required").add("pointer").add("rule");
        ObjectNode ep = error.putObject("properties");
        ep.putObject("pointer").put("type", "string").put("description", "RFC 6901 JSON pointer into the body.");
        ep.putObject("rule").put("type", "string").put("description", "The rule broken, e.g. maxLength.");
        ep.putObject("detail").put("type", "string");
        return s;
    }

    private static ObjectNode entitySchema(Entity e, Enrichments answers, boolean enforceSuggestions) {
        ObjectNode s = JSON.createObjectNode();
        if (e.description() != null && !e.description().isBlank()) {
            s.put("description", e.description());
        }
        switch (e.kind()) {
            case ENUM -> {
                s.put("type", "string");
                ArrayNode values = s.putArray("enum");
                e.values().forEach(v -> values.add(v.value()));
            }
            case UNION -> {
                ArrayNode oneOf = s.putArray("oneOf");
                e.permits().forEach(p -> oneOf.addObject().put("$ref", "#/components/schemas/" + p));
                if (e.discriminator() != null) {
                    ObjectNode discriminator = s.putObject("discriminator");
                    discriminator.put("propertyName", e.discriminator());
                    ObjectNode mapping = JSON.createObjectNode();
                    e.discriminatorValues().forEach((target, values) -> values.stream()
                            .filter(v -> !v.equals(target))
                            .forEach(v -> mapping.put(v, "#/components/schemas/" + target)));
                    if (!mapping.isEmpty()) {
                        discriminator.set("mapping", mapping);
                    }
                }
            }
            case OBJECT -> {
                s.put("type", "object");
                s.put("additionalProperties", false);
                ArrayNode required = JSON.createArrayNode();
                ObjectNode properties = JSON.createObjectNode();
                for (Field f : e.fields()) {
                    Enrichments.Answer v = answers.get(EnrichmentKind.FIELD_VALIDATORS, e.name(), f.name());
                    List<Map<String, String>> rules = ValidationRules.of(f,
                            v == null ? null : v.value().path("constraints"), enforceSuggestions);
                    boolean isRequired = f.required() && !f.nullable() && !ModelTexts.isId(f);
                    properties.set(f.jsonName(), ContractSchemas.fieldSchema(f, rules, !isRequired));
                    if (isRequired) {
                        required.add(f.jsonName());
                    }
                }
                if (!required.isEmpty()) {
                    s.set("required", required);
                }
                s.set("properties", properties);
            }
        }
        return s;
    }

    private static Field idField(Entity e) {
        return e.fields().stream().filter(ModelTexts::isId).findFirst().orElse(null);
    }
}
