package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.plan.EnrichmentKind;

import java.util.List;
import java.util.Map;

/**
 * The answers of one spec's enrichment, read-only, for the template model and the report.
 *
 * @param answers answers by item id ({@link EnrichmentItem#id(EnrichmentKind, String, String)})
 */
public record Enrichments(Map<String, Answer> answers) {

    /** Nothing enriched. */
    public static final Enrichments NONE = new Enrichments(Map.of());

    /** Where an answer came from; a file's {@code source} in the report is derived from these. */
    public enum Source {
        /** a fresh answer from the LLM, paid for by this spec */
        LLM,
        /** an answer from the L1 or L2 cache (or from an identical request another spec had in flight) */
        CACHE,
        /** the offline provider, configured as the provider */
        OFFLINE,
        /** the offline provider, after the LLM failed (invalid answers, errors, circuit breaker open, deadline) */
        FALLBACK
    }

    /**
     * @param value  the answer, valid against the kind's schema and {@link AnswerCheck}
     * @param source where it came from
     */
    public record Answer(JsonNode value, Source source) {
    }

    public Enrichments {
        answers = Map.copyOf(answers);
    }

    /**
     * @param kind   a kind
     * @param entity an entity name
     * @param field  a field name, or {@code null} for per-entity kinds
     * @return the answer, or {@code null} when the item was not planned
     */
    public Answer get(EnrichmentKind kind, String entity, String field) {
        return answers.get(EnrichmentItem.id(kind, entity, field));
    }

    /**
     * A file's source: {@code fallback} if any answer it reads fell back, else {@code llm} if any is fresh, else
     * {@code llm-cache} if any came from an answer cache, else {@code template}.
     *
     * @param read the answers a file reads
     * @return {@code template}, {@code llm}, {@code llm-cache} or {@code fallback}
     */
    public static String fileSource(List<Answer> read) {
        boolean llm = false;
        boolean cache = false;
        for (Answer a : read) {
            switch (a.source()) {
                case FALLBACK -> {
                    return "fallback";
                }
                case LLM -> llm = true;
                case CACHE -> cache = true;
                default -> {
                }
            }
        }
        return llm ? "llm" : cache ? "llm-cache" : "template";
    }
}
