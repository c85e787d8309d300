package dev.specforge.support;

import java.nio.charset.StandardCharsets;

/**
 * Writes native specs of a chosen size for enrichment tests: {@code entities} entities without descriptions (so
 * each has an entity-docs item), {@code fields} fields each (one field-validators item per field), every entity
 * but the last referring to the next one (so a per-entity context reaches exactly one other entity at depth 1).
 * Items: entities x fields + 2 x entities.
 */
public final class SyntheticSpec {

    private static final String[] TYPES = {"string", "integer", "decimal", "date", "datetime", "boolean", "uuid", "long"};

    private SyntheticSpec() {
    }

    /**
     * @param name     project name
     * @param entities number of entities (E0, E1, ...)
     * @param fields   fields per entity, at least 2
     * @param changed  an entity index whose field {@code f1} gets a {@code maxLength}, or -1 for none
     * @return the spec as UTF-8 YAML
     */
    public static byte[] yaml(String name, int entities, int fields, int changed) {
        StringBuilder y = new StringBuilder("specforge: 1\nproject: {name: " + name + ", group: com.example.synth}\n"
                + "stack: camel-service\nentities:\n");
        for (int e = 0; e < entities; e++) {
            y.append("  - name: E").append(e).append("\n    fields:\n");
            for (int f = 0; f < fields; f++) {
                if (f == 0 && e + 1 < entities) {
                    y.append("      - {name: next, type: ref, target: E").append(e + 1).append("}\n");
                    continue;
                }
                String type = TYPES[f % TYPES.length];
                y.append("      - {name: f").append(f).append(", type: ").append(type);
                if (e == changed && f == 1) {
                    y.append(", maxLength: 42");
                }
                y.append(f % 3 == 0 ? ", required: true}\n" : "}\n");
            }
        }
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param entities entities
     * @param fields   fields per entity
     * @return the enrichment items such a spec plans with the camel-service stack
     */
    public static int items(int entities, int fields) {
        return entities * fields + 2 * entities;
    }
}
