package dev.specforge.pipeline;

import dev.specforge.assemble.GeneratedFile;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * The Splitter's Aggregator: collects each part's {@link GeneratedFile} into one list, O(1) per part (Camel calls
 * {@code aggregate} under a lock, one part at a time, so the list needs no synchronisation). The result's body is
 * a {@code List<GeneratedFile>} in completion order; the assembler sorts it. An exception in a part is propagated.
 */
public final class GeneratedFilesAggregationStrategy implements AggregationStrategy {

    /**
     * @param collected the exchange holding the list so far, {@code null} for the first part
     * @param part      a finished part whose body is a {@link GeneratedFile}
     * @return the exchange holding the list (the first part's exchange)
     */
    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange collected, Exchange part) {
        if (collected == null) {
            List<GeneratedFile> files = new ArrayList<>();
            addTo(files, part);
            part.getMessage().setBody(files);
            return part;
        }
        if (part.getException() != null) {
            collected.setException(part.getException());
            return collected;
        }
        addTo((List<GeneratedFile>) collected.getMessage().getBody(), part);
        return collected;
    }

    private static void addTo(List<GeneratedFile> files, Exchange part) {
        GeneratedFile f = part.getMessage().getBody(GeneratedFile.class);
        if (f != null) {
            files.add(f);
        }
    }
}
