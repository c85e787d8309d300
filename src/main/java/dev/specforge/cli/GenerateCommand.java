package dev.specforge.cli;

import dev.specforge.assemble.RunReport;
import dev.specforge.io.DisplayText;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.pipeline.RunTracker;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code specforge generate SPEC... [-o DIR] [--dry-run]}: runs each spec through the same routes as the daemon
 * ({@code direct:generate}) with the inbox and the HTTP server switched off, writes {@code <base>.zip} and
 * {@code <base>.report.json} into DIR (failures into DIR/failed), shows each spec's progress ({@link CliProgress}: a
 * bar on a terminal, plain lines otherwise), prints one result line per spec and a closing {@link Summary}, and
 * exits 0 when every spec succeeded, 1 otherwise, and 2 on a usage error, found before Camel starts and told in one
 * line each (a missing, unreadable or folder SPEC; an unknown option, see {@link SpecforgeCommand#execute}). With
 * {@code --dry-run} it prints each spec's plan as JSON instead ({@code direct:dry-run}: files, enrichment items,
 * calls after expected cache hits and batching, estimated tokens, cost and duration) and calls no LLM and writes
 * nothing. Spec paths and error messages are printed with control characters escaped ({@link DisplayText}), so a
 * file name or a spec cannot send a terminal escape or break a result line.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate project zips from spec files, then exit (0: all succeeded, 1: some failed).")
public final class GenerateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Spec files: native specforge spec, OpenAPI 3, Swagger 2.0, JSON Schema, or a .zip of a multi-file spec.")
    List<Path> specs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Folder for the zips and reports; failures go to DIR/failed (default: the configured "
                    + "specforge.outbox.dir, in the home or ~/.specforge).")
    Path output;

    @Option(names = {"-v", "--verbose"}, description = "Log at INFO to stderr (default: warnings and errors only).")
    boolean verbose;

    @ParentCommand
    SpecforgeCommand parent;

    @Option(names = {"-s", "--stack"}, paramLabel = "STACK",
            description = "Stack to generate with, overriding each spec's own 'stack:' (installed: see GET /api/stacks or templates/).")
    String stack;

    @Option(names = "--dry-run", description = "Print each spec's plan and LLM cost estimate as JSON; call no LLM, write nothing.")
    boolean dryRun;

    @Spec
    CommandSpec command;

    /**
     * @return 0 when every spec produced a zip, 1 when any failed or was missing
     * @throws Exception when Camel fails to start
     */
    @Override
    public Integer call() throws Exception {
        List<String> unusable = unusable(specs);
        if (!unusable.isEmpty()) {
            PrintWriter err = command.commandLine().getErr();
            unusable.forEach(line -> err.println("specforge generate: " + DisplayText.escape(line)));
            err.flush();
            return 2;
        }
        SpecforgeHome home = parent.home();
        Logs.level(verbose);
        PrintWriter out = new PrintWriter(System.out, true);
        Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                "specforge.inbox.enabled", "false",
                "camel.server.enabled", "false",
                "camel.management.enabled", "false",
                // nothing scrapes a one-shot run's Camel meters; without them no race re-registers Camel's
                // camel.exchanges.last.timestamp gauge (Micrometer's "Gauge already registered" warning)
                "camel.metrics.enable-exchange-event-notifier", "false",
                "camel.main.routes-exclude-pattern", "**/http.camel.yaml",
                "specforge.progress.log-interval-ms", "0"));
        if (output != null) {
            Path dir = output.toAbsolutePath().normalize();
            overrides.put("specforge.outbox.dir", dir.toString());
            overrides.put("specforge.deadletter.dir", dir.resolve("failed").toString());
            overrides.put("specforge.work.dir", dir.resolve(".work").toString());
        }
        Main main = SpecforgeMain.create(home, overrides);
        main.start();
        Path deadLetter = folder(main, "specforge.deadletter.dir");
        Path work = folder(main, "specforge.work.dir");
        int failed = 0;
        Summary summary = new Summary();
        boolean terminal = System.console() != null;
        try {
            CamelContext context = main.getCamelContext();
            ProducerTemplate template = context.createProducerTemplate();
            RunTracker runs = context.getRegistry().lookupByNameAndType("runs", RunTracker.class);
            for (Path spec : specs) {
                long start = System.nanoTime();
                if (dryRun) {
                    Exchange plan = send(template, "direct:dry-run", spec, stack);
                    if (plan.isFailed()) {
                        failed++;
                        out.printf("%s: FAILED: %s%n", DisplayText.escape(spec.toString()),
                                DisplayText.escape(plan.getException().getMessage()));
                    } else {
                        out.println(plan.getMessage().getBody(String.class));
                    }
                    continue;
                }
                Exchange result = generate(template, runs, spec, stack, CliProgress.of(spec.getFileName().toString(),
                        terminal, out));
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (result.isFailed()) {
                    failed++;
                    summary.failed();
                    Throwable e = result.getException();
                    out.printf("%s: FAILED: %s (%d ms; error report in %s)%n", DisplayText.escape(spec.toString()),
                            DisplayText.escape(e == null ? "unknown" : e.getMessage()), ms,
                            DisplayText.escape(deadLetter.toString()));
                } else {
                    summary.succeeded(result.getProperty(EsbHeaders.REPORT, RunReport.class));
                    out.printf("%s: ok, %s files, %s valid, %d ms -> %s%n", DisplayText.escape(spec.toString()),
                            result.getMessage().getHeader(EsbHeaders.HEADER_FILES),
                            result.getMessage().getHeader(EsbHeaders.HEADER_VALID), ms,
                            DisplayText.escape(String.valueOf(result.getMessage().getBody(File.class))));
                }
            }
        } finally {
            main.stop();
            deleteIfEmpty(work);
        }
        if (!dryRun) {
            summary.print(out);
        }
        return failed == 0 ? 0 : 1;
    }

    /**
     * The usage errors found before Camel starts (a one-shot run boots in seconds; a typo should not cost that).
     *
     * @param specs the SPEC arguments
     * @return one line per argument that is not a readable file: missing, a folder (with how to pass its specs), or
     *         unreadable; empty when every argument can be read
     */
    static List<String> unusable(List<Path> specs) {
        List<String> lines = new java.util.ArrayList<>();
        for (Path spec : specs) {
            if (Files.isDirectory(spec)) {
                lines.add(spec + ": is a folder; pass the spec files in it, e.g. " + spec.resolve("*.yaml"));
            } else if (!Files.exists(spec)) {
                lines.add(spec + ": no such file");
            } else if (!Files.isRegularFile(spec) || !Files.isReadable(spec)) {
                lines.add(spec + ": cannot be read (not a regular file, or no read permission)");
            }
        }
        return lines;
    }

    /**
     * Sends one spec to {@code direct:generate} and shows its progress (polled from the run tracker every 100 ms)
     * until it is done.
     */
    private static Exchange generate(ProducerTemplate template, RunTracker runs, Path spec, String stack,
                                     CliProgress progress)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        String runId = "cli-" + java.util.UUID.randomUUID();
        java.util.concurrent.CompletableFuture<Exchange> done = template.asyncSend("direct:generate", ex -> {
            ex.getMessage().setBody(spec.toFile());
            ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, spec.getFileName().toString());
            ex.getMessage().setHeader(EsbHeaders.HEADER_RUN_ID, runId);
            if (stack != null) {
                ex.getMessage().setHeader(EsbHeaders.HEADER_STACK, stack);
            }
        });
        try (progress) {
            while (true) {
                try {
                    return done.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    runs.progress(runId).ifPresent(progress::update);
                }
            }
        }
    }

    /** @return the exchange after sending the spec file, named by its file name, to {@code endpoint} */
    private static Exchange send(ProducerTemplate template, String endpoint, Path spec, String stack) {
        return template.send(endpoint, ex -> {
            ex.getMessage().setBody(spec.toFile());
            ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, spec.getFileName().toString());
            if (stack != null) {
                ex.getMessage().setHeader(EsbHeaders.HEADER_STACK, stack);
            }
        });
    }

    /** @return the configured folder {@code key}, absolute (as Camel's properties resolve it, overrides included) */
    private static Path folder(Main main, String key) {
        return Path.of(main.getCamelContext().getPropertiesComponent().resolveProperty(key).orElseThrow())
                .toAbsolutePath().normalize();
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (java.io.IOException notEmptyOrBusy) {
            // left for the next run: it only ever holds zips being assembled
        }
    }
}
