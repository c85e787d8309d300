package dev.specforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.specforge.llm.OfflineProvider;
import dev.specforge.plan.EnrichmentKind;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * A fake LLM server on 127.0.0.1 (random port) that speaks the real wire formats:
 * <ul>
 *   <li>OpenAI Chat Completions, {@code POST /v1/chat/completions}: reads {@code response_format.json_schema},
 *       answers {@code choices[0].message.content} with {@code usage.prompt_tokens},
 *       {@code completion_tokens} and {@code prompt_tokens_details.cached_tokens} (a repeated system prefix of
 *       1,024 tokens or more is cached, in 128-token steps);</li>
 *   <li>Anthropic Messages, {@code POST /v1/messages}: reads the forced tool's {@code input_schema}, answers with a
 *       {@code tool_use} block and {@code usage.input_tokens}, {@code output_tokens},
 *       {@code cache_creation_input_tokens} and {@code cache_read_input_tokens} (a system block marked
 *       {@code cache_control} is written on first sight, read after).</li>
 * </ul>
 * Tokens are counted as characters / 4 over the system text, the user text and the schema (input) and over the
 * answer (output). Answers come from the offline provider's rules on the item contexts the request carries (entity
 * descriptions get a {@code "Fake LLM: "} prefix so tests can see where text came from), optionally changed by a
 * test's mutator. It has latency, a token-bucket rpm limit answering 429 with {@code retry-after} and
 * {@code retry-after-ms}, and 5xx injection. Every request is recorded.
 *
 * <p>The benchmarks ({@code bench/run.sh}) run it as a process of its own through {@link #main}; its counters are
 * then read from {@code GET /stats}.
 */
public final class FakeLlmServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request. */
    public record Request(String path, Map<String, String> headers, JsonNode body, int status, long nanos) {

        /** @return the user message text (the variable part) */
        public String userText() {
            JsonNode messages = body.path("messages");
            JsonNode last = messages.get(messages.size() - 1);
            return last.path("content").asText();
        }

        /** @return the item contexts the request asks about, by item id */
        public JsonNode items() {
            String text = userText();
            try {
                return JSON.readTree(text.substring(text.indexOf('{'))).path("items");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * @return the items asked, as {@code <kind>:<entity>} or {@code <kind>:<entity>.<field>}, e.g.
         *         {@code field_validators:E2.f1}
         */
        public List<String> itemIds() {
            String kind = body.has("tools") ? body.path("tool_choice").path("name").asText()
                    : body.path("response_format").path("json_schema").path("name").asText();
            List<String> ids = new ArrayList<>();
            items().forEach(ctx -> {
                JsonNode entity = ctx.path("entity");
                ids.add(kind + ":" + (entity.isTextual() ? entity.asText() + "." + ctx.path("field").path("name").asText()
                        : entity.path("name").asText()));
            });
            return ids;
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(32);
    private final OfflineProvider rules = new OfflineProvider();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> promptCache = Collections.synchronizedSet(new HashSet<>());
    private final AtomicInteger rateLimited = new AtomicInteger();
    /** bumped by {@link #reset}: answers to requests that arrived before it are not recorded or counted */
    private final AtomicInteger generation = new AtomicInteger();
    private static final ThreadLocal<Integer> ARRIVED_IN = new ThreadLocal<>();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private final AtomicLong cachedTokens = new AtomicLong();
    private final AtomicLong cacheWriteTokens = new AtomicLong();
    private volatile long latencyMs;
    private volatile java.util.concurrent.CountDownLatch gate;
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int rpm = Integer.MAX_VALUE;
    private volatile double tokens;
    private volatile long lastRefillNanos = System.nanoTime();
    private volatile int failStatus;
    private final AtomicInteger throttleNext = new AtomicInteger();
    private volatile long throttleRetryAfterMs;
    private volatile BiFunction<JsonNode, JsonNode, JsonNode> mutator = (context, answer) -> answer;
    /** false in a long benchmark process: recorded requests keep their status, not their (possibly large) bodies */
    private volatile boolean keepBodies = true;

    private FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(pool);
        server.createContext("/v1/", this::handle);
        server.createContext("/stats", this::stats);
        server.start();
    }

    /**
     * Runs the server as a process of its own, for the benchmarks: {@code FakeLlmServer [--latency-ms N] [--rpm N]}
     * (latency in ms before each answer, default 0; the server's requests-per-minute limit, default none). Prints
     * {@code listening <OpenAI base URL> <Anthropic base URL>} on one line of stdout once it accepts requests, and
     * stops when stdin closes or the process is terminated. {@code GET /stats} answers the counters since start as
     * JSON: {@code requests} (every request, 429s included), {@code answered} (200), {@code rateLimited} (429),
     * {@code inputTokens}, {@code outputTokens}, {@code cachedTokens}, {@code cacheWriteTokens}.
     *
     * @param args the options above
     * @throws IOException when stdin cannot be read
     * @throws IllegalArgumentException on an unknown option or a value that is not a whole number
     */
    public static void main(String[] args) throws IOException {
        long latency = 0;
        int limit = 0;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--latency-ms" -> latency = Long.parseLong(args[i + 1]);
                case "--rpm" -> limit = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --latency-ms N, --rpm N)");
            }
        }
        FakeLlmServer fake = start();
        fake.keepBodies = false;
        fake.latency(latency);
        if (limit > 0) {
            fake.rateLimit(limit);
        }
        System.out.println("listening " + fake.openAiBaseUrl() + " " + fake.anthropicBaseUrl());
        System.out.flush();
        try (fake) {
            while (System.in.read() >= 0) {
                // runs until stdin closes
            }
        }
    }

    private void stats(HttpExchange ex) throws IOException {
        try (ex) {
            ObjectNode s = JSON.createObjectNode();
            s.put("requests", requests().size());
            s.put("answered", answered().size());
            s.put("rateLimited", rateLimited());
            s.put("inputTokens", inputTokens());
            s.put("outputTokens", outputTokens());
            s.put("cachedTokens", cachedTokens());
            s.put("cacheWriteTokens", cacheWriteTokens());
            send(ex, 200, s);
        }
    }

    /** @return a started server */
    public static FakeLlmServer start() {
        try {
            return new FakeLlmServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the OpenAI-style base URL, {@code http://127.0.0.1:port/v1} */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return the Anthropic-style base URL, {@code http://127.0.0.1:port} */
    public String anthropicBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets requests, counters and the prompt cache; back to no latency, no limit, no failures. */
    public synchronized void reset() {
        generation.incrementAndGet();
        requests.clear();
        promptCache.clear();
        rateLimited.set(0);
        inputTokens.set(0);
        outputTokens.set(0);
        cachedTokens.set(0);
        cacheWriteTokens.set(0);
        latencyMs = 0;
        release();
        held.set(0);
        rpm = Integer.MAX_VALUE;
        failStatus = 0;
        throttleNext.set(0);
        mutator = (context, answer) -> answer;
    }

    /** Holds every request that arrives from now on until {@link #release()} (a gate, not a delay). */
    public void hold() {
        gate = new java.util.concurrent.CountDownLatch(1);
    }

    /** Lets held requests, and later ones, through. */
    public void release() {
        java.util.concurrent.CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** @return how many requests have arrived at the gate since the last reset */
    public int held() {
        return held.get();
    }

    /** @param ms delay before each answer */
    public void latency(long ms) {
        latencyMs = ms;
    }

    /** @param requestsPerMinute the server's limit: a full token bucket of this capacity, refilled continuously */
    public synchronized void rateLimit(int requestsPerMinute) {
        rpm = requestsPerMinute;
        tokens = requestsPerMinute;
        lastRefillNanos = System.nanoTime();
    }

    /**
     * @param n            answer the next {@code n} requests 429, as an account-wide limit shared with other
     *                     clients would
     * @param retryAfterMs the {@code retry-after-ms} sent with them ({@code retry-after} rounded up to seconds)
     */
    public void rateLimitNext(int n, long retryAfterMs) {
        throttleRetryAfterMs = retryAfterMs;
        throttleNext.set(n);
    }

    /** @param status answer every request with this 5xx status (0: answer normally) */
    public void failWith(int status) {
        failStatus = status;
    }

    /** @param m changes each item answer: (item context, answer) to the answer sent */
    public void mutateAnswers(BiFunction<JsonNode, JsonNode, JsonNode> m) {
        mutator = m;
    }

    /** @return the requests so far (those answered 429 or 5xx included) */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** @return requests answered 200 */
    public List<Request> answered() {
        return requests().stream().filter(r -> r.status() == 200).toList();
    }

    /** @return 429 answers sent */
    public int rateLimited() {
        return rateLimited.get();
    }

    /** @return input tokens reported, cached ones included */
    public long inputTokens() {
        return inputTokens.get();
    }

    /** @return output tokens reported */
    public long outputTokens() {
        return outputTokens.get();
    }

    /** @return cached input tokens reported ({@code cached_tokens} / {@code cache_read_input_tokens}) */
    public long cachedTokens() {
        return cachedTokens.get();
    }

    /** @return cache write tokens reported ({@code cache_creation_input_tokens}) */
    public long cacheWriteTokens() {
        return cacheWriteTokens.get();
    }

    private synchronized boolean takeToken() {
        if (rpm == Integer.MAX_VALUE) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(rpm, tokens + (now - lastRefillNanos) / 60e9 * rpm);
        lastRefillNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private synchronized double secondsToNextToken() {
        return (1 - tokens) * 60.0 / rpm;
    }

    private void handle(HttpExchange ex) throws IOException {
        ARRIVED_IN.set(generation.get());
        try (ex) {
            boolean anthropic = ex.getRequestURI().getPath().equals("/v1/messages");
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            Map<String, String> headers = new java.util.TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            boolean injected = throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (injected || !takeToken()) {
                if (current()) {
                    rateLimited.incrementAndGet();
                }
                double wait = injected ? throttleRetryAfterMs / 1000.0 : secondsToNextToken();
                ex.getResponseHeaders().add("retry-after", String.valueOf((long) Math.ceil(wait)));
                ex.getResponseHeaders().add("retry-after-ms", String.valueOf((long) Math.ceil(wait * 1000)));
                record(ex, headers, body, 429);
                send(ex, 429, error(anthropic, "rate_limit_error", "Rate limit reached for requests"));
                return;
            }
            java.util.concurrent.CountDownLatch g = gate;
            if (g != null) {
                held.incrementAndGet();
                g.await(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (latencyMs > 0) {
                Thread.sleep(latencyMs);
            }
            int fail = failStatus;
            if (fail != 0) {
                record(ex, headers, body, fail);
                send(ex, fail, error(anthropic, "api_error", "Injected failure"));
                return;
            }
            record(ex, headers, body, 200);
            send(ex, 200, anthropic ? anthropicAnswer(body) : openAiAnswer(body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(ex, 500, JSON.createObjectNode().put("error", String.valueOf(e)));
        }
    }

    /** @return whether the request being handled arrived after the last {@link #reset} */
    private boolean current() {
        return ARRIVED_IN.get() == generation.get();
    }

    private void record(HttpExchange ex, Map<String, String> headers, JsonNode body, int status) {
        if (!current()) {
            return;
        }
        requests.add(new Request(ex.getRequestURI().getPath(), headers,
                keepBodies ? body : NullNode.getInstance(), status, System.nanoTime()));
    }

    private ObjectNode openAiAnswer(JsonNode body) {
        String system = body.path("messages").get(0).path("content").asText();
        String user = body.path("messages").get(body.path("messages").size() - 1).path("content").asText();
        JsonNode js = body.path("response_format").path("json_schema");
        JsonNode answer = answer(js.path("name").asText(), user, js.path("schema"));
        long prefix = tokens(system);
        long input = tokens(system + user + js.path("schema").toString());
        long cached = !promptCache.add("openai\n" + system) && prefix >= 1024 ? prefix / 128 * 128 : 0;
        long output = tokens(answer.toString());
        count(input, output, cached, 0);
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "chatcmpl-fake");
        r.put("object", "chat.completion");
        r.put("created", 1_700_000_000L);
        r.put("model", body.path("model").asText());
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", answer.toString());
        message.putNull("refusal");
        choice.put("finish_reason", "stop");
        ObjectNode usage = r.putObject("usage");
        usage.put("prompt_tokens", input);
        usage.put("completion_tokens", output);
        usage.put("total_tokens", input + output);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cached);
        return r;
    }

    private ObjectNode anthropicAnswer(JsonNode body) {
        JsonNode block = body.path("system").path(0);
        String system = block.path("text").asText();
        String user = body.path("messages").get(body.path("messages").size() - 1).path("content").asText();
        JsonNode tool = body.path("tools").path(0);
        JsonNode answer = answer(body.path("tool_choice").path("name").asText(), user, tool.path("input_schema"));
        long prefix = tokens(system);
        long total = tokens(system + user + tool.path("input_schema").toString());
        long read = 0;
        long write = 0;
        if (block.has("cache_control")) {
            if (promptCache.add("anthropic\n" + system)) {
                write = prefix;
            } else {
                read = prefix;
            }
        }
        long output = tokens(answer.toString());
        count(total, output, read, write);
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "msg_fake");
        r.put("type", "message");
        r.put("role", "assistant");
        r.put("model", body.path("model").asText());
        ObjectNode use = r.putArray("content").addObject();
        use.put("type", "tool_use");
        use.put("id", "toolu_fake");
        use.put("name", tool.path("name").asText());
        use.set("input", answer);
        r.put("stop_reason", "tool_use");
        ObjectNode usage = r.putObject("usage");
        usage.put("input_tokens", total - read - write);
        usage.put("output_tokens", output);
        usage.put("cache_creation_input_tokens", write);
        usage.put("cache_read_input_tokens", read);
        return r;
    }

    private void count(long input, long output, long cached, long written) {
        if (!current()) {
            return;
        }
        inputTokens.addAndGet(input);
        outputTokens.addAndGet(output);
        cachedTokens.addAndGet(cached);
        cacheWriteTokens.addAndGet(written);
    }

    /** @return an answer object with one property per item id the schema requires */
    private JsonNode answer(String name, String user, JsonNode schema) {
        EnrichmentKind kind = EnrichmentKind.of(name.replace('_', '-'));
        JsonNode items;
        try {
            items = JSON.readTree(user.substring(user.indexOf('{'))).path("items");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode out = JSON.createObjectNode();
        for (JsonNode id : schema.path("required")) {
            JsonNode context = items.path(id.asText());
            JsonNode a = rules.answer(kind, context).deepCopy();
            if (kind == EnrichmentKind.ENTITY_DOCS) {
                ((ObjectNode) a).put("description", "Fake LLM: " + a.path("description").asText());
            }
            out.set(id.asText(), mutator.apply(context, a));
        }
        return out;
    }

    private static ObjectNode error(boolean anthropic, String type, String message) {
        ObjectNode e = JSON.createObjectNode();
        if (anthropic) {
            e.put("type", "error");
            e.putObject("error").put("type", type).put("message", message);
        } else {
            e.putObject("error").put("message", message).put("type", type).putNull("code");
        }
        return e;
    }

    private static long tokens(String text) {
        return (text.length() + 3) / 4;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
