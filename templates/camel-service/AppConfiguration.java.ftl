package ${project.packageName};

/**
 * Beans of ${project.name}, bound by name for the routes: the problem writer, the API document and the readiness.
 * Each entity's repository and CRUD collection are bound by its own {@code <Entity>Beans} class beside this one (one
 * small class per entity, however many entities there are). Also answers the requests no route serves with a
 * problem+json 404.
 */
@org.apache.camel.Configuration
public class AppConfiguration implements org.apache.camel.CamelConfiguration {

    /** @return the {@code problems} bean: the bodies and statuses of error answers */
    @org.apache.camel.BindToRegistry("problems")
    public ${project.packageName}.http.Problems problems() {
        return new ${project.packageName}.http.Problems();
    }

    private final ${project.packageName}.http.Readiness readiness = new ${project.packageName}.http.Readiness();

    /** @return the {@code readiness} bean: whether the service takes requests ({@code GET /health}) */
    @org.apache.camel.BindToRegistry("readiness")
    public ${project.packageName}.http.Readiness readiness() {
        return readiness;
    }

    /** @return the {@code apiDocument} bean: the OpenAPI document served at {@code /openapi.json} */
    @org.apache.camel.BindToRegistry("apiDocument")
    public ${project.packageName}.http.ApiDocument apiDocument() {
        return new ${project.packageName}.http.ApiDocument();
    }

    /**
     * Once every route is up, sends the requests that none of them serves to a problem+json 404 (the HTTP server
     * would otherwise answer them with an HTML page), then marks the service ready for {@code GET /health}.
     *
     * @param camelContext the context
     * @throws Exception when the listener cannot be added
     */
    @Override
    public void configure(org.apache.camel.CamelContext camelContext) throws Exception {
        camelContext.addStartupListener(new org.apache.camel.StartupListener() {
            @Override
            public void onCamelContextStarted(org.apache.camel.CamelContext context, boolean alreadyStarted) {
                // nothing to do before the routes are up
            }

            @Override
            public void onCamelContextFullyStarted(org.apache.camel.CamelContext context, boolean alreadyStarted) {
                org.apache.camel.component.platform.http.main.MainHttpServer server =
                        context.hasService(org.apache.camel.component.platform.http.main.MainHttpServer.class);
                if (server != null) {
                    server.getRouter().route().last().handler(request -> request.response()
                            .setStatusCode(404)
                            .putHeader("Content-Type", "application/problem+json")
                            .end(${project.packageName}.http.Problems.notFound(request.request().method().name(),
                                    request.request().path())));
                }
                readiness.fallbackInPlace(context);
            }
        });
    }
}
