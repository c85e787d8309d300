package dev.specforge.config;

import dev.specforge.cli.SpecforgeVersion;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.ExtendedStartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's last start line: where it listens (the page, the API, health and metrics) and which folders it
 * watches and writes, so an operator reads one line instead of Camel's route and endpoint lists. Nothing is logged
 * when neither the HTTP server nor the inbox runs (the one-shot CLI).
 */
final class ReadyLine implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.specforge");

    private final Settings settings;

    ReadyLine(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server's port is known once the context has fully started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        boolean inbox = context.getRouteController().getRouteStatus("inbox") == ServiceStatus.Started;
        if (server == null && !inbox) {
            return;
        }
        String listens = server == null ? "no HTTP server" : "listening on http://"
                + context.getPropertiesComponent().resolveProperty("camel.server.host").orElse("0.0.0.0") + ":"
                + server.getPort() + "/ (web page; API /api/*" + (settings.http().apiKey().isEmpty() ? ""
                : ", which needs the API key") + "; /observe/health, /observe/metrics)";
        String watches = inbox ? "watching " + context.getPropertiesComponent().resolveProperty("specforge.inbox.dir")
                .orElse("?") + " -> " + settings.folders().outbox() + " (failed: " + settings.folders().deadLetter()
                + ")" : "no inbox";
        LOG.info("specforge {} ready: {}; {}", SpecforgeVersion.of(), listens, watches);
    }
}
