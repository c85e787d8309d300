package ${project.packageName};

/**
 * What the API tests' valid bodies are made of (each entity's {@code <Entity>Body} calls these): strings that keep a
 * field's pattern, lengths and format, numbers within its bounds, an enum's first value.
 */
public final class ValidBodies {

    static final com.fasterxml.jackson.databind.node.JsonNodeFactory JSON =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true);

    private ValidBodies() {
    }

    /**
     * @param type a generated enum
     * @return its first value, as JSON (the spelling its {@code @JsonValue} gives)
     */
    static com.fasterxml.jackson.databind.JsonNode firstValue(Class<? extends Enum<?>> type) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(type.getEnumConstants()[0]);
    }

    /**
     * A string that keeps its field's rules: an example of its format, or of its pattern (as long as its lengths
     * allow), or plain text of an allowed length.
     */
    static com.fasterxml.jackson.databind.JsonNode text(String pattern, int minLength, int maxLength,
                                                               String format) {
        java.util.List<String> candidates = new java.util.ArrayList<>();
        switch (format) {
            case "email" -> candidates.add("user" + java.util.UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com");
            case "uri" -> candidates.add("https://example.com/" + java.util.UUID.randomUUID().toString().substring(0, 8));
            case "uuid" -> candidates.add(java.util.UUID.randomUUID().toString());
            case "date" -> candidates.add("2020-01-15");
            case "date-time" -> candidates.add("2020-01-15T09:30:00Z");
            default -> {
            }
        }
        for (int extra = 0; extra <= Math.max(minLength, 8) + 8; extra++) {
            if (pattern != null) {
                candidates.add(new RegexExample(pattern, extra).make());
            }
            candidates.add("Text" + "x".repeat(extra));
        }
        for (String candidate : candidates) {
            int length = candidate.codePointCount(0, candidate.length());
            if (length >= minLength && length <= maxLength && (pattern == null
                    || java.util.regex.Pattern.compile(pattern).matcher(candidate).find())) {
                return JSON.textNode(candidate);
            }
        }
        throw new IllegalStateException("no example keeps pattern " + pattern + " and lengths " + minLength + ".."
                + maxLength + ": write one in ValidBodies");
    }

    /** A number within the bounds given (as decimal text, or {@code null}). */
    static com.fasterxml.jackson.databind.JsonNode number(String minimum, String exclusiveMinimum,
                                                                 String maximum, String exclusiveMaximum,
                                                                 boolean positive, boolean integral) {
        java.util.List<java.math.BigDecimal> candidates = new java.util.ArrayList<>();
        candidates.add(java.math.BigDecimal.ONE);
        for (String bound : new String[] {minimum, exclusiveMinimum, maximum, exclusiveMaximum}) {
            if (bound != null) {
                java.math.BigDecimal b = new java.math.BigDecimal(bound);
                candidates.add(b);
                candidates.add(b.add(java.math.BigDecimal.ONE));
                candidates.add(b.subtract(java.math.BigDecimal.ONE));
                candidates.add(b.add(new java.math.BigDecimal("0.01")));
                candidates.add(b.subtract(new java.math.BigDecimal("0.01")));
            }
        }
        for (java.math.BigDecimal c : candidates) {
            boolean ok = (minimum == null || c.compareTo(new java.math.BigDecimal(minimum)) >= 0)
                    && (exclusiveMinimum == null || c.compareTo(new java.math.BigDecimal(exclusiveMinimum)) > 0)
                    && (maximum == null || c.compareTo(new java.math.BigDecimal(maximum)) <= 0)
                    && (exclusiveMaximum == null || c.compareTo(new java.math.BigDecimal(exclusiveMaximum)) < 0)
                    && (!positive || c.signum() > 0)
                    && (!integral || c.stripTrailingZeros().scale() <= 0);
            if (ok) {
                return integral ? JSON.numberNode(c.toBigIntegerExact().longValueExact()) : JSON.numberNode(c);
            }
        }
        throw new IllegalStateException("no number between the bounds: write one in ValidBodies");
    }

    /**
     * Makes a string a simple regular expression matches: literals, escapes ({@code \d}, {@code \w}, {@code \s},
     * {@code \S}), classes, groups (the first alternative), anchors and quantifiers (each unbounded one repeated
     * {@code extra} more times than its minimum). Enough for the patterns specs use; the caller checks the result.
     */
    private static final class RegexExample {

        private static final String SAMPLES = "aAzZ0123456789-_ .@:/";

        private final String regex;
        private final int extra;
        private int at;

        RegexExample(String regex, int extra) {
            this.regex = regex;
            this.extra = extra;
        }

        String make() {
            try {
                return alternatives();
            } catch (RuntimeException e) {
                return "";
            }
        }

        private String alternatives() {
            String first = sequence();
            while (at < regex.length() && regex.charAt(at) == '|') {
                at++;
                sequence();
            }
            return first;
        }

        private String sequence() {
            StringBuilder out = new StringBuilder();
            while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
                String atom = atom();
                int[] times = quantifier();
                out.append(atom.repeat(times[0]));
            }
            return out.toString();
        }

        private String atom() {
            char c = regex.charAt(at++);
            switch (c) {
                case '^', '$' -> {
                    return "";
                }
                case '.' -> {
                    return "a";
                }
                case '(' -> {
                    if (regex.startsWith("?:", at)) {
                        at += 2;
                    }
                    String inner = alternatives();
                    at++; // ')'
                    return inner;
                }
                case '[' -> {
                    int start = at - 1;
                    boolean escaped = false;
                    while (at < regex.length() && (escaped || regex.charAt(at) != ']' || at == start + 1)) {
                        escaped = !escaped && regex.charAt(at) == '\\';
                        at++;
                    }
                    at++; // ']'
                    java.util.regex.Pattern set = java.util.regex.Pattern.compile(regex.substring(start, at));
                    for (char s : SAMPLES.toCharArray()) {
                        if (set.matcher(String.valueOf(s)).matches()) {
                            return String.valueOf(s);
                        }
                    }
                    return "a";
                }
                case '\\' -> {
                    char e = regex.charAt(at++);
                    return switch (e) {
                        case 'd' -> "1";
                        case 'w', 'S', 'D' -> "a";
                        case 's' -> " ";
                        case 'W' -> "-";
                        case 'b', 'B' -> "";
                        default -> String.valueOf(e);
                    };
                }
                default -> {
                    return String.valueOf(c);
                }
            }
        }

        private int[] quantifier() {
            if (at >= regex.length()) {
                return new int[] {1};
            }
            char c = regex.charAt(at);
            int times;
            if (c == '?') {
                times = 0;
            } else if (c == '*') {
                times = extra;
            } else if (c == '+') {
                times = 1 + extra;
            } else if (c == '{' && regex.indexOf('}', at) > 0) {
                String[] bounds = regex.substring(at + 1, regex.indexOf('}', at)).split(",", -1);
                int min = Integer.parseInt(bounds[0].trim());
                int max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE
                        : Integer.parseInt(bounds[1].trim());
                times = (int) Math.min((long) min + extra, max);
                at = regex.indexOf('}', at);
            } else {
                return new int[] {1};
            }
            at++;
            if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
                at++; // lazy or possessive
            }
            return new int[] {times};
        }
    }
}
