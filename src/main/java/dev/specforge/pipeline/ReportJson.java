package dev.specforge.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.specforge.io.HiddenJsonEscapes;

/**
 * The one JSON mapper of the pipeline's outputs: the run report ({@code <base>.report.json}, also kept in the result
 * store), the dry-run plan and the dead letter's {@code error.json}. Indented, {@code null} fields left out, and
 * invisible and control characters of the spec's names and texts as {@code \}{@code uXXXX} escapes
 * ({@link HiddenJsonEscapes}), so printing the JSON on a terminal shows them instead of obeying them (issue 23).
 * Thread-safe once built.
 */
final class ReportJson {

    /** The mapper; configured once, never changed afterwards. */
    static final ObjectMapper MAPPER = HiddenJsonEscapes.install(new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL));

    private ReportJson() {
    }
}
