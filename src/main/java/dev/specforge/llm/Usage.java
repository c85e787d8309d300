package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Token usage of one or more calls, normalised across providers.
 *
 * @param inputTokens       every input token, at any rate (OpenAI {@code usage.prompt_tokens}; Anthropic
 *                          {@code input_tokens + cache_read_input_tokens + cache_creation_input_tokens})
 * @param outputTokens      output tokens (OpenAI {@code completion_tokens}, Anthropic {@code output_tokens})
 * @param cachedInputTokens input tokens read from the provider's prompt cache (OpenAI
 *                          {@code prompt_tokens_details.cached_tokens}, Anthropic {@code cache_read_input_tokens})
 * @param cacheWriteTokens  input tokens written to the prompt cache (Anthropic {@code cache_creation_input_tokens};
 *                          OpenAI reports none)
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens, long cacheWriteTokens) {

    /** No tokens. */
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    /**
     * @param other more usage
     * @return the sum
     */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedInputTokens + other.cachedInputTokens, cacheWriteTokens + other.cacheWriteTokens);
    }

    /**
     * Reads the {@code usage} object of a Chat Completions response (OpenAI API reference, "The chat completion
     * object").
     *
     * @param usage the {@code usage} node, may be missing
     * @return the usage
     */
    public static Usage ofOpenAi(JsonNode usage) {
        return new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0), 0);
    }

    /**
     * Reads the {@code usage} object of a Messages response (Anthropic API reference, "Messages"; prompt caching:
     * {@code input_tokens} excludes the cache read and cache creation tokens).
     *
     * @param usage the {@code usage} node, may be missing
     * @return the usage
     */
    public static Usage ofAnthropic(JsonNode usage) {
        long read = usage.path("cache_read_input_tokens").asLong(0);
        long write = usage.path("cache_creation_input_tokens").asLong(0);
        return new Usage(usage.path("input_tokens").asLong(0) + read + write, usage.path("output_tokens").asLong(0),
                read, write);
    }
}
