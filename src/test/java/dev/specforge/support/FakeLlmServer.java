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
 * A fake LLM server on 127.0.0.1 (random port) that speaks the real wire formats and keeps the real APIs' documented
 * rules, so that it does not agree with specforge by construction:
 * <ul>
 *   <li>OpenAI Chat Completions, {@code POST /v1/chat/completions}: reads {@code response_format.json_schema},
 *       answers {@code choices[0].message.content} with {@code usage.prompt_tokens},
 *       {@code completion_tokens} and {@code prompt_tokens_details.cached_tokens};</li>
 *   <li>Anthropic Messages, {@code POST /v1/messages}: reads the forced tool's ({@code tool_choice.name})
 *       {@code input_schema}, answers with a {@code tool_use} block and {@code usage.input_tokens},
 *       {@code output_tokens}, {@code cache_creation_input_tokens} and {@code cache_read_input_tokens}.</li>
 * </ul>
 * <b>Strict schemas.</b> Every request's schema (OpenAI: {@code response_format.json_schema.schema}; Anthropic: every
 * tool's {@code input_schema}, whether or not {@code strict} is set) is checked against the provider's strict
 * subset ({@link StrictSubset}); outside it, the request is answered 400 with the provider's error envelope
 * (OpenAI {@code invalid_request_error}/{@code invalid_json_schema} on {@code response_format}; Anthropic
 * {@code invalid_request_error} with {@code tools.N.input_schema: ...}), recorded, and counted
 * ({@link #schemaRefused()}, {@link #schemaRefusals()}).
 *
 * <p><b>Prompt caching.</b> Tokens are counted as characters / 4. OpenAI ("Prompt caching" guide): caching is
 * automatic on an exact prefix of the prompt, modelled as the schema JSON as sent (it "serves as a prefix to the
 * system message") followed by the messages' text; {@code cached_tokens} is the longest prefix seen in an earlier
 * request, at a 128-token boundary (512 characters) from 1,024 tokens on, else 0. Anthropic ("Prompt caching"): the
 * cached prefix is the tools array JSON as sent plus the system blocks' text up to and including the last block
 * marked {@code cache_control} (else the tools, when a tool is marked); at 1,024 tokens or more it is written the
 * first time it is seen ({@code cache_creation_input_tokens}) and read afterwards ({@code cache_read_input_tokens});
 * shorter marked prefixes are not cached. {@code input_tokens} is the uncached remainder. (Not modelled: cache
 * expiry, Anthropic's model-dependent minimums of 2,048/4,096 tokens, breakpoints in messages, and the 20-block
 * lookback.)
 *
 * <p><b>Answers.</b> By default from the offline provider's rules on the item contexts the request carries (entity
 * descriptions get a {@code "Fake LLM: "} prefix so tests can see where text came from), optionally changed by a
 * test's mutator; with {@link #answerMinimal(boolean)}, the minimal instance of the request's own schema
 * ({@link SchemaInstances#minimal}). It has latency, a token-bucket rpm limit answering 429 with
 * {@code retry-after} and {@code retry-after-ms}, and 5xx injection. Every request is recorded.
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
    private final AtomicInteger schemaRefused = new AtomicInteger();
    private final List<String> schemaRefusals = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean answerMinimal;
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
     * {@code inputTokens}, {@code outputTokens}, {@code cachedTokens}, {@code cacheWriteTokens},
     * {@code schemaRefused} (400 for a schema outside the strict subset).
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
            s.put("schemaRefused", schemaRefused());
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
        schemaRefused.set(0);
        schemaRefusals.clear();
        answerMinimal = false;
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

    /**
     * @param on answer every request with {@link SchemaInstances#minimal} of the request's own schema (OpenAI:
     *           {@code response_format.json_schema.schema}; Anthropic: the forced tool's {@code input_schema}),
     *           ignoring the item contexts; the mutator still sees each root property whose name is an item id of
     *           the request. {@link #reset} turns it off.
     */
    public void answerMinimal(boolean on) {
        answerMinimal = on;
    }

    /** @return requests refused 400 because their schema leaves the provider's strict subset */
    public int schemaRefused() {
        return schemaRefused.get();
    }

    /** @return the error messages of those refusals, in order */
    public List<String> schemaRefusals() {
        synchronized (schemaRefusals) {
            return List.copyOf(schemaRefusals);
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
        try { // not try-with-resources: its catch blocks would run after the exchange is closed
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
            ObjectNode refusal = schemaRefusal(anthropic, body);
            if (refusal != null) {
                if (current()) {
                    schemaRefused.incrementAndGet();
                    schemaRefusals.add(refusal.path("error").path("message").asText());
                }
                record(ex, headers, body, 400);
                send(ex, 400, refusal);
                return;
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
        } finally {
            ex.close();
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
        String user = body.path("messages").get(body.path("messages").size() - 1).path("content").asText();
        JsonNode js = body.path("response_format").path("json_schema");
        JsonNode answer = answer(js.path("name").asText(), user, js.path("schema"));
        // the prompt as cached: the schema (a prefix to the system message), then the messages in order
        StringBuilder prompt = new StringBuilder(js.has("schema") ? js.get("schema").toString() : "");
        body.path("messages").forEach(m -> prompt.append(text(m.path("content"))));
        long input = tokens(prompt.toString());
        List<String> boundaries = boundaryHashes("openai", prompt.toString());
        long cached = 0;
        synchronized (promptCache) {
            for (int i = boundaries.size() - 1; i >= 0; i--) {
                if (promptCache.contains(boundaries.get(i))) {
                    cached = (MIN_CACHED_CHARS + (long) STEP_CHARS * i) / 4;
                    break;
                }
            }
        }
        promptCache.addAll(boundaries);
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
        String user = text(body.path("messages").get(body.path("messages").size() - 1).path("content"));
        JsonNode tool = forcedTool(body);
        JsonNode answer = answer(body.path("tool_choice").path("name").asText(), user, tool.path("input_schema"));
        // the cache covers tools, then system, then messages, up to and including the block marked cache_control
        String tools = body.has("tools") ? body.get("tools").toString() : "";
        JsonNode system = body.path("system");
        StringBuilder all = new StringBuilder(tools);
        String prefix = null;
        if (system.isTextual()) {
            all.append(system.asText());
        } else {
            for (JsonNode block : system) {
                all.append(block.path("text").asText());
                if (block.has("cache_control")) {
                    prefix = all.toString();
                }
            }
        }
        if (prefix == null) {
            for (JsonNode t : body.path("tools")) {
                if (t.has("cache_control")) {
                    prefix = tools;
                }
            }
        }
        body.path("messages").forEach(m -> all.append(text(m.path("content"))));
        long total = tokens(all.toString());
        long read = 0;
        long write = 0;
        if (prefix != null && tokens(prefix) >= MIN_CACHED_CHARS / 4) {
            if (promptCache.add("anthropic\n" + String.join("", boundaryHashes("anthropic", prefix, prefix.length())))) {
                write = tokens(prefix);
            } else {
                read = tokens(prefix);
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

    /**
     * @return minimal mode: the schema's minimal instance; else an answer object with one property per item id the
     *         schema requires, from the offline provider's rules
     */
    private JsonNode answer(String name, String user, JsonNode schema) {
        if (answerMinimal) {
            JsonNode minimal = SchemaInstances.minimal(schema);
            JsonNode items;
            try {
                items = JSON.readTree(user.substring(user.indexOf('{'))).path("items");
            } catch (IOException | RuntimeException e) {
                items = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            if (minimal instanceof ObjectNode o) {
                for (String id : List.copyOf(iterable(o.fieldNames()))) {
                    if (items.has(id)) {
                        o.set(id, mutator.apply(items.get(id), o.get(id)));
                    }
                }
            }
            return minimal;
        }
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

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** @return the tool that {@code tool_choice} forces, else the first tool */
    private static JsonNode forcedTool(JsonNode body) {
        String name = body.path("tool_choice").path("name").asText(null);
        for (JsonNode t : body.path("tools")) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        return body.path("tools").path(0);
    }

    /** @return a message's or block's text: a string, or the {@code text} of its content blocks */
    private static String text(JsonNode content) {
        if (content.isArray()) {
            StringBuilder b = new StringBuilder();
            content.forEach(c -> b.append(c.path("text").asText()));
            return b.toString();
        }
        return content.asText();
    }

    /**
     * @return the 400 answer when the request's schema leaves the provider's strict subset ({@link StrictSubset}),
     *         with the provider's error envelope; null when it is inside
     */
    private static ObjectNode schemaRefusal(boolean anthropic, JsonNode body) {
        if (anthropic) {
            List<JsonNode> schemas = new ArrayList<>();
            body.path("tools").forEach(t -> schemas.add(t.path("input_schema")));
            if (schemas.isEmpty()) {
                return null;
            }
            Map<Integer, List<String>> v = StrictSubset.anthropicRequest(schemas);
            if (v.isEmpty()) {
                return null;
            }
            Map.Entry<Integer, List<String>> first = v.entrySet().stream().filter(e -> e.getKey() >= 0).findFirst()
                    .orElse(v.entrySet().iterator().next());
            String where = first.getKey() < 0 ? "tools" : "tools." + first.getKey() + ".input_schema";
            ObjectNode e = JSON.createObjectNode();
            e.put("type", "error");
            e.putObject("error").put("type", "invalid_request_error")
                    .put("message", where + ": " + String.join("; ", first.getValue()));
            return e;
        }
        JsonNode js = body.path("response_format").path("json_schema");
        if (!js.has("schema")) {
            return null;
        }
        List<String> v = StrictSubset.violations(StrictSubset.Provider.OPENAI, js.get("schema"));
        if (v.isEmpty()) {
            return null;
        }
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error")
                .put("message", "Invalid schema for response_format '" + js.path("name").asText() + "': "
                        + String.join("; ", v))
                .put("type", "invalid_request_error")
                .put("param", "response_format")
                .put("code", "invalid_json_schema");
        return e;
    }

    /** OpenAI caches prefixes of 1,024 tokens and more (4 characters a token), in steps of 128 tokens. */
    private static final int MIN_CACHED_CHARS = 1024 * 4;
    private static final int STEP_CHARS = 128 * 4;

    /** @return hashes of the prefixes of {@code text} at each 128-token boundary from 1,024 tokens on */
    private static List<String> boundaryHashes(String provider, String text) {
        return boundaryHashes(provider, text, -1);
    }

    /**
     * @param only -1: every boundary; else the hash of the prefix of that many characters only
     * @return SHA-256 hashes of prefixes of {@code text} (its UTF-16 units, so no character is lost when a boundary
     *         splits a surrogate pair)
     */
    private static List<String> boundaryHashes(String provider, String text, int only) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update((provider + "\n").getBytes(StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        int done = 0;
        int k = only >= 0 ? only : MIN_CACHED_CHARS;
        for (; k <= text.length(); k += only >= 0 ? Integer.MAX_VALUE / 2 : STEP_CHARS) {
            byte[] units = new byte[2 * (k - done)];
            for (int i = done; i < k; i++) {
                units[2 * (i - done)] = (byte) (text.charAt(i) >> 8);
                units[2 * (i - done) + 1] = (byte) text.charAt(i);
            }
            md.update(units);
            done = k;
            try {
                out.add(provider + ":" + java.util.HexFormat.of().formatHex(
                        ((java.security.MessageDigest) md.clone()).digest()));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
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
