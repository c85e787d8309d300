package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.spec.Names;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code offline} provider: deterministic, rule-based answers from names, types and formats, computed from the
 * same filtered context an LLM would get. It is the default (a fresh clone needs no key) and the fallback when an
 * LLM answer stays invalid or the circuit breaker is open. Its answers satisfy the kinds' schemas and
 * {@link AnswerCheck}. Stateless and thread-safe.
 *
 * <p>Rules: email/url/uuid/date/date-time formats and name hints (email, url, phone, name, title, description,
 * quantity, price, created, expires...) choose the constraint kinds and the example; declared constraints
 * (lengths, bounds, enum values) are respected by the examples.
 */
public final class OfflineProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNTING = Pattern.compile(
            ".*(quantity|count|age|amount|price|total|cost|stock|size|weight|qty).*");
    private static final Pattern IN_PAST = Pattern.compile(
            ".*(created|updated|modified|birth|born|placed|ordered|registered|joined|published).*");
    private static final Pattern IN_FUTURE = Pattern.compile(".*(expire|expiry|due|deadline|until|valid_?to).*");
    private static final Pattern URLISH = Pattern.compile(".*(url|uri|website|homepage|link)$");
    private static final Pattern LONG_TEXT = Pattern.compile(".*(description|comment|notes?|text|body|content|bio)$");

    /**
     * @param kind    the kind
     * @param context the item's context from {@link ContextFilter}
     * @return an answer valid against the kind's schema
     */
    public JsonNode answer(EnrichmentKind kind, JsonNode context) {
        return switch (kind) {
            case FIELD_VALIDATORS -> fieldValidators(context.path("field"));
            case ENTITY_DOCS -> entityDocs(context.path("entity"));
            case SAMPLE_DATA -> sampleData(context);
        };
    }

    private JsonNode fieldValidators(JsonNode f) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode cs = out.putArray("constraints");
        String type = f.path("type").asText();
        String name = ContextFilter.jsonName(f).toLowerCase(Locale.ROOT);
        String format = f.path("format").asText("");
        boolean many = f.path("many").asBoolean(false);
        if (many) {
            if (f.path("required").asBoolean(false)) {
                constraint(cs, "minItems", "1");
            }
        } else if (type.equals("string")) {
            boolean email = format.equals("email") || name.contains("email");
            boolean url = format.equals("uri") || format.equals("url") || URLISH.matcher(name).matches();
            if (f.path("required").asBoolean(false) && !f.has("minLength")) {
                constraint(cs, "notBlank", null);
            }
            if (email) {
                constraint(cs, "email", null);
            } else if (url && !f.has("pattern")) {
                constraint(cs, "pattern", "^https?://\\S+$");
            }
            if (!f.has("maxLength") && !format.equals("byte") && !format.equals("binary")) {
                constraint(cs, "maxLength", String.valueOf(LONG_TEXT.matcher(name).matches() ? 2000 : email || url ? 320 : 255));
            }
        } else if (type.equals("integer") || type.equals("long") || type.equals("decimal") || type.equals("double")) {
            if (COUNTING.matcher(name).matches() && !f.has("minimum")) {
                constraint(cs, "positiveOrZero", null);
            }
        } else if (type.equals("date") || type.equals("datetime")) {
            if (IN_FUTURE.matcher(name).matches()) {
                constraint(cs, "future", null);
            } else if (IN_PAST.matcher(name).matches()) {
                constraint(cs, "pastOrPresent", null);
            }
        }
        if (AnswerSchemas.constraintKinds(f).isEmpty()) {
            out.remove("constraints");      // the item's schema has no constraints for a type no kind suits
        }
        out.put("example", exampleText(f, 0));
        return out;
    }

    private static void constraint(ArrayNode cs, String kind, String value) {
        ObjectNode c = cs.addObject();
        c.put("kind", kind);
        if (value == null) {
            c.putNull("value");
        } else {
            c.put("value", value);
        }
    }

    private JsonNode entityDocs(JsonNode e) {
        String name = humanize(e.path("name").asText());
        StringBuilder d = new StringBuilder();
        if (e.path("kind").asText().equals("enum")) {
            d.append("The ").append(name).append(" values: ");
            join(d, e.path("values"), 12);
            d.append('.');
        } else if (e.path("kind").asText().equals("union")) {
            d.append("A ").append(name).append(": one of several object types.");
        } else {
            JsonNode fields = e.path("fields");
            d.append("aeiou".indexOf(name.isEmpty() ? 'x' : name.charAt(0)) >= 0 ? "An " : "A ").append(name);
            if (fields.isEmpty()) {
                d.append(" with no declared fields.");
            } else {
                d.append(" record with ").append(fields.size()).append(fields.size() == 1 ? " field: " : " fields: ");
                ArrayNode names = JSON.createArrayNode();
                fields.forEach(f -> names.add(ContextFilter.jsonName(f)));
                join(d, names, 12);
                d.append('.');
            }
        }
        String text = d.length() > 600 ? d.substring(0, 597) + "..." : d.toString();
        return JSON.createObjectNode().put("description", text);
    }

    private static void join(StringBuilder d, JsonNode values, int max) {
        int i = 0;
        for (JsonNode v : values) {
            if (i == max) {
                d.append(" and ").append(values.size() - max).append(" more");
                return;
            }
            if (i > 0) {
                d.append(", ");
            }
            d.append(v.asText());
            i++;
        }
    }

    private JsonNode sampleData(JsonNode context) {
        Map<String, JsonNode> related = new HashMap<>();
        context.path("related").forEach(r -> related.put(r.path("name").asText(), r));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode samples = out.putArray("samples");
        for (int i = 0; i < 2; i++) {
            samples.add(instance(context.path("entity"), related, i, 1));
        }
        return out;
    }

    private JsonNode instance(JsonNode entity, Map<String, JsonNode> related, int variant, int depthLeft) {
        ObjectNode o = JSON.createObjectNode();
        for (JsonNode f : entity.path("fields")) {
            JsonNode v = value(f, related, variant, depthLeft);
            if (v != null) {
                o.set(ContextFilter.jsonName(f), f.path("many").asBoolean(false) ? JSON.createArrayNode().add(v) : v);
            }
        }
        return o;
    }

    private JsonNode value(JsonNode f, Map<String, JsonNode> related, int variant, int depthLeft) {
        String type = f.path("type").asText();
        switch (type) {
            case "boolean":
                return JSON.getNodeFactory().booleanNode(variant % 2 == 0);
            case "integer": case "long":
                return JSON.getNodeFactory().numberNode(number(f, variant).toBigInteger());
            case "decimal": case "double": case "float":
                return JSON.getNodeFactory().numberNode(number(f, variant));
            case "enum": {
                JsonNode target = related.get(f.path("target").asText());
                JsonNode values = target == null ? JSON.createArrayNode() : target.path("values");
                return values.isEmpty() ? null : values.get(variant % values.size());
            }
            case "ref": {
                // what AnswerSchemas.entitySchema can describe: an object entity of the context, while depth allows
                JsonNode target = related.get(f.path("target").asText());
                if (target == null || depthLeft == 0 || !target.path("kind").asText().equals("object")) {
                    return null;
                }
                return instance(target, related, variant, depthLeft - 1);
            }
            case "map": case "object": case "union":
                return null;            // open objects and untyped values have no strict schema: left out
            default:
                return JSON.getNodeFactory().textNode(exampleText(f, variant));
        }
    }

    private static BigDecimal number(JsonNode f, int variant) {
        String name = ContextFilter.jsonName(f).toLowerCase(Locale.ROOT);
        BigDecimal v = name.contains("price") || name.contains("amount") || name.contains("cost") || name.contains("total")
                ? new BigDecimal("19.99").add(BigDecimal.TEN.multiply(BigDecimal.valueOf(variant)))
                : BigDecimal.valueOf(variant + 1L);
        if (f.path("type").asText().equals("integer") || f.path("type").asText().equals("long")) {
            v = v.setScale(0, java.math.RoundingMode.DOWN);
        }
        if (f.has("minimum") && v.compareTo(f.path("minimum").decimalValue()) < 0) {
            v = f.path("minimum").decimalValue();
        }
        if (f.has("maximum") && v.compareTo(f.path("maximum").decimalValue()) > 0) {
            v = f.path("maximum").decimalValue();
        }
        return v;
    }

    /** @return an example value as text, fitted to the declared lengths */
    private static String exampleText(JsonNode f, int variant) {
        String type = f.path("type").asText();
        String format = f.path("format").asText("");
        String name = ContextFilter.jsonName(f);
        String lower = name.toLowerCase(Locale.ROOT);
        String n = variant == 0 ? "" : String.valueOf(variant + 1);
        String text = switch (type) {
            case "integer", "long", "decimal", "double", "float" -> number(f, variant).toPlainString();
            case "bytes" -> variant == 0 ? "aGVsbG8=" : "d29ybGQ=";
            case "boolean" -> String.valueOf(variant % 2 == 0);
            case "date" -> "2024-0" + (variant + 1) + "-15";
            case "datetime" -> "2024-0" + (variant + 1) + "-15T09:30:00Z";
            case "uuid" -> variant == 0 ? "3fa85f64-5717-4562-b3fc-2c963f66afa6" : "9b2e7c1a-4f3d-4e8b-a1c2-5d6e7f8a9b0c";
            case "enum" -> f.path("enumValues").path(variant % Math.max(1, f.path("enumValues").size())).asText("");
            case "ref", "map", "object", "union" -> "";
            default -> {
                if (format.equals("email") || lower.contains("email")) {
                    yield "jane.doe" + n + "@example.com";
                } else if (format.equals("uri") || format.equals("url") || URLISH.matcher(lower).matches()) {
                    yield "https://example.com/" + lower.replaceAll("[^a-z0-9]", "") + n;
                } else if (format.equals("date")) {
                    yield "2024-01-15";
                } else if (format.equals("date-time")) {
                    yield "2024-01-15T09:30:00Z";
                } else if (format.equals("time")) {
                    yield "09:30:00Z";
                } else if (format.equals("duration")) {
                    yield "PT" + (variant + 1) + "H";
                } else if (format.equals("hostname")) {
                    yield "host" + n + ".example.com";
                } else if (format.equals("ipv4")) {
                    yield "192.0.2." + (variant + 1);
                } else if (format.equals("ipv6")) {
                    yield "2001:db8::" + (variant + 1);
                } else if (format.equals("uuid")) {
                    yield variant == 0 ? "3fa85f64-5717-4562-b3fc-2c963f66afa6" : "9b2e7c1a-4f3d-4e8b-a1c2-5d6e7f8a9b0c";
                } else if (lower.contains("phone")) {
                    yield "+1 555 010" + variant;
                } else if (lower.equals("name") || lower.endsWith("name")) {
                    yield variant == 0 ? "Jane Doe" : "John Smith";
                } else if (LONG_TEXT.matcher(lower).matches()) {
                    yield "A short " + humanize(name) + " text" + (n.isEmpty() ? "" : " " + n) + ".";
                } else {
                    yield lower.replaceAll("[^a-z0-9]", "-") + "-" + (variant + 1);
                }
            }
        };
        int min = f.path("minLength").asInt(0);
        int max = Math.min(200, f.path("maxLength").asInt(200));
        if (type.equals("string")) {
            StringBuilder b = new StringBuilder(text);
            while (b.length() < min && b.length() < max) {
                b.append('x');
            }
            text = b.length() > max ? b.substring(0, Math.max(0, max)) : b.toString();
        }
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    /** @return {@code orderItem} / {@code OrderItem} / {@code order_item} as {@code order item} ({@link Names#words}) */
    static String humanize(String name) {
        return String.join(" ", Names.words(name)).toLowerCase(Locale.ROOT);
    }
}
