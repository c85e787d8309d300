package dev.specforge.llm;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LLM's HTTP call on the JDK client, against a local server: what goes out, what comes back, when it gives up. */
class HttpLlmTransportTest {

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/limited", ex -> {
            received.put("authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            received.put("content-type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
            received.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"error\":\"slow down\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Retry-After-Ms", "1500");
            ex.sendResponseHeaders(429, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/silent", ex -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void should_send_the_headers_and_body_and_return_a_non_2xx_status_as_a_reply_with_lower_case_header_names()
            throws Exception {
        HttpLlmTransport transport = new HttpLlmTransport(Duration.ofSeconds(5), Duration.ofSeconds(5));

        LlmClient.HttpReply reply = transport.post(base + "/limited",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer k"), "{\"model\":\"m\"}");

        assertThat(received).containsEntry("authorization", "Bearer k")
                .containsEntry("content-type", "application/json").containsEntry("body", "{\"model\":\"m\"}");
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers()).containsEntry("retry-after-ms", "1500");
        assertThat(reply.body()).isEqualTo("{\"error\":\"slow down\"}");
    }

    @Test
    void should_give_up_on_a_call_that_gets_no_answer_within_the_timeout() {
        HttpLlmTransport transport = new HttpLlmTransport(Duration.ofSeconds(5), Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> transport.post(base + "/silent", Map.of(), "{}"))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
