package dev.specforge.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.jobs.QueueFullException;
import dev.specforge.pipeline.GenerationFailedException;
import dev.specforge.pipeline.RunCancelledException;
import dev.specforge.plan.PlanException;
import dev.specforge.spec.SpecException;

/**
 * Maps a failure to an RFC 9457 problem ({@code application/problem+json}): {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, plus extensions where they help the client act
 * ({@code location}: a JSON pointer or {@code line L, column C} in the spec; {@code retryAfterSeconds}).
 * Bodies never carry stack traces or exception class names; unexpected errors say only that the server log has
 * the details, under the request's id.
 */
public final class Problems {

    /** RFC 9457 media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A mapped problem: the status, extra response headers (e.g. {@code Retry-After}) and the JSON body. */
    record Mapped(int status, java.util.Map<String, String> headers, ObjectNode body) {
    }

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param slug a problem type's short name, e.g. {@code invalid-spec}
     * @return the problem type URI, {@code urn:specforge:problem:<slug>} (RFC 9457 section 3.1.1 allows any URI;
     *         a URN never pretends to be a page that can be fetched)
     */
    static String type(String slug) {
        return "urn:specforge:problem:" + slug;
    }

    /**
     * @param error    what failed (any cause in the chain is considered)
     * @param instance the request path, or a job path
     * @return the problem to answer
     */
    Mapped map(Throwable error, String instance) {
        Throwable cause = specific(error);
        ObjectNode body = json.createObjectNode();
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        int status;
        if (cause instanceof HttpProblem p) {
            status = fill(body, p.status(), p.type(), p.title(), p.getMessage());
            if (status == 401) {
                headers.put("WWW-Authenticate", "Bearer realm=\"specforge\"");
            }
        } else if (cause instanceof SpecException se) {
            status = fill(body, 400, "invalid-spec", "Invalid spec", se.problem());
            if (se.location() != null) {
                body.put("location", se.location());
            }
        } else if (cause instanceof PlanException pe) {
            status = fill(body, 400, "unplannable-spec", "The spec cannot be planned with its stack", pe.getMessage());
        } else if (cause instanceof GenerationFailedException gf) {
            status = fill(body, 422, "invalid-output", "The generated project failed validation", gf.getMessage());
            body.put("invalidFiles", gf.report().counts().invalid());
        } else if (cause instanceof QueueFullException qf) {
            status = fill(body, 429, "queue-full", "Too many jobs waiting", qf.getMessage());
            headers.put("Retry-After", String.valueOf(qf.retryAfterSeconds()));
            body.put("retryAfterSeconds", qf.retryAfterSeconds());
        } else if (cause instanceof RunCancelledException) {
            status = fill(body, 409, "cancelled", "The job was cancelled", "the job was cancelled before it finished");
        } else {
            status = fill(body, 500, "internal-error", "Internal error",
                    "specforge failed unexpectedly; the server log has the details for " + instance);
        }
        body.put("instance", instance);
        return new Mapped(status, headers, body);
    }

    private static int fill(ObjectNode body, int status, String slug, String title, String detail) {
        body.put("type", type(slug));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return status;
    }

    /** @return the first cause the mapping knows, else {@code t} */
    private static Throwable specific(Throwable t) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (cur instanceof HttpProblem || cur instanceof SpecException || cur instanceof PlanException
                    || cur instanceof GenerationFailedException || cur instanceof QueueFullException
                    || cur instanceof RunCancelledException) {
                return cur;
            }
        }
        return t;
    }
}
