package dev.specforge.llm;

import java.util.Map;

/**
 * Renders a stack's prompt template ({@code templates/<stack>/prompts/<kind>.ftl}) into the stable system prompt of
 * an enrichment kind. The renderer of the {@code render} package implements it ({@code TemplateRenderer::render},
 * wired in {@code config}), so the enrichment can use the one hardened FreeMarker configuration without depending
 * on the package that reads its answers (the package layering, {@code docs/architecture.md}).
 */
@FunctionalInterface
public interface PromptRenderer {

    /**
     * @param template the template's path under the templates folder, e.g. {@code camel-service/prompts/entity-docs.ftl}
     * @param model    the data the template reads: {@code kind}, {@code tool}, {@code rules} (the kind's answer
     *                 rules and worked examples, {@code EnrichmentKind.rules()}) and {@code stack}
     * @return the rendered prompt, UTF-8 bytes
     * @throws RuntimeException when the template is missing, does not parse or fails while rendering (the renderer's
     *                          own unchecked exception, {@code RenderException})
     */
    byte[] render(String template, Map<String, Object> model);
}
