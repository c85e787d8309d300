package ${project.packageName}.http;

/**
 * Whether ${project.name} takes requests: every route is up and requests no route serves get their problem+json
 * 404. {@code GET /health} answers 200 only then (docs: C1.2).
 */
public class Readiness {

    private volatile org.apache.camel.CamelContext started;

    /**
     * Records that the 404 fallback is in place, the last step of the start.
     *
     * @param context the Camel context, whose status is read from then on
     */
    public void fallbackInPlace(org.apache.camel.CamelContext context) {
        started = context;
    }

    /** @return whether the service takes requests: started, and not stopping */
    public boolean isUp() {
        org.apache.camel.CamelContext context = started;
        return context != null && context.isStarted();
    }
}
