package dev.specforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client ({@link java.net.http.HttpClient}) for the started Main's server on 127.0.0.1. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * HTTP/1.1 only: the JDK client otherwise offers an h2c upgrade on every cleartext request, and on this JDK a
     * request in that state was seen to hang for good despite its timeout (FourthStackTest, HttpApiTest).
     */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    /** @param context a started context whose embedded server listens on a random port */
    public Http(CamelContext context) {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        this.base = "http://127.0.0.1:" + server.getPort();
    }

    /** @return e.g. {@code http://127.0.0.1:41234} */
    public String base() {
        return base;
    }

    /** @return a request builder for {@code path} with a 2-minute timeout */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
    }

    /**
     * Sends a request and reads the whole body. Bounded twice: the request's own timeout, and a wait of at most
     * that plus 30 s for the answer, so a lost answer fails the test instead of hanging the build.
     *
     * @throws IOException when there is no answer in time
     */
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        Duration limit = request.timeout().orElse(Duration.ofMinutes(2)).plusSeconds(30);
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> answer =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new java.net.http.HttpTimeoutException(request.method() + " " + request.uri() + ": no answer in "
                    + limit.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public HttpResponse<byte[]> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    /** POSTs {@code body} with the given Content-Type (none when {@code null}). */
    public HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /** Waits (up to 30 s) until {@code /observe/health} is UP: it is DOWN until the inbox consumer has polled once. */
    public void awaitHealthy() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/observe/health").statusCode() == 200);
    }

    /** @return the body parsed as JSON */
    public static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
