package dev.specforge.support;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Instances of a JSON Schema of the providers' strict subsets ({@link StrictSubset}), computed from the schema
 * alone, as an independent server with strict decoding would produce them:
 * <ul>
 *   <li>{@link #minimal}: the smallest instance: every property of {@code properties} in order, arrays of
 *       {@code minItems} items, the first {@code enum} value, the {@code const}, the first {@code anyOf} branch, the
 *       first listed type, fixed valid {@code format} values, the shortest of 50 seeded RgxGen draws for a
 *       {@code pattern}, otherwise {@code ""} (padded to {@code minLength}), 0 moved into the numeric bounds,
 *       {@code false}, {@code null};</li>
 *   <li>{@link #random}: a random valid instance, deterministic for a given {@link Random}.</li>
 * </ul>
 * Local {@code $ref} ({@code #}, {@code #/$defs/...}, {@code #/definitions/...}) resolves against the root;
 * {@code allOf} branches are merged. A recursive schema is cut off below 12 levels of references: past that depth an
 * {@code anyOf} or type array takes a branch without a reference ({@code null} first) and arrays take
 * {@code minItems} items.
 */
public final class SchemaInstances {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_REF_DEPTH = 12;
    private static final long SEED = 20240601L;
    private static final String TEXT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "    .,;:!?-_()[]{}<>/@#$%^&*+=~|'\"\"\\\\\n\n\t";
    /** real top-level domains: validators check an address's domain against the IANA list */
    private static final String[] TLDS = {"com", "org", "net", "io", "co", "de", "fr", "info", "dev"};
    private static final String[] UNICODE = {"é", "ü", "中", "文", "😀", "🚀", "ß", "Ω"};

    private SchemaInstances() {
    }

    /**
     * @param schema a schema of the strict subset
     * @return its smallest instance
     */
    public static JsonNode minimal(JsonNode schema) {
        return new Gen(schema, null).value(schema, 0);
    }

    /**
     * @param schema a schema of the strict subset
     * @param random the source of randomness
     * @return a random valid instance
     */
    public static JsonNode random(JsonNode schema, Random random) {
        return new Gen(schema, random).value(schema, 0);
    }

    private static final class Gen {
        final JsonNode root;
        /** null: minimal mode */
        final Random r;

        Gen(JsonNode root, Random r) {
            this.root = root;
            this.r = r;
        }

        JsonNode resolve(JsonNode s) {
            int guard = 0;
            while (s.has("$ref") && guard++ < 100) {
                String ref = s.get("$ref").asText();
                if (!ref.startsWith("#")) {
                    throw new IllegalArgumentException("not a local $ref: " + ref);
                }
                JsonNode target = root.at(JsonPointer.compile(ref.substring(1)));
                if (target.isMissingNode()) {
                    throw new IllegalArgumentException("$ref does not resolve: " + ref);
                }
                if (s.size() > 1) { // siblings of $ref apply too (2020-12)
                    ObjectNode merged = ((ObjectNode) s).deepCopy();
                    merged.remove("$ref");
                    target.fields().forEachRemaining(e -> {
                        if (!merged.has(e.getKey())) {
                            merged.set(e.getKey(), e.getValue());
                        }
                    });
                    s = merged;
                } else {
                    s = target;
                }
            }
            if (s.has("allOf")) {
                ObjectNode merged = ((ObjectNode) s).deepCopy();
                merged.remove("allOf");
                for (JsonNode branch : s.get("allOf")) {
                    JsonNode b = resolve(branch);
                    b.fields().forEachRemaining(e -> {
                        String k = e.getKey();
                        if (k.equals("properties") && merged.has(k)) {
                            ((ObjectNode) merged.get(k)).setAll((ObjectNode) e.getValue());
                        } else if (k.equals("required") && merged.has(k)) {
                            ((ArrayNode) merged.get(k)).addAll((ArrayNode) e.getValue());
                        } else if (!merged.has(k)) {
                            merged.set(k, e.getValue());
                        }
                    });
                }
                s = merged;
            }
            return s;
        }

        JsonNode value(JsonNode s0, int depth) {
            if (s0.isBoolean()) {
                return s0.asBoolean() ? F.nullNode() : F.missingNode();
            }
            boolean viaRef = s0.has("$ref");
            JsonNode s = resolve(s0);
            int d = depth + (viaRef ? 1 : 0);
            if (s.has("const")) {
                return s.get("const").deepCopy();
            }
            if (s.has("enum")) {
                // values that the schema's type also allows (an enum beside a type must satisfy both)
                List<JsonNode> e = new ArrayList<>();
                s.get("enum").forEach(v -> {
                    if (ofType(v, s.get("type"))) {
                        e.add(v);
                    }
                });
                if (e.isEmpty()) {
                    throw new IllegalArgumentException("no enum value has the schema's type: " + s);
                }
                return e.get(r == null ? 0 : r.nextInt(e.size())).deepCopy();
            }
            if (s.has("anyOf")) {
                JsonNode any = s.get("anyOf");
                int pick = r == null ? 0 : r.nextInt(any.size());
                if (d > MAX_REF_DEPTH) {
                    pick = leafBranch(any);
                }
                ObjectNode branch = resolve(any.get(pick)).deepCopy();
                ObjectNode rest = ((ObjectNode) s).deepCopy();
                rest.remove("anyOf");
                rest.fields().forEachRemaining(e -> {
                    if (!branch.has(e.getKey())) {
                        branch.set(e.getKey(), e.getValue());
                    }
                });
                return value(branch, d + (any.get(pick).has("$ref") ? 1 : 0));
            }
            String type = type(s, d);
            return switch (type) {
                case "object" -> object(s, d);
                case "array" -> array(s, d);
                case "string" -> F.textNode(string(s));
                case "integer" -> integer(s);
                case "number" -> number(s);
                case "boolean" -> F.booleanNode(r != null && r.nextBoolean());
                default -> F.nullNode();
            };
        }

        private static boolean ofType(JsonNode v, JsonNode type) {
            if (type == null) {
                return true;
            }
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (ofType(v, t)) {
                        return true;
                    }
                }
                return false;
            }
            return switch (type.asText()) {
                case "string" -> v.isTextual();
                case "integer" -> v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0;
                case "number" -> v.isNumber();
                case "boolean" -> v.isBoolean();
                case "null" -> v.isNull();
                case "object" -> v.isObject();
                case "array" -> v.isArray();
                default -> false;
            };
        }

        private int leafBranch(JsonNode any) {
            for (int i = 0; i < any.size(); i++) {
                if (any.get(i).path("type").asText().equals("null")) {
                    return i;
                }
            }
            for (int i = 0; i < any.size(); i++) {
                if (!any.get(i).has("$ref")) {
                    return i;
                }
            }
            return 0;
        }

        private String type(JsonNode s, int depth) {
            JsonNode t = s.get("type");
            if (t != null && t.isTextual()) {
                return t.asText();
            }
            if (t != null && t.isArray() && !t.isEmpty()) {
                if (depth > MAX_REF_DEPTH) {
                    for (JsonNode one : t) {
                        if (one.asText().equals("null")) {
                            return "null";
                        }
                    }
                }
                return t.get(r == null ? 0 : r.nextInt(t.size())).asText();
            }
            if (s.has("properties") || s.has("required") || s.has("additionalProperties")) {
                return "object";
            }
            if (s.has("items") || s.has("minItems") || s.has("maxItems")) {
                return "array";
            }
            if (s.has("pattern") || s.has("format") || s.has("minLength") || s.has("maxLength")) {
                return "string";
            }
            if (s.has("minimum") || s.has("maximum") || s.has("exclusiveMinimum") || s.has("exclusiveMaximum")
                    || s.has("multipleOf")) {
                return "number";
            }
            return "null";
        }

        private ObjectNode object(JsonNode s, int depth) {
            ObjectNode o = F.objectNode();
            java.util.Set<String> required = new java.util.HashSet<>();
            s.path("required").forEach(n -> required.add(n.asText()));
            s.path("properties").fields().forEachRemaining(e -> {
                if (r != null && !required.contains(e.getKey()) && r.nextBoolean()) {
                    return; // an optional property, left out
                }
                JsonNode v = value(e.getValue(), depth);
                if (!v.isMissingNode()) {
                    o.set(e.getKey(), v);
                }
            });
            return o;
        }

        private ArrayNode array(JsonNode s, int depth) {
            int min = s.path("minItems").asInt(0);
            int max = s.has("maxItems") ? s.get("maxItems").asInt() : min + 4;
            int n = r == null || depth > MAX_REF_DEPTH ? min : min + r.nextInt(Math.max(0, max - min) + 1);
            ArrayNode a = F.arrayNode();
            JsonNode items = s.has("items") ? s.get("items") : F.objectNode();
            for (int i = 0; i < n; i++) {
                a.add(value(items, depth));
            }
            return a;
        }

        private String string(JsonNode s) {
            if (s.has("format")) {
                String f = format(s.get("format").asText());
                if (f != null) {
                    return f;
                }
            }
            int minLength = s.path("minLength").asInt(0);
            int maxLength = s.has("maxLength") ? s.get("maxLength").asInt() : Math.max(40, minLength);
            if (s.has("pattern")) {
                String p = pattern(s.get("pattern").asText(), minLength, maxLength);
                if (p != null) {
                    return p;
                }
            }
            if (r == null) {
                return "a".repeat(minLength);
            }
            int len = minLength + r.nextInt(Math.max(0, Math.min(maxLength, 40) - minLength) + 1);
            StringBuilder b = new StringBuilder();
            while (b.codePointCount(0, b.length()) < len) {
                if (r.nextInt(10) == 0) {
                    b.append(UNICODE[r.nextInt(UNICODE.length)]);
                } else {
                    b.append(TEXT_CHARS.charAt(r.nextInt(TEXT_CHARS.length())));
                }
            }
            return b.toString();
        }

        private String pattern(String p, int minLength, int maxLength) {
            Pattern compiled = Pattern.compile(p);
            RgxGen gen = RgxGen.parse(p);
            Random source = r == null ? new Random(SEED) : r;
            String best = null;
            int draws = r == null ? 50 : 20;
            for (int i = 0; i < draws; i++) {
                String c;
                try {
                    c = gen.generate(source);
                } catch (RuntimeException e) {
                    continue;
                }
                int len = c.codePointCount(0, c.length());
                if (!compiled.matcher(c).find() || len < minLength || len > maxLength) {
                    continue;
                }
                if (r != null) {
                    return c;
                }
                if (best == null || c.length() < best.length()) {
                    best = c;
                }
            }
            return best;
        }

        private String format(String f) {
            if (r == null) {
                return switch (f) {
                    case "date" -> "2000-01-01";
                    case "date-time" -> "2000-01-01T00:00:00Z";
                    case "time" -> "00:00:00Z";
                    case "duration" -> "P0D";
                    case "email" -> "a@b.co";
                    case "hostname" -> "a";
                    case "ipv4" -> "0.0.0.0";
                    case "ipv6" -> "::";
                    case "uuid" -> "00000000-0000-0000-0000-000000000000";
                    case "uri" -> "a:b";
                    default -> null;
                };
            }
            return switch (f) {
                case "date" -> date();
                case "date-time" -> date() + "T" + time();
                case "time" -> time();
                case "duration" -> duration();
                case "email" -> word(1 + r.nextInt(8)) + (r.nextBoolean() ? "." + word(1 + r.nextInt(5)) : "")
                        + "@" + hostname() + "." + TLDS[r.nextInt(TLDS.length)];
                case "hostname" -> hostname();
                case "ipv4" -> r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
                case "ipv6" -> ipv6();
                case "uuid" -> new java.util.UUID(r.nextLong(), r.nextLong()).toString();
                case "uri" -> r.nextBoolean() ? "https://" + hostname() + "/" + word(r.nextInt(8))
                        : "urn:" + word(1 + r.nextInt(6)) + ":" + word(1 + r.nextInt(6));
                default -> null;
            };
        }

        private String date() {
            return String.format("%04d-%02d-%02d", 1900 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28));
        }

        private String time() {
            String t = String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
            if (r.nextBoolean()) {
                t += "." + (100 + r.nextInt(900));
            }
            int off = r.nextInt(3);
            int hours = r.nextInt(14);
            int minutes = r.nextBoolean() ? 0 : 30;
            // -00:00 ("unknown local offset" in RFC 3339) is refused by validators: a zero offset is +00:00
            String sign = off == 1 || hours + minutes == 0 ? "+" : "-";
            return t + (off == 0 ? "Z" : String.format("%s%02d:%02d", sign, hours, minutes));
        }

        private String duration() {
            return switch (r.nextInt(4)) {
                case 0 -> "P" + r.nextInt(400) + "D";
                case 1 -> "PT" + r.nextInt(60) + "M";
                case 2 -> "P" + r.nextInt(10) + "Y" + r.nextInt(12) + "M";
                default -> "P" + r.nextInt(5) + "DT" + r.nextInt(24) + "H" + r.nextInt(60) + "S";
            };
        }

        private String hostname() {
            int labels = 1 + r.nextInt(3);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < labels; i++) {
                out.add(word(1 + r.nextInt(10)));
            }
            return String.join(".", out);
        }

        private String ipv6() {
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                groups.add(Integer.toHexString(r.nextInt(0x10000)));
            }
            if (r.nextBoolean()) {
                return String.join(":", groups);
            }
            int cut = 1 + r.nextInt(6);
            return String.join(":", groups.subList(0, cut)) + "::" + groups.get(7);
        }

        private String word(int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append((char) ('a' + r.nextInt(26)));
            }
            return b.toString();
        }

        private JsonNode integer(JsonNode s) {
            BigDecimal m = s.has("multipleOf") ? s.get("multipleOf").decimalValue() : BigDecimal.ONE;
            BigDecimal lo = lower(s, BigDecimal.ONE);
            BigDecimal hi = upper(s, BigDecimal.ONE);
            BigDecimal step = lcmStep(m);
            return F.numberNode(pick(lo, hi, step).toBigInteger());
        }

        private JsonNode number(JsonNode s) {
            BigDecimal m = s.has("multipleOf") ? s.get("multipleOf").decimalValue() : null;
            BigDecimal step = m != null ? m : r == null ? BigDecimal.ONE : new BigDecimal("0.01");
            BigDecimal lo = lower(s, step);
            BigDecimal hi = upper(s, step);
            if (m == null && r == null && lo != null && hi != null && lo.compareTo(hi) > 0) {
                step = new BigDecimal("0.001"); // a narrow exclusive range
                lo = lower(s, step);
                hi = upper(s, step);
            }
            BigDecimal v = pick(lo, hi, step);
            return v.scale() <= 0 ? F.numberNode(v.toBigInteger()) : F.numberNode(v.stripTrailingZeros());
        }

        private static BigDecimal lcmStep(BigDecimal m) {
            // an integer multiple of m: the smallest positive integer k*m
            BigDecimal k = BigDecimal.ONE;
            while (m.multiply(k).stripTrailingZeros().scale() > 0) {
                k = k.multiply(BigDecimal.TEN);
            }
            return m.multiply(k);
        }

        /** @return the lowest allowed value (inclusive), {@code step} above an exclusive minimum; null: none */
        private static BigDecimal lower(JsonNode s, BigDecimal step) {
            BigDecimal lo = s.has("minimum") ? s.get("minimum").decimalValue() : null;
            if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
                BigDecimal x = s.get("exclusiveMinimum").decimalValue();
                BigDecimal above = x.divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE).multiply(step);
                lo = lo == null || above.compareTo(lo) > 0 ? above : lo;
            }
            return lo;
        }

        private static BigDecimal upper(JsonNode s, BigDecimal step) {
            BigDecimal hi = s.has("maximum") ? s.get("maximum").decimalValue() : null;
            if (s.has("exclusiveMaximum") && s.get("exclusiveMaximum").isNumber()) {
                BigDecimal x = s.get("exclusiveMaximum").decimalValue();
                BigDecimal below = x.divide(step, 0, RoundingMode.CEILING).subtract(BigDecimal.ONE).multiply(step);
                hi = hi == null || below.compareTo(hi) < 0 ? below : hi;
            }
            return hi;
        }

        /** @return a multiple of {@code step} within [lo, hi]: 0 moved into the bounds (minimal) or random */
        private BigDecimal pick(BigDecimal lo, BigDecimal hi, BigDecimal step) {
            BigDecimal kLo = lo == null ? null : lo.divide(step, 0, RoundingMode.CEILING);
            BigDecimal kHi = hi == null ? null : hi.divide(step, 0, RoundingMode.FLOOR);
            BigDecimal k;
            if (r == null) {
                k = BigDecimal.ZERO;
                if (kLo != null && k.compareTo(kLo) < 0) {
                    k = kLo;
                }
                if (kHi != null && k.compareTo(kHi) > 0) {
                    k = kHi;
                }
            } else {
                long span = 100_000;
                long a = kLo != null ? kLo.longValue() : kHi != null ? kHi.longValue() - span : -span;
                long b = kHi != null ? kHi.longValue() : a + 2 * span;
                if (kLo == null && kHi == null) {
                    a = -span;
                    b = span;
                }
                k = b <= a ? BigDecimal.valueOf(a) : BigDecimal.valueOf(a + (long) (r.nextDouble() * (b - a + 1)));
                if (k.compareTo(BigDecimal.valueOf(b)) > 0) {
                    k = BigDecimal.valueOf(b);
                }
            }
            return k.multiply(step);
        }
    }
}
