package dev.specforge.cache;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 content keys for the durable caches: of bytes, and of template data models (maps, lists, strings,
 * numbers, booleans) in a canonical form, so equal data always gives the same key whatever the map order.
 * Not thread-safe; one instance per key.
 */
public final class Digest {

    private static final HexFormat HEX = HexFormat.of();
    private static final java.util.regex.Pattern HEX_64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    private final MessageDigest sha;

    private Digest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256 (required by the Java SE spec)", e);
        }
    }

    /**
     * @param key any text, e.g. a cache key taken from a file name or a message
     * @return whether it has the shape of {@link #hex()}'s result (64 lower-case hex characters), and so is safe as
     *         a file name under a cache folder
     */
    public static boolean isHex(String key) {
        return key != null && HEX_64.matcher(key).matches();
    }

    /** @return a new, empty digest */
    public static Digest sha256() {
        return new Digest();
    }

    /**
     * @param bytes any bytes
     * @return their plain SHA-256 (as {@code sha256sum} prints it), 64 lower-case hex characters
     */
    public static String of(byte[] bytes) {
        Digest d = sha256();
        d.sha.update(bytes);
        return d.hex();
    }

    /**
     * Adds a length-prefixed string (so {@code "ab","c"} and {@code "a","bc"} differ).
     *
     * @param text a string; {@code null} is distinct from empty
     * @return this digest
     */
    public Digest add(String text) {
        if (text == null) {
            sha.update((byte) 0);
            return this;
        }
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bytes bytes, length-prefixed
     * @return this digest
     */
    public Digest add(byte[] bytes) {
        sha.update((byte) 1);
        long n = bytes.length;
        for (int i = 0; i < 8; i++) {
            sha.update((byte) (n >>> (8 * i)));
        }
        sha.update(bytes);
        return this;
    }

    /**
     * Adds a template data model canonically: map entries sorted by key, lists in order, scalars with a type tag.
     * Values of other types (the templates' functions, which are code, not data) are skipped: code is keyed by the
     * engine version instead.
     *
     * @param value a map, list, string, number, boolean or {@code null}
     * @return this digest
     */
    public Digest addModel(Object value) {
        if (value == null) {
            sha.update((byte) 'n');
        } else if (value instanceof Map<?, ?> map) {
            sha.update((byte) '{');
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sorted.forEach((k, v) -> {
                if (isData(v)) {
                    add(k);
                    addModel(v);
                }
            });
            sha.update((byte) '}');
        } else if (value instanceof List<?> list) {
            sha.update((byte) '[');
            list.forEach(this::addModel);
            sha.update((byte) ']');
        } else if (value instanceof CharSequence s) {
            sha.update((byte) 's');
            add(s.toString());
        } else if (value instanceof Boolean b) {
            sha.update((byte) (b ? 't' : 'f'));
        } else if (value instanceof Number n) {
            sha.update((byte) '#');
            add(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        }
        return this;
    }

    private static boolean isData(Object v) {
        return v == null || v instanceof Map || v instanceof List || v instanceof CharSequence
                || v instanceof Boolean || v instanceof Number;
    }

    /** @return the SHA-256 so far, 64 lower-case hex characters (the digest is then spent) */
    public String hex() {
        return HEX.formatHex(sha.digest());
    }
}
