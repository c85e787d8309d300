package dev.specforge.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The LLM providers ({@code specforge.llm.provider}) and their wire formats.
 * <ul>
 *   <li>{@link #OFFLINE}: no calls; {@link OfflineProvider} answers.</li>
 *   <li>{@link #OPENAI}: Chat Completions, {@code POST {base-url}/chat/completions}, structured output with
 *       {@code response_format: {type: json_schema, json_schema: {name, schema, strict: true}}} (OpenAI API
 *       reference, "Create chat completion"; guide "Structured Outputs"). Prompt caching is automatic for a
 *       byte-stable prefix of 1,024 tokens or more (guide "Prompt caching").</li>
 *   <li>{@link #ANTHROPIC}: Messages, {@code POST {base-url}/v1/messages}, forced strict tool use with
 *       {@code tools: [{name, input_schema, strict: true}]} and {@code tool_choice: {type: tool, name}} (Anthropic
 *       docs "Tool use" and "Structured outputs": strict tool use guarantees schema-valid input, on Claude Sonnet 4.5,
 *       Opus 4.5, Haiku 4.5 and later models); the system block carries {@code cache_control: {type: ephemeral}}
 *       ("Prompt caching": the cached prefix is tools, then system, up to the marked block, and is cached from 1,024
 *       tokens on Sonnet 4.5; API version header {@code anthropic-version: 2023-06-01}).</li>
 * </ul>
 */
public enum Provider {

    OFFLINE("", "offline", "", Prices.FREE),
    OPENAI("https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY", new Prices(0.15, 0.60, 0.5, 1.0)),
    ANTHROPIC("https://api.anthropic.com", "claude-sonnet-4-5", "ANTHROPIC_API_KEY",
            new Prices(3.00, 15.00, 0.1, 1.25));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String defaultBaseUrl;
    private final String defaultModel;
    private final String keyVariable;
    private final Prices defaultPrices;

    Provider(String defaultBaseUrl, String defaultModel, String keyVariable, Prices defaultPrices) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.keyVariable = keyVariable;
        this.defaultPrices = defaultPrices;
    }

    /**
     * @param name {@code offline}, {@code openai} or {@code anthropic} (case-insensitive)
     * @return the provider
     * @throws IllegalArgumentException naming the known providers
     */
    public static Provider of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("specforge.llm.provider '" + name
                    + "' is not one of offline, openai, anthropic", e);
        }
    }

    /** @return the lower-case id, as configured and reported */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the public API's base URL, used when {@code specforge.llm.base-url} is empty */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** @return the model used when {@code specforge.llm.model} is empty */
    public String defaultModel() {
        return defaultModel;
    }

    /** @return the environment variable the API key defaults from ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}) */
    public String keyVariable() {
        return keyVariable;
    }

    /** @return prices used when {@code specforge.llm.price.*} are empty */
    public Prices defaultPrices() {
        return defaultPrices;
    }

    /** @return the path appended to the base URL */
    public String path() {
        return this == ANTHROPIC ? "/v1/messages" : "/chat/completions";
    }

    /**
     * @param apiKey the key, may be empty (for compatible servers that need none)
     * @return the HTTP headers of a call (the key is never logged)
     */
    public Map<String, String> headers(String apiKey) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        if (this == ANTHROPIC) {
            h.put("anthropic-version", "2023-06-01");
            if (!apiKey.isEmpty()) {
                h.put("x-api-key", apiKey);
            }
        } else if (!apiKey.isEmpty()) {
            h.put("Authorization", "Bearer " + apiKey);
        }
        return h;
    }

    /**
     * Builds a request body.
     *
     * @param model      the model
     * @param maxTokens  the output token limit
     * @param system     the stable prefix: instructions, the answer schema and examples (byte-stable per kind)
     * @param user       the variable part: the items and their contexts, and any validation errors to fix
     * @param name       the schema / tool name, {@code [a-z_]+}
     * @param schema     the answer schema (strict, closed)
     * @return the JSON body
     */
    public ObjectNode request(String model, int maxTokens, String system, String user, String name, JsonNode schema) {
        ObjectNode r = JSON.createObjectNode();
        r.put("model", model);
        if (this == ANTHROPIC) {
            r.put("max_tokens", maxTokens);
            ArrayNode sys = r.putArray("system");
            ObjectNode block = sys.addObject();
            block.put("type", "text");
            block.put("text", system);
            block.putObject("cache_control").put("type", "ephemeral");
            r.putArray("messages").addObject().put("role", "user").put("content", user);
            ObjectNode tool = r.putArray("tools").addObject();
            tool.put("name", name);
            tool.put("description", "Record the answer for every item.");
            tool.set("input_schema", schema);
            tool.put("strict", true);
            r.putObject("tool_choice").put("type", "tool").put("name", name);
        } else {
            r.put("max_completion_tokens", maxTokens);
            ArrayNode messages = r.putArray("messages");
            messages.addObject().put("role", "system").put("content", system);
            messages.addObject().put("role", "user").put("content", user);
            ObjectNode format = r.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode js = format.putObject("json_schema");
            js.put("name", name);
            js.set("schema", schema);
            js.put("strict", true);
        }
        return r;
    }

    /**
     * Reads a successful (HTTP 200) response.
     *
     * @param body the response body
     * @return the answer object and the usage
     * @throws AnswerFormatException when the response holds no usable answer (refusal, truncated output, no tool
     *                               call, content that is not a JSON object); usage is kept on the exception
     */
    public Reply parse(JsonNode body) {
        if (this == ANTHROPIC) {
            Usage usage = Usage.ofAnthropic(body.path("usage"));
            if ("max_tokens".equals(body.path("stop_reason").asText())) {
                throw new AnswerFormatException("the answer was cut off at max_tokens (raise specforge.llm.max-tokens "
                        + "or lower specforge.llm.batch-size)", usage);
            }
            for (JsonNode block : body.path("content")) {
                if ("tool_use".equals(block.path("type").asText()) && block.path("input").isObject()) {
                    return new Reply(block.path("input"), usage);
                }
            }
            throw new AnswerFormatException("the response has no tool_use block", usage);
        }
        Usage usage = Usage.ofOpenAi(body.path("usage"));
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.hasNonNull("refusal")) {
            throw new AnswerFormatException("the model refused: " + message.path("refusal").asText(), usage);
        }
        if ("length".equals(choice.path("finish_reason").asText())) {
            throw new AnswerFormatException("the answer was cut off at max_tokens (raise specforge.llm.max-tokens "
                    + "or lower specforge.llm.batch-size)", usage);
        }
        try {
            JsonNode answer = JSON.readTree(message.path("content").asText(""));
            if (answer == null || !answer.isObject()) {
                throw new AnswerFormatException("the message content is not a JSON object", usage);
            }
            return new Reply(answer, usage);
        } catch (JsonProcessingException e) {
            throw new AnswerFormatException("the message content is not JSON: " + e.getOriginalMessage(), usage);
        }
    }

    /**
     * A parsed response.
     *
     * @param answer the answer object (item id to item answer)
     * @param usage  the call's token usage
     */
    public record Reply(JsonNode answer, Usage usage) {
    }

    /** A 200 response without a usable answer; retried like an invalid answer. */
    public static final class AnswerFormatException extends RuntimeException {
        private final transient Usage usage;

        AnswerFormatException(String message, Usage usage) {
            super(message);
            this.usage = usage;
        }

        /** @return the tokens the failed call still cost */
        public Usage usage() {
            return usage;
        }
    }
}
