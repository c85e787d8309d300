package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Normalises a JSON Schema document (draft-04, 06, 07, 2019-09 or 2020-12) into the {@link ProjectModel}.
 *
 * <p>The root schema and every schema under {@code $defs} (2019-09 and later) or {@code definitions} (draft-04 to
 * 07) are mapped by {@link SchemaMapper}; those that are objects, string enums or unions of objects become entities,
 * the root first. The draft is read from {@code $schema}: draft-04 names resources with {@code id}, the others with
 * {@code $id} (JSON Schema Core 2020-12 section 8.2.1; draft-04 section 7.2). A document with no draft is read as
 * 2020-12. Stateless and thread-safe.
 */
final class JsonSchemaSpecParser {

    private final SpecDefaults defaults;

    JsonSchemaSpecParser(SpecDefaults defaults) {
        this.defaults = defaults;
    }

    /**
     * @param root       the schema document
     * @param notes      warnings gathered before this step (e.g. from flattening a multi-file bundle)
     * @param detectedBy the rule that recognised the document as a JSON Schema ({@link SpecReader#detect})
     * @param setName    for a schema set (a zip of schemas without a root, flattened by {@link SpecBundle} into a
     *                   document that is only {@code $defs}): the project's name, from the zip's file name; the
     *                   document's root is then no type of its own. {@code null} for a single schema document
     * @return the project model, with no operations
     * @throws SpecException when the document defines no object, enum or union type to generate (the message says
     *                       why, e.g. that its only content is an external reference, which is never fetched)
     */
    ProjectModel parse(JsonNode root, List<String> notes, String detectedBy, String setName) {
        String dialect = root.path("$schema").asText("");
        String idKeyword = dialect.contains("draft-04") || dialect.contains("draft-03") ? "id" : "$id";
        List<String> warnings = new ArrayList<>(notes);
        if (dialect.contains("draft-03")) {
            warnings.add("draft-03 is read as draft-04 at #/$schema");
        }
        SchemaMapper mapper = new SchemaMapper(root, idKeyword, warnings);
        String baseName = setName != null ? setName : baseName(root, idKeyword);
        if (setName == null) {
            mapper.map("", baseName == null ? "Root" : baseName);
        }
        for (String container : List.of("$defs", "definitions")) {
            JsonNode defs = root.get(container);
            if (defs != null && defs.isObject()) {
                Iterator<String> names = defs.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    mapper.map("/" + container + "/" + SchemaMapper.escape(name), name);
                }
            }
        }
        List<Entity> entities = mapper.entities();
        if (entities.isEmpty()) {
            String external = warnings.stream().filter(w -> w.contains("is not fetched")).findFirst().orElse(null);
            throw new SpecException("/", "the JSON Schema defines no object, enum or union type to generate"
                    + (external != null ? ": its content is behind an external reference, which specforge never"
                    + " fetches (" + external + "); drop the referenced schema itself, or a zip holding both"
                    : " (its root and definitions are primitives, arrays or untyped)"));
        }
        String name = Names.kebab(baseName == null ? "json-schema" : baseName);
        if (name.isEmpty()) {
            name = "json-schema";
        }
        String pkg = NativeSpecParser.packageName(defaults.group()) + "." + Names.packageSegment(name);
        ProjectInfo info = new ProjectInfo(name, defaults.group(), defaults.version(),
                root.path("description").textValue(), pkg);
        return new ProjectModel(info, null, new ProjectModel.Source(SpecFormat.JSON_SCHEMA, detectedBy, 0), entities,
                List.of(), Map.of(), warnings);
    }

    /**
     * @return the name the root type and the project take: the last path segment of the root's {@code $id} without
     *         its extension (SchemaStore's {@code https://json.schemastore.org/package.json} gives {@code package};
     *         a urn's last part, {@code urn:OCPP:Cp:2:2020:3:BootNotificationRequest} gives
     *         {@code BootNotificationRequest}),
     *         else a short {@code title}, else {@code null}
     */
    private static String baseName(JsonNode root, String idKeyword) {
        String id = root.path(idKeyword).textValue();
        if (id != null) {
            String path = id.replaceAll("[#?].*$", "");
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String last = SpecBundle.baseName(path);
            last = last.substring(last.lastIndexOf(':') + 1); // a urn: the name is its last part
            if (!Names.words(last).isEmpty()) {
                return last;
            }
        }
        String title = root.path("title").textValue();
        if (title != null && !title.isBlank() && title.length() <= 40) {
            return title;
        }
        return null;
    }
}
