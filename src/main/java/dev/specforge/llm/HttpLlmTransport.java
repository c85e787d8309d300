package dev.specforge.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The LLM client's HTTP call on the JDK's {@link HttpClient}: one POST per call, HTTP/1.1, no redirects followed and
 * no retries of its own (the {@link LlmClient} decides between retry-after, backoff and fallback, and its limiter
 * and circuit breaker must see every answer). Any status comes back as a reply; only a transport failure throws.
 * One client (and its connection pool) serves every call. Thread-safe.
 */
public final class HttpLlmTransport implements LlmClient.Transport {

    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param connectTimeout how long opening a connection may take ({@code specforge.llm.connect-timeout-ms})
     * @param timeout        how long a call may wait for its answer once sent ({@code specforge.llm.timeout-ms})
     */
    public HttpLlmTransport(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
        this.timeout = timeout;
    }

    /**
     * @param url     the full URL, e.g. {@code https://api.openai.com/v1/chat/completions}
     * @param headers request headers (carry the API key: never logged)
     * @param body    the JSON body, sent as UTF-8
     * @return the status, the response headers with lower-case names (several values of one name joined with
     *         {@code ,}) and the body text (the charset of its {@code Content-Type}, else UTF-8)
     * @throws java.net.http.HttpConnectTimeoutException when no connection is made within the connect timeout
     * @throws java.net.http.HttpTimeoutException        when no answer comes within the timeout
     * @throws IOException                               on any other transport failure (connection refused or reset)
     * @throws InterruptedException                      when interrupted while waiting
     */
    @Override
    public LlmClient.HttpReply post(String url, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> out = new HashMap<>();
        response.headers().map().forEach((name, values) ->
                out.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String text = response.body();
        return new LlmClient.HttpReply(response.statusCode(), out, text == null ? "" : text);
    }
}
