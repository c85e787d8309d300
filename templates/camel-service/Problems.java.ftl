package ${project.packageName}.http;

/**
 * Turns whatever a route threw into a problem answer: a {@link Problem} as it is, anything else as a 500 whose body
 * tells nothing of the internals (the exception is logged instead). The routes' shared {@code onException} calls
 * {@link #status(Exception)} and {@link #body(Exception)}.
 */
public class Problems {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Problems.class);

    /**
     * @param e what a route threw
     * @return the HTTP status to answer
     */
    public int status(Exception e) {
        return e instanceof Problem p ? p.getStatus() : 500;
    }

    /**
     * @param e what a route threw
     * @return the {@code application/problem+json} body
     */
    public String body(Exception e) {
        if (e instanceof Problem p) {
            return p.toJson();
        }
        LOG.error("Request failed", e);
        return new Problem(500, "Internal Server Error", "The service failed to answer; see its log.",
                java.util.List.of()).toJson();
    }

    /**
     * The answer to a request no route serves (C6.3).
     *
     * @param method the request's method
     * @param path   the request's path
     * @return a 404 problem body
     */
    public static String notFound(String method, String path) {
        return noResource(method, path).toJson();
    }

    /**
     * @param method the request's method
     * @param path   the request's path
     * @return the 404 problem of a request that no operation serves, as {@link #notFound} answers it
     */
    public static Problem noResource(String method, String path) {
        return Problem.notFound("No resource answers " + method + " " + path + ".");
    }
<#if operationGroups?has_content>

    /**
     * The answer to a request whose path is served with other methods only.
     *
     * @param method  the request's method
     * @param path    the request's path
     * @param allowed the methods served at that path
     * @return a 405 problem body
     */
    public static String methodNotAllowed(String method, String path, java.util.Collection<String> allowed) {
        return new Problem(405, "Method Not Allowed", method + " is not served at " + path + ", only "
                + String.join(", ", allowed) + ".", java.util.List.of()).toJson();
    }
</#if>
}
