package dev.specforge.llm;

import dev.specforge.plan.EnrichmentKind;
import dev.specforge.render.TemplateRenderer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system prompt of every stack and kind is the stable prefix both providers cache, and they cache nothing under
 * 1,024 tokens (OpenAI guide "Prompt caching"; Anthropic "Prompt caching", Claude Sonnet 4.5). Rendered by the real
 * renderer from the real {@code templates/}.
 */
class PromptPrefixTest {

    /**
     * 4,800 characters: 1,200 tokens at 4 characters a token, the fake server's count; English prose runs at about
     * 4 to 4.5 characters a token with OpenAI's o200k tokenizer, so this keeps the real count above 1,024 too.
     */
    static final int MIN_CHARS = 4_800;

    @Test
    void should_give_every_stack_and_kind_a_byte_stable_system_prompt_long_enough_to_be_cached() throws Exception {
        TemplateRenderer renderer = new TemplateRenderer(Path.of("templates"));
        List<Path> prompts;
        try (Stream<Path> s = Files.walk(Path.of("templates"))) {
            prompts = s.filter(p -> p.getNameCount() == 4 && p.getName(2).toString().equals("prompts")
                    && p.toString().endsWith(".ftl")).sorted().toList();
        }
        assertThat(prompts).hasSizeGreaterThanOrEqualTo(8);
        for (Path p : prompts) {
            String stack = p.getParent().getParent().getFileName().toString();
            EnrichmentKind kind = EnrichmentKind.of(p.getFileName().toString().replace(".ftl", ""));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("kind", kind.id());
            model.put("tool", kind.toolName());
            model.put("rules", kind.rules());
            model.put("stack", stack);
            String template = stack + "/prompts/" + kind.id() + ".ftl";
            String first = new String(renderer.render(template, model), StandardCharsets.UTF_8);
            String again = new String(renderer.render(template, new LinkedHashMap<>(model)), StandardCharsets.UTF_8);
            assertThat(again).as(template).isEqualTo(first);
            assertThat(first.length()).as(template + " characters").isGreaterThanOrEqualTo(MIN_CHARS);
            assertThat(first).as(template).contains(kind.rules()).doesNotContain("${");
        }
    }
}
