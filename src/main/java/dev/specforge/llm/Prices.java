package dev.specforge.llm;

/**
 * Token prices, in USD per million tokens, with the prompt-cache multipliers applied to the input price
 * ({@code specforge.llm.price.*}). Defaults per provider come from the providers' published price lists for the
 * default models (OpenAI gpt-4o-mini: 0.15 / 0.60, cached input x0.5; Anthropic Claude Sonnet 4.5: 3.00 / 15.00,
 * cache read x0.1, cache write x1.25); set them for the model you use.
 *
 * @param inputPerMTok          USD per million uncached input tokens
 * @param outputPerMTok         USD per million output tokens
 * @param cacheReadMultiplier   factor on the input price for tokens read from the prompt cache
 * @param cacheWriteMultiplier  factor on the input price for tokens written to the prompt cache
 */
public record Prices(double inputPerMTok, double outputPerMTok, double cacheReadMultiplier,
                     double cacheWriteMultiplier) {

    /** Free (the offline provider). */
    public static final Prices FREE = new Prices(0, 0, 0, 0);

    /**
     * @param u token usage
     * @return its cost in USD
     */
    public double costUsd(Usage u) {
        long plain = Math.max(0, u.inputTokens() - u.cachedInputTokens() - u.cacheWriteTokens());
        return (plain * inputPerMTok
                + u.cachedInputTokens() * inputPerMTok * cacheReadMultiplier
                + u.cacheWriteTokens() * inputPerMTok * cacheWriteMultiplier
                + u.outputTokens() * outputPerMTok) / 1_000_000d;
    }
}
