package dev.specforge.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.io.HiddenJsonEscapes;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Adjusts the embedded HTTP server once it runs, for what Camel routes cannot do themselves:
 * <ul>
 *   <li>every response, including Vert.x's own 404/405 pages and the management endpoints, carries seed 003's
 *       security headers {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store} ({@code no-cache}
 *       for the open pages of {@link HomeSteps}, revalidated by their ETag, which also get its
 *       {@code Content-Security-Policy}) (Camel's HTTP
 *       header filter drops a {@code Cache-Control} set by a route);</li>
 *   <li>a request body over {@code camel.server.max-body-size} is answered with an RFC 9457 problem (413, built by
 *       {@link Problems} like every other problem) instead of Vert.x's plain-text page: Vert.x's body handler
 *       refuses such a body before any Camel route sees it.</li>
 * </ul>
 */
public final class HttpServerSetup implements ExtendedStartupListener {

    private final long maxBodySize;

    /** @param maxBodySize {@code camel.server.max-body-size}, in bytes, for the problem's detail */
    public HttpServerSetup(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the server's router is bound once the HTTP server has started; see onCamelContextFullyStarted
    }

    /**
     * Installs the header handler and the 413 handler on every platform-http router.
     *
     * @param context        the started context
     * @param alreadyStarted whether the context was started already
     */
    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        Problems problems = new Problems(HiddenJsonEscapes.install(new ObjectMapper()));
        HttpProblem over = new HttpProblem(413, "body-too-large", "Request body too large",
                "the body is over " + maxBodySize + " bytes (camel.server.max-body-size)");
        Handler<RoutingContext> tooLarge = ctx -> {
            if (ctx.response().ended()) {
                return;
            }
            ctx.response().setStatusCode(413)
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(problems.map(over, ctx.normalizedPath()).body().toString());
        };
        for (VertxPlatformHttpRouter router : context.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            router.route().order(Integer.MIN_VALUE).handler(ctx -> {
                // the open pages (HomeSteps) may be stored but are revalidated by their ETag; the rest never stored
                boolean open = HomeSteps.CACHEABLE_PATHS.matcher(ctx.normalizedPath()).matches();
                ctx.addHeadersEndHandler(v -> {
                    ctx.response().headers()
                            .set("X-Content-Type-Options", "nosniff")
                            .set("Cache-Control", open ? "no-cache" : "no-store");
                    if (open) {
                        // the page loads only its own files and talks only to this server
                        ctx.response().headers().set("Content-Security-Policy", HomeSteps.CONTENT_SECURITY_POLICY);
                    }
                });
                ctx.next();
            }).failureHandler(ctx -> {
                if (ctx.statusCode() == 413) {
                    tooLarge.handle(ctx);
                } else {
                    ctx.next();
                }
            });
        }
    }
}
