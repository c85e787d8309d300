package dev.specforge.pipeline;

import org.apache.camel.Exchange;

/**
 * The names a spec's outputs get: its file name from the exchange, made safe to use as a file name, and the base
 * name the zip and report are named after ({@code petstore.yaml} gives {@code petstore.zip} and
 * {@code petstore.report.json}, README "What happens to a spec").
 */
public final class SpecNames {

    /** Longest safe name kept, in characters; longer names are cut. */
    private static final int MAX_LENGTH = 200;

    private SpecNames() {
    }

    /**
     * @param exchange an exchange carrying a spec
     * @return the spec's file name: the {@value EsbHeaders#HEADER_SPEC_NAME} header, else {@code CamelFileName},
     *         else {@code spec}, made safe by {@link #safeFileName}
     */
    public static String specName(Exchange exchange) {
        String name = exchange.getMessage().getHeader(EsbHeaders.HEADER_SPEC_NAME, String.class);
        if (name == null) {
            name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        }
        return safeFileName(name);
    }

    /**
     * @param name a file name or path from a caller, or {@code null}
     * @return its last path segment, with characters outside {@code [A-Za-z0-9._-]} replaced by {@code _}, leading
     *         dots removed and cut to 200 characters; {@code spec} when nothing is left
     */
    public static String safeFileName(String name) {
        if (name == null) {
            return "spec";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (safe.length() > MAX_LENGTH) {
            safe = safe.substring(0, MAX_LENGTH);
        }
        return safe.isEmpty() ? "spec" : safe;
    }

    /**
     * @param specName a safe spec file name, e.g. {@code petstore.yaml}
     * @return the name without its last extension, e.g. {@code petstore}
     */
    public static String baseName(String specName) {
        int dot = specName.lastIndexOf('.');
        return dot > 0 ? specName.substring(0, dot) : specName;
    }
}
