package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Parses the native specforge spec (YAML or JSON) into the {@link ProjectModel}.
 *
 * <p>The document is first validated against {@code specforge-spec.schema.json} (JSON Schema 2020-12, shipped in
 * the jar), then checked for what a schema cannot say: duplicate entity or field names, {@code ref} targets that
 * do not exist, patterns that are not valid regular expressions. Inline {@code enum} fields become enum entities
 * named {@code <Entity><Field>}. The optional {@code validation: {suggestedConstraints: enforce | document}} becomes
 * {@link ProjectModel#suggestedConstraints()} (absent: {@code document}). Thread-safe.
 */
final class NativeSpecParser {

    /** The schema resource in the jar. */
    static final String SCHEMA_RESOURCE = "/specforge-spec.schema.json";

    private static final int MAX_REPORTED_VIOLATIONS = 10;

    private final SpecDefaults defaults;
    private final JsonSchema schema;

    NativeSpecParser(SpecDefaults defaults) {
        this.defaults = defaults;
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ROOT)
                .build();
        try (InputStream in = NativeSpecParser.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA_RESOURCE + " on the classpath");
            }
            this.schema = factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProjectModel parse(JsonNode root) {
        validateAgainstSchema(root);

        JsonNode p = root.get("project");
        String name = Names.kebab(p.get("name").asText());
        String group = p.path("group").asText(defaults.group());
        ProjectInfo project = new ProjectInfo(name, group, p.path("version").asText(defaults.version()),
                text(p, "description"), packageName(group));

        Names.Unique typeNames = new Names.Unique();
        Map<String, String> entityNames = new HashMap<>();
        JsonNode entities = root.get("entities");
        for (int i = 0; i < entities.size(); i++) {
            String raw = entities.get(i).get("name").asText();
            if (typeNames.isTaken(raw) || entityNames.containsKey(raw)) {
                throw new SpecException("/entities/" + i + "/name", "duplicate entity name '" + raw + "'");
            }
            entityNames.put(raw, typeNames.claim(Names.typeName(raw)));
        }

        List<Entity> result = new ArrayList<>();
        List<Entity> enums = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            JsonNode e = entities.get(i);
            String entityName = entityNames.get(e.get("name").asText());
            Names.Unique fieldNames = new Names.Unique();
            List<Field> fields = new ArrayList<>();
            JsonNode fs = e.get("fields");
            for (int j = 0; j < fs.size(); j++) {
                JsonNode f = fs.get(j);
                String at = "/entities/" + i + "/fields/" + j;
                String rawName = f.get("name").asText();
                if (fieldNames.isTaken(rawName)) {
                    throw new SpecException(at + "/name", "duplicate field name '" + rawName + "' in entity '"
                            + e.get("name").asText() + "'");
                }
                String fieldName = fieldNames.claim(Names.memberName(rawName));
                FieldType type = FieldType.ofNative(f.get("type").asText());
                boolean many = f.path("many").asBoolean(false);
                String format = text(f, "format");
                TypeRef typeRef;
                if (type == FieldType.REF) {
                    String target = f.get("target").asText();
                    String mapped = entityNames.get(target);
                    if (mapped == null) {
                        throw new SpecException(at + "/target", "unknown entity '" + target + "'; known entities: "
                                + entityNames.keySet().stream().sorted().collect(Collectors.joining(", ")));
                    }
                    typeRef = new TypeRef(FieldType.REF, mapped, format, many);
                } else if (type == FieldType.ENUM) {
                    String enumName = typeNames.claim(entityName + Names.typeName(rawName));
                    enums.add(enumEntity(enumName, e.get("name").asText() + "." + rawName, f.get("values")));
                    typeRef = new TypeRef(FieldType.ENUM, enumName, format, many);
                } else {
                    typeRef = new TypeRef(type, null, format, many);
                }
                fields.add(new Field(fieldName, rawName, typeRef, null, f.path("required").asBoolean(false),
                        f.path("unique").asBoolean(false), constraints(f, at), text(f, "description")));
            }
            result.add(new Entity(entityName, e.get("name").asText(), Entity.Kind.OBJECT, text(e, "description"),
                    fields, List.of()));
        }
        result.addAll(enums);

        Map<String, Boolean> features = new LinkedHashMap<>();
        root.path("features").fields().forEachRemaining(en -> features.put(en.getKey(), en.getValue().asBoolean()));
        return new ProjectModel(project, text(root, "stack"),
                new ProjectModel.Source(SpecFormat.NATIVE, "specforge", 0), result, List.of(), features, List.of(),
                SuggestedConstraints.of(text(root.path("validation"), "suggestedConstraints")));
    }

    private void validateAgainstSchema(JsonNode root) {
        Set<ValidationMessage> violations = schema.validate(root);
        if (violations.isEmpty()) {
            return;
        }
        List<ValidationMessage> sorted = violations.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .toList();
        String first = pointer(sorted.get(0));
        String all = sorted.stream().limit(MAX_REPORTED_VIOLATIONS)
                .map(m -> pointer(m) + ": " + m.getError())
                .collect(Collectors.joining("; "));
        String more = sorted.size() > MAX_REPORTED_VIOLATIONS
                ? " (and " + (sorted.size() - MAX_REPORTED_VIOLATIONS) + " more)" : "";
        throw new SpecException(first, "the spec does not match specforge-spec.schema.json: " + all + more);
    }

    private static String pointer(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        return p.isEmpty() ? "/" : p;
    }

    private static Entity enumEntity(String name, String source, JsonNode values) {
        Names.Unique constants = new Names.Unique();
        List<Entity.EnumValue> list = new ArrayList<>();
        for (JsonNode v : values) {
            list.add(new Entity.EnumValue(constants.claim(Names.constantName(v.asText())), v.asText()));
        }
        return new Entity(name, source, Entity.Kind.ENUM, null, List.of(), list);
    }

    private static Constraints constraints(JsonNode f, String at) {
        String pattern = text(f, "pattern");
        if (pattern != null) {
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new SpecException(at + "/pattern", "not a valid regular expression: " + e.getDescription());
            }
        }
        return new Constraints(
                f.has("minLength") ? f.get("minLength").asInt() : null,
                f.has("maxLength") ? f.get("maxLength").asInt() : null,
                f.has("minimum") ? new BigDecimal(f.get("minimum").asText()) : null,
                f.has("maximum") ? new BigDecimal(f.get("maximum").asText()) : null,
                pattern, false, false,
                f.has("minItems") ? f.get("minItems").asInt() : null,
                f.has("maxItems") ? f.get("maxItems").asInt() : null);
    }

    static String packageName(String group) {
        return java.util.Arrays.stream(group.split("\\."))
                .map(Names::packageSegment)
                .collect(Collectors.joining("."));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
