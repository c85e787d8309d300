package dev.specforge.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.observe.SpecforgeMetrics;
import dev.specforge.plan.PlanException;
import dev.specforge.spec.SpecException;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The Dead Letter Channel of {@code direct:generate} and its sub-routes ({@code routes/dead-letter.camel.yaml}): a
 * failed spec goes to the dead letter with {@code <spec name>.error.json}, a cancelled one is only counted, and a
 * spec from the file inbox interrupted by a shutdown stays in the inbox. The stage in the report is the
 * {@link SpecRun}'s {@link Stage} ({@code receive} when the run was not created yet).
 */
public final class DeadLetterSteps {

    /** Exchange property: redeliveries of a transient fault so far (set by {@link #countRedelivery}). */
    static final String REDELIVERIES = "specforgeRedeliveries";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSteps.class);
    /** Exchange property: the original spec as {@link #keepOriginal} kept it. */
    private static final String KEPT = "specforgeDeadLetterSpec";

    private final SpecforgeMetrics metrics;

    /** @param metrics the spec meters ({@code specforge_specs_total} by outcome) */
    public DeadLetterSteps(SpecforgeMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The {@code onRedelivery} processor of the transient-fault handler (bean {@code countRedelivery}): keeps the
     * redelivery number in the {@value #REDELIVERIES} property, which survives {@code useOriginalMessage}.
     *
     * @param exchange the exchange about to be redelivered (header {@code CamelRedeliveryCounter} set)
     */
    public static void countRedelivery(Exchange exchange) {
        exchange.setProperty(REDELIVERIES, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0,
                Integer.class));
    }

    /**
     * First step: whether the spec failed only because specforge is shutting down, and came from the file inbox.
     * Such a spec is left where it is, to be generated on the next start, instead of being dead-lettered for a fault
     * that is not its own. A spec problem (invalid spec, rejected project) is dead-lettered even during a shutdown.
     *
     * @param exchange the failed exchange
     * @return {@code true} to leave the spec in the inbox
     */
    public boolean interruptedByShutdown(Exchange exchange) {
        boolean stopping = exchange.getContext().isStopping() || exchange.getContext().isStopped();
        return stopping && inboxFile(exchange) != null && !isSpecProblem(rootSpecificCause(caught(exchange)));
    }

    /**
     * Logs a spec left in the inbox by a shutdown ({@link #interruptedByShutdown}) and counts it as
     * {@code interrupted}.
     *
     * @param exchange the failed exchange
     */
    public void leaveInInbox(Exchange exchange) {
        metrics.ended("interrupted", exchange.getClock().elapsed());
        LOG.warn("{}: interrupted by the shutdown at {}; left in the inbox for the next start",
                SpecNames.specName(exchange), stage(exchange));
    }

    /**
     * First step after the shutdown check, before the message changes: keeps what the dead letter needs later, read
     * from the original message while it is still the original: the spec's safe name, its body and, for a spec from
     * the local file inbox, the inbox file to remove at the end. The report is written before the spec
     * ({@link #errorReport}, then {@link #deadLetterOriginal}), and the report replaces the body and
     * {@code CamelFileName}; what the later steps read comes from here, never from the message as it is then (an
     * inbox file recognised from a body that was already replaced would never leave the inbox, and be dead-lettered
     * again on every poll).
     *
     * @param exchange the failed exchange, carrying the original message
     */
    public void keepOriginal(Exchange exchange) {
        File local = inboxFile(exchange);
        exchange.setProperty(KEPT, new Kept(SpecNames.specName(exchange), exchange.getMessage().getBody(),
                local == null ? null : local.getAbsolutePath()));
    }

    /**
     * Puts the kept original spec ({@link #keepOriginal}) back as the body, named by the spec's name, so the
     * dead-letter producer writes the spec's own bytes (a {@code GenericFile} or {@link File} is copied, a stream
     * cache is read again from its start).
     *
     * @param exchange the failed exchange, after its error report was written
     */
    public void deadLetterOriginal(Exchange exchange) {
        Kept kept = kept(exchange);
        if (kept.body() instanceof StreamCache cache) {
            cache.reset();
        }
        exchange.getMessage().setBody(kept.body());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, kept.name());
    }

    /**
     * Last step: a spec from the file inbox leaves it once its report and copy are in the dead letter (so a failure
     * on the way leaves it in the inbox, never nowhere).
     *
     * @param exchange the failed exchange
     * @throws IOException when the inbox file cannot be deleted (it is then generated again on the next poll)
     */
    public void removeFromInbox(Exchange exchange) throws IOException {
        String path = kept(exchange).inboxFile();
        if (path != null) {
            Files.deleteIfExists(Path.of(path));
        }
    }

    /**
     * The error report. Out: JSON with {@code spec}, {@code stage} ({@link Stage#wire()}: parse, enrich, render,
     * validate, deliver, or receive), {@code error} (exception type), {@code message}, {@code location} (JSON pointer
     * or line/column when known), {@code time} (UTC, ISO-8601), {@code attempts} (1 plus the redeliveries of a
     * transient fault) and, when validation rejected the project, the run's {@code report}; named
     * {@code <spec name>.error.json}. Counts the spec as {@code failed}.
     *
     * @param exchange the failed exchange
     * @throws JsonProcessingException never in practice (serialising plain records)
     */
    public void errorReport(Exchange exchange) throws JsonProcessingException {
        Throwable error = caught(exchange);
        Throwable cause = rootSpecificCause(error);
        String name = kept(exchange).name();
        String stage = stage(exchange);
        ObjectNode out = ReportJson.MAPPER.createObjectNode();
        out.put("spec", name);
        out.put("stage", stage);
        out.put("error", cause == null ? "unknown" : cause.getClass().getSimpleName());
        if (cause instanceof SpecException se) {
            out.put("message", se.problem());
            if (se.location() != null) {
                out.put("location", se.location());
            }
        } else {
            out.put("message", cause == null ? "unknown error" : String.valueOf(cause.getMessage()));
        }
        out.put("time", Instant.now().toString());
        out.put("attempts", 1 + exchange.getProperty(REDELIVERIES, 0, Integer.class));
        if (cause instanceof GenerationFailedException gf) {
            out.set("report", ReportJson.MAPPER.valueToTree(gf.report()));
        }
        metrics.ended("failed", exchange.getClock().elapsed());
        if (!isSpecProblem(cause)) {
            LOG.error("{}: failed at {} with an unexpected error -> dead letter", name, stage, error);
        } else {
            LOG.warn("{}: failed at {}: {} -> dead letter", name, stage, out.get("message").asText());
        }
        exchange.getMessage().setHeader(Exchange.FILE_NAME, name + ".error.json");
        exchange.getMessage().setBody(ReportJson.MAPPER.writeValueAsString(out));
    }

    /**
     * A cancelled run: nothing goes to the dead letter (the caller asked for it), the cancellation is logged and
     * counted as {@code cancelled}.
     *
     * @param exchange the cancelled exchange
     */
    public void cancelled(Exchange exchange) {
        metrics.ended("cancelled", exchange.getClock().elapsed());
        LOG.info("{}: cancelled at {}", SpecNames.specName(exchange), stage(exchange));
    }

    /** @return the failed run's stage on the wire, {@code receive} when no run was created */
    private static String stage(Exchange exchange) {
        SpecRun run = exchange.getProperty(SpecRun.PROPERTY, SpecRun.class);
        return (run == null ? Stage.RECEIVE : run.stage()).wire();
    }

    /**
     * @return the local file the inbox route consumed (the original message's body is a {@code GenericFile} over a
     *         {@link File}), else {@code null}: other triggers, and remote inboxes (ftp, sftp), whose consumers
     *         need their own {@code moveFailed}
     */
    private static File inboxFile(Exchange exchange) {
        if (!"inbox".equals(exchange.getProperty(EsbHeaders.TRIGGER, String.class))) {
            return null;
        }
        return exchange.getMessage().getBody() instanceof GenericFile<?> g && g.getFile() instanceof File f ? f : null;
    }

    private static Kept kept(Exchange exchange) {
        Kept kept = exchange.getProperty(KEPT, Kept.class);
        if (kept == null) {
            throw new IllegalStateException("keepOriginal must run first in the dead-letter route");
        }
        return kept;
    }

    /**
     * The original spec as the dead letter received it.
     *
     * @param name      the spec's safe file name
     * @param body      the original body (String, byte[], stream cache, File or the inbox's GenericFile)
     * @param inboxFile the absolute path of the local inbox file it came from, else {@code null}
     */
    private record Kept(String name, Object body, String inboxFile) {
    }

    private static Throwable caught(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error == null ? exchange.getException() : error;
    }

    /** @return whether the failure is about the spec or its generated files (expected), not a specforge fault */
    private static boolean isSpecProblem(Throwable t) {
        return t instanceof SpecException || t instanceof GenerationFailedException || t instanceof PlanException;
    }

    /** @return the first spec problem in the cause chain, else {@code t} itself */
    private static Throwable rootSpecificCause(Throwable t) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (isSpecProblem(cur)) {
                return cur;
            }
        }
        return t;
    }
}
