package dev.specforge.http;

/**
 * An error the HTTP API answers with an RFC 9457 {@code application/problem+json} body. Thrown by {@link HttpSteps}
 * for request problems (auth, media type, unknown job); spec and pipeline errors are mapped by {@link Problems}.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    /**
     * @param status the HTTP status
     * @param type   the problem type's slug (see {@link Problems#type})
     * @param title  a short, fixed summary of the type
     * @param detail what happened this time, for the client to act on
     */
    public HttpProblem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the problem type's slug */
    public String type() {
        return type;
    }

    /** @return the problem type's title */
    public String title() {
        return title;
    }
}
