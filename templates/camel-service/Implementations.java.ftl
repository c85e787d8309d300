package ${project.packageName}.http;

/**
 * Finds your implementations: an operation is implemented when a route consumes {@code direct:<operationId>} (the
 * contract's {@code id}), for example one in {@code src/main/resources/routes/user/*.camel.yaml}. Its generated route
 * then calls that route after validating the request, instead of the default answer. Checked on every request, so a
 * route added or reloaded while the service runs is found too.
 */
public class Implementations {

    /**
     * @param exchange an exchange routed to an operation (exchange property {@value Contract#OPERATION_ID})
     * @return whether a route consumes {@code direct:<operationId>}
     */
    public boolean isImplemented(org.apache.camel.Exchange exchange) {
        return consumes(exchange.getContext(), exchange.getProperty(Contract.OPERATION_ID, String.class));
    }

    /**
     * @param context     the Camel context
     * @param operationId an operation's id
     * @return whether a route of the context consumes {@code direct:<operationId>}
     */
    public static boolean consumes(org.apache.camel.CamelContext context, String operationId) {
        for (org.apache.camel.Route route : context.getRoutes()) {
            org.apache.camel.Endpoint endpoint = route.getEndpoint();
            if (endpoint instanceof org.apache.camel.component.direct.DirectEndpoint
                    && (endpoint.getEndpointBaseUri().equals("direct://" + operationId)
                    || endpoint.getEndpointBaseUri().equals("direct:" + operationId))) {
                return true;
            }
        }
        return false;
    }
}
