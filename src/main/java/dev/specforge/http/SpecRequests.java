package dev.specforge.http;

import dev.specforge.jobs.JobRequest;
import dev.specforge.spec.SpecBundle;
import org.apache.camel.Message;

import java.util.Locale;
import java.util.Set;

/**
 * Turns a request that carries a spec ({@code POST /api/generate}, {@code /api/jobs}, {@code /api/plan}) into a
 * {@link JobRequest}. Specs are accepted as {@code application/yaml}, {@code application/json} (and their {@code x-},
 * {@code text/}, {@code +json}/{@code +yaml} and {@code vnd.oai.openapi} variants), or as {@code text/plain},
 * {@code application/octet-stream} or no type at all, in which case the content decides; a multi-file spec comes as
 * {@code application/zip}; anything else is a 415.
 */
final class SpecRequests {

    private static final Set<String> YAML_OR_JSON = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml", "application/json", "text/json", "application/vnd.oai.openapi",
            "application/schema+json", "application/schema-instance+json");
    private static final Set<String> SNIFFED = Set.of("text/plain", "application/octet-stream");
    /** A multi-file spec: a zip holding the root spec and the files it references. */
    private static final Set<String> ZIP = Set.of("application/zip", "application/x-zip-compressed");

    private SpecRequests() {
    }

    /**
     * @param type    the request's {@code Content-Type}, or {@code null}
     * @param message the request message (its body is the spec)
     * @param stack   the {@code stack} query parameter, or {@code null}
     * @return the spec, its extension ({@code zip}, {@code json} or {@code yaml}, from the content) and the stack
     * @throws HttpProblem 415 for another media type, 400 for an empty body
     */
    static JobRequest of(String type, Message message, String stack) {
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.isEmpty() && !YAML_OR_JSON.contains(media) && !SNIFFED.contains(media) && !ZIP.contains(media)
                && !media.endsWith("+json") && !media.endsWith("+yaml")) {
            String hint = media.equals("application/x-www-form-urlencoded")
                    ? " (curl -d sends this type; add -H 'Content-Type: application/yaml' and use --data-binary @file)"
                    : "";
            throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
                    "'" + media + "' is not a spec type; send application/yaml, application/json, application/zip (a multi-file"
                            + " spec) or text/plain" + hint);
        }
        byte[] spec = message.getBody(byte[].class);
        if (spec == null || spec.length == 0) {
            throw new HttpProblem(400, "invalid-spec", "Invalid spec", "the request body is empty; send the spec");
        }
        String extension = SpecBundle.isZip(spec) ? "zip" : looksLikeJson(spec) ? "json" : "yaml";
        return new JobRequest(spec, extension, stack == null || stack.isBlank() ? null : stack);
    }

    private static boolean looksLikeJson(byte[] spec) {
        for (byte b : spec) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && (b & 0xff) != 0xef && (b & 0xff) != 0xbb
                    && (b & 0xff) != 0xbf) {
                return false;
            }
        }
        return false;
    }
}
