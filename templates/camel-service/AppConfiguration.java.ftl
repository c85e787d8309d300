package ${project.packageName};

<#if operationGroups?has_content>
/**
 * Beans of ${project.name}, bound by name for the routes: the problem writer, the API document, the readiness, and
 * what every operation's route calls: the contract ({@code contract.json}), its request validator, the finder of your
 * implementations and the default answers with their in-memory resources. Also answers the requests no route serves
 * with a problem+json 404, or 405 when another method is served at the path.
 */
<#else>
/**
 * Beans of ${project.name}, bound by name for the routes: the problem writer, the API document and the readiness.
 * Each entity's repository and CRUD collection are bound by its own {@code <Entity>Beans} class beside this one (one
 * small class per entity, however many entities there are). Also answers the requests no route serves with a
 * problem+json 404.
 */
</#if>
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

<#if operationGroups?has_content>
    private final ${project.packageName}.http.Contract contract = ${project.packageName}.http.Contract.load();

    /** @return the {@code contract} bean: the operations, resources and schemas of {@code contract.json} */
    @org.apache.camel.BindToRegistry("contract")
    public ${project.packageName}.http.Contract contract() {
        return contract;
    }

    /** @return the {@code requestValidator} bean: the first step of every operation's route */
    @org.apache.camel.BindToRegistry("requestValidator")
    public ${project.packageName}.http.RequestValidator requestValidator() {
        return new ${project.packageName}.http.RequestValidator(contract);
    }

    /** @return the {@code implementations} bean: whether a route of yours consumes {@code direct:<operationId>} */
    @org.apache.camel.BindToRegistry("implementations")
    public ${project.packageName}.http.Implementations implementations() {
        return new ${project.packageName}.http.Implementations();
    }

    /** @return the {@code defaultAnswers} bean: what an operation answers when no route of yours implements it */
    @org.apache.camel.BindToRegistry("defaultAnswers")
    public ${project.packageName}.http.DefaultAnswers defaultAnswers() {
        return new ${project.packageName}.http.DefaultAnswers(contract,
                new ${project.packageName}.repository.memory.InMemoryResources(contract.resources()));
    }

</#if>
    /**
<#if operationGroups?has_content>
     * Once every route is up, sends the requests that none of them serves to a problem+json 404, or 405 with
     * {@code Allow} when the path is an operation's with another method (the HTTP server would otherwise answer them
     * with an HTML page), then marks the service ready for {@code GET /health}.
<#else>
     * Once every route is up, sends the requests that none of them serves to a problem+json 404 (the HTTP server
     * would otherwise answer them with an HTML page), then marks the service ready for {@code GET /health}.
</#if>
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
<#if operationGroups?has_content>
                if (server != null) {
                    server.getRouter().route().last().handler(request -> {
                        String method = request.request().method().name();
                        String path = request.request().path();
                        java.util.SortedSet<String> allowed = contract.methodsAt(path);
                        if (allowed.isEmpty()) {
                            request.response()
                                    .setStatusCode(404)
                                    .putHeader("Content-Type", "application/problem+json")
                                    .end(${project.packageName}.http.Problems.notFound(method, path));
                        } else {
                            request.response()
                                    .setStatusCode(405)
                                    .putHeader("Allow", String.join(", ", allowed))
                                    .putHeader("Content-Type", "application/problem+json")
                                    .end(${project.packageName}.http.Problems.methodNotAllowed(method, path, allowed));
                        }
                    });
                }
<#else>
                if (server != null) {
                    server.getRouter().route().last().handler(request -> request.response()
                            .setStatusCode(404)
                            .putHeader("Content-Type", "application/problem+json")
                            .end(${project.packageName}.http.Problems.notFound(request.request().method().name(),
                                    request.request().path())));
                }
</#if>
                readiness.fallbackInPlace(context);
            }
        });
    }
}
