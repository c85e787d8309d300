package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a JSON value against a normalised contract schema ({@link SchemaNormalizer}) with networknt's
 * json-schema-validator (JSON Schema 2020-12; {@code format} is an annotation only, as 2020-12's format-annotation
 * vocabulary says). Used to choose, among the document's examples and built instances, answers and request bodies
 * that a generated service and its clients will accept.
 *
 * <p>Compiled schemas are cached by their JSON text. Not thread-safe: one per document.
 */
final class ContractValidator {

    /** Where the contract's {@code $defs} live for the validator: one document, compiled once and shared. */
    private static final String DEFS_IRI = "urn:specforge:contract";

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ROOT)
            .formatAssertionsEnabled(false)
            .build();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    /** @param defs the contract's {@code $defs}, which {@code #/$defs/...} references resolve against */
    ContractValidator(ObjectNode defs) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("$defs", defs);
        byte[] bytes = document.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaLoaders(loaders -> loaders.add(iri -> DEFS_IRI.equals(iri.toString())
                        ? () -> new java.io.ByteArrayInputStream(bytes) : null)));
    }

    /**
     * @param schema   a normalised schema (its {@code $ref}s point into the defs)
     * @param instance the value to check
     * @return the violations as "pointer: message" (the message alone for the value itself), empty when valid; a schema the validator cannot compile (e.g. a
     *         {@code pattern} Java cannot read) gives one entry starting with {@code "schema: "}
     */
    List<String> errors(JsonNode schema, JsonNode instance) {
        if (schema == null || schema.isBoolean() && schema.asBoolean() || schema.isEmpty() && schema.isObject()) {
            return List.of();
        }
        try {
            JsonSchema compiledSchema = compiled.computeIfAbsent(schema.toString(),
                    key -> factory.getSchema(schema.isObject() ? pointAtDefs(schema)
                            : JsonNodeFactory.instance.objectNode().put("not", true), config));
            return compiledSchema.validate(instance).stream()
                    .map(ContractValidator::describe)
                    .sorted()
                    .toList();
        } catch (RuntimeException e) {
            return List.of("schema: " + e.getMessage());
        }
    }

    /** "pointer: error", or the error alone at the root: {@code /name: required property 'id' not found}. */
    private static String describe(ValidationMessage m) {
        String at = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
        return at.isEmpty() ? m.getError() : at + ": " + m.getError();
    }

    /** A copy whose {@code #/$defs/...} references point into the shared defs document. */
    private static JsonNode pointAtDefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(),
                    e.getKey().equals("$ref") && e.getValue().asText().startsWith("#/$defs/")
                            ? JsonNodeFactory.instance.textNode(DEFS_IRI + e.getValue().asText())
                            : pointAtDefs(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> copy.add(pointAtDefs(n)));
            return copy;
        }
        return node;
    }

    /**
     * @param schema   a normalised schema
     * @param instance the value to check
     * @return whether the value is valid (a schema that cannot be compiled counts as not valid)
     */
    boolean valid(JsonNode schema, JsonNode instance) {
        return errors(schema, instance).isEmpty();
    }
}
