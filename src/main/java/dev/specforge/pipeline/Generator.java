package dev.specforge.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specforge.assemble.GeneratedFile;
import dev.specforge.assemble.RunReport;
import dev.specforge.assemble.ZipAssembler;
import dev.specforge.cache.Digest;
import dev.specforge.cache.FileResultCache;
import dev.specforge.llm.Enricher;
import dev.specforge.llm.Enrichments;
import dev.specforge.plan.FileTask;
import dev.specforge.plan.Planner;
import dev.specforge.plan.StackManifest;
import dev.specforge.plan.StackRegistry;
import dev.specforge.io.InvisibleCharacters;
import dev.specforge.render.RenderException;
import dev.specforge.render.TemplateModels;
import dev.specforge.render.TemplateRenderer;
import dev.specforge.render.ValidationRules;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecBundle;
import dev.specforge.spec.SpecException;
import dev.specforge.spec.SpecReader;
import dev.specforge.validate.FileCheck;
import dev.specforge.validate.FileValidator;
import dev.specforge.validate.ValidationPolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The generation core as plain Java, one method per pipeline {@link Stage}; the Camel routes call these through
 * {@link GenerateSteps} and {@link EnrichSteps}. Stateless apart from its collaborators, which are thread-safe: one
 * instance serves every spec in flight.
 */
public final class Generator {

    private final SpecReader reader;
    private final StackRegistry stacks;
    private final Planner planner;
    private final TemplateRenderer renderer;
    private final FileValidator validator;
    private final ValidationPolicy policy;
    private final ZipAssembler assembler;
    private final String defaultStack;
    private final int renderThreads;
    private final Enricher enricher;
    private final FileResultCache fileCache;
    private final Cache<String, Parsed> parsed;
    private final String settings;

    /** A parsed spec and the size of its source, the parsed-spec cache's weight. */
    private record Parsed(ProjectModel model, int sourceBytes) {
    }

    /**
     * @param reader        spec reader
     * @param stacks        installed stacks
     * @param renderer      template renderer over the same templates root
     * @param policy        project-level acceptance rule
     * @param defaultStack  stack for specs that name none ({@code specforge.stack.default})
     * @param renderThreads size of the render pool, reported in each run report
     * @param enricher      the enrichment stage
     * @param caches        the per-file result cache and the parsed-spec cache's bound
     * @param validator     the per-file checks (with the external checkers found: node, gofmt)
     */
    public Generator(SpecReader reader, StackRegistry stacks, TemplateRenderer renderer, ValidationPolicy policy,
                     String defaultStack, int renderThreads, Enricher enricher, Caches caches,
                     FileValidator validator) {
        this.reader = reader;
        this.stacks = stacks;
        this.planner = new Planner();
        this.renderer = renderer;
        this.validator = validator;
        this.policy = policy;
        this.assembler = new ZipAssembler();
        this.defaultStack = defaultStack;
        this.renderThreads = renderThreads;
        this.enricher = enricher;
        this.fileCache = caches.files();
        this.parsed = Caffeine.newBuilder()
                .maximumWeight(caches.parsedMaxBytes())
                .<String, Parsed>weigher((key, p) -> p.sourceBytes())
                .build();
        this.settings = caches.settings();
    }

    /**
     * The caches of the generation core.
     *
     * @param files          the per-file result cache, or {@code null} for none
     * @param parsedMaxBytes the parsed-spec cache's bound: the total size of the specs whose models it keeps, in
     *                       bytes ({@code specforge.cache.parsed-max-bytes}); 0 keeps none
     * @param settings       every setting that changes a spec's output but is not in the spec or the stack (LLM
     *                       provider and model, project defaults, validation ratio), as one string; part of every
     *                       result key
     */
    public record Caches(FileResultCache files, long parsedMaxBytes, String settings) {
    }

    /** @return the enrichment stage */
    public Enricher enricher() {
        return enricher;
    }

    /**
     * @param bytes a spec's size as declared before reading it
     * @throws SpecException when it is over {@code specforge.spec.max-bytes}
     */
    public void checkDeclaredSize(long bytes) {
        reader.checkDeclaredSize(bytes);
    }

    /**
     * Parse the spec and plan its files: the {@link Stage#PARSE} stage. The parsed model is cached by the spec's
     * content ({@code specforge.cache.parsed-max-bytes}).
     *
     * @param run           the run, created when parsing started; planned on return (stage {@link Stage#ENRICH})
     * @param content       the spec bytes
     * @param stackOverride a stack that wins over the spec's own {@code stack:}, or {@code null}
     * @throws SpecException when the spec is invalid or names a stack that is not installed
     * @throws dev.specforge.plan.PlanException when the stack's manifest is broken or paths clash
     */
    public void plan(SpecRun run, byte[] content, String stackOverride) {
        String specName = run.specName();
        // a zip of JSON Schemas without a root is named after its file: then the name is part of what was read
        String contentHash = SpecBundle.isZip(content) ? Digest.sha256().add(content).add(specName).hex()
                : Digest.of(content);
        ProjectModel model = parsed.get(contentHash, k -> new Parsed(reader.read(content, specName), content.length))
                .model();
        String stackName = stackOverride != null ? stackOverride : model.stack() != null ? model.stack() : defaultStack;
        if (!stacks.exists(stackName)) {
            throw new SpecException(model.stack() != null && stackOverride == null ? "/stack" : null,
                    "unknown stack '" + stackName + "'; installed stacks: " + String.join(", ", stacks.names()));
        }
        StackManifest stack = stacks.manifest(stackName);
        List<FileTask> tasks = planner.plan(model, stack);
        String resultKey = Digest.sha256().add(ENGINE).add(settings).add(validator.tools()).add(contentHash)
                .add(stack.name())
                .add(stack.version()).add(stacks.stackDigest(stack.name())).hex();
        run.planned(model, stack, tasks, enricher.start(model, stack, tasks), resultKey);
    }

    /**
     * The version of the code that turns models into files: a digest of specforge's own jar when it runs from one,
     * else its build version. Part of every cache key, so a new specforge build never reuses an older one's files.
     */
    static final String ENGINE = engine();

    private static String engine() {
        try {
            java.net.URL jar = Generator.class.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(jar.toURI());
            if (java.nio.file.Files.isRegularFile(path)) {
                return Digest.of(java.nio.file.Files.readAllBytes(path));
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // fall back to the version
        }
        String version = Generator.class.getPackage().getImplementationVersion();
        return "specforge-" + (version == null ? "dev" : version);
    }

    /**
     * Dry run: parse, plan and estimate the enrichment; nothing is called or written.
     *
     * @param content       the spec bytes
     * @param specName      the spec's file name
     * @param stackOverride a stack that wins over the spec's own, or {@code null}
     * @return the plan
     * @throws SpecException as {@link #plan}
     */
    public DryRunPlan dryRun(byte[] content, String specName, String stackOverride) {
        SpecRun run = new SpecRun(specName);
        plan(run, content, stackOverride);
        List<DryRunPlan.File> files = run.tasks().stream()
                .map(t -> new DryRunPlan.File(t.path(), t.template(), t.critical(), t.enrich(),
                        run.enrichment().itemIds(t).size()))
                .toList();
        return new DryRunPlan(specName, run.model().project().name(), run.stack().name(),
                run.model().format().id(), run.model().source().detectedBy(),
                run.model().source().inlineTypes(), files.size(), files,
                enricher.estimate(run.enrichment()), run.model().warnings());
    }

    /**
     * End of the {@link Stage#ENRICH} stage: the enrichment answers are in; builds the template model that every
     * file of the spec reads.
     *
     * @param run     the spec's run
     * @param answers the answers of every planned item
     */
    public void enriched(SpecRun run, Enrichments answers) {
        run.enriched(answers, TemplateModels.base(run.model(), run.stack(), answers));
    }

    /**
     * {@link Stage#RENDER} for one file: render it, unless the per-file result cache holds it ({@link #fileKey}):
     * a cached file comes back as stored, already checked ({@code cached} set). Never throws for a template
     * problem: a failed render comes back as an invalid file (check {@code render}) so the validation policy can
     * judge the whole project; such files are never cached.
     *
     * @param run  the spec's run
     * @param task one of its tasks
     * @return the rendered file, not yet checked (check {@code pending}), or the cached one
     */
    public GeneratedFile render(SpecRun run, FileTask task) {
        run.renderStarted();
        String key = fileCache == null ? null : fileKey(run, task);
        try {
            FileResultCache.Entry hit = key == null ? null : fileCache.get(key);
            if (hit != null) {
                return new GeneratedFile(task, hit.content(), hit.check(), hit.valid(), hit.problem(), key, true,
                        hit.hidden());
            }
            // spec and LLM text reach the file as data; what no reader can see leaves it here (Trojan Source)
            InvisibleCharacters.Result rendered = InvisibleCharacters.strip(
                    renderer.render(task.template(), TemplateModels.forTask(run.templateModel(), task)));
            return new GeneratedFile(task, rendered.content(), "pending", false, null, key, false, rendered.removed());
        } catch (RenderException e) {
            return new GeneratedFile(task, null, "render", false, e.getMessage(), null, false, 0);
        } finally {
            run.renderFinished();
        }
    }

    /**
     * {@link Stage#RENDER}, second half, for one file: check it by type (see {@link FileValidator}) and store it
     * in the per-file result cache.
     *
     * @param file a file from {@link #render}
     * @return the same file with its check's outcome; a file that failed to render is returned unchanged
     */
    public GeneratedFile validate(GeneratedFile file) {
        if (file.content() == null || file.cached()) {
            return file;
        }
        FileCheck check = validator.check(file.task().path(), file.content());
        if (file.cacheKey() != null) {
            fileCache.put(file.cacheKey(), new FileResultCache.Entry(file.content(), check.kind(), check.valid(),
                    check.problem(), file.hidden()));
        }
        return new GeneratedFile(file.task(), file.content(), check.kind(), check.valid(), check.problem(),
                file.cacheKey(), false, file.hidden());
    }

    /**
     * A file's key in the per-file result cache: SHA-256 over the engine version, the external checkers in use
     * ({@link FileValidator#tools}), the stack's name and version, the template's source
     * ({@link StackRegistry#templateDigest}) and the data slice the template reads
     * ({@link TemplateModels.Base#sliceDigest}: the enrichment answers it uses are part of that slice).
     *
     * @param run   a spec's run, enriched
     * @param task  one of its files
     * @return 64 hex characters
     */
    String fileKey(SpecRun run, FileTask task) {
        return Digest.sha256().add(ENGINE).add(validator.tools()).add(run.stack().name()).add(run.stack().version())
                .add(stacks.templateDigest(task.template())).add(run.templateModel().sliceDigest(task)).hex();
    }

    /**
     * {@link Stage#VALIDATE}: judge the files, then write the zip.
     *
     * @param run   the spec's run
     * @param files the generated files, in any order (one per task)
     * @param zip   where to write the zip
     * @return the report ({@code status: ok})
     * @throws GenerationFailedException when the validation policy rejects the project (the report says why)
     * @throws IOException               when the zip cannot be written
     */
    public RunReport assemble(SpecRun run, List<GeneratedFile> files, Path zip) throws IOException {
        List<GeneratedFile> sorted = files.stream().sorted(GeneratedFile.BY_PATH).toList();
        String verdict = policy.verdict(sorted.stream()
                .map(f -> new ValidationPolicy.Outcome(f.task().path(), f.task().critical(), f.valid(), f.problem()))
                .toList());
        if (verdict != null) {
            throw new GenerationFailedException(verdict, report(run, sorted, "failed"));
        }
        assembler.write(zip, run.model().project().name(), sorted);
        return report(run, sorted, "ok");
    }

    private RunReport report(SpecRun run, List<GeneratedFile> files, String status) {
        int valid = (int) files.stream().filter(GeneratedFile::valid).count();
        int critical = (int) files.stream().filter(f -> f.task().critical()).count();
        long bytes = files.stream().mapToLong(GeneratedFile::bytes).sum();
        Enrichments answers = run.enrichments();
        List<RunReport.FileRow> rows = files.stream()
                .map(f -> new RunReport.FileRow(f.task().path(), f.task().template(),
                        f.cached() ? "cache" : source(run, answers, f),
                        f.check(), f.valid(), f.task().critical(), f.bytes(), f.problem()))
                .toList();
        int llmFiles = (int) files.stream().map(f -> source(run, answers, f))
                .filter(src -> src.equals("llm") || src.equals("llm-cache")).count();
        return new RunReport(status, run.specName(), run.model().project().name(), run.stack().name(),
                run.model().format().id(), run.model().source().detectedBy(),
                run.model().source().inlineTypes(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startNanos()),
                renderThreads,
                run.peakConcurrency(), new RunReport.Counts(files.size(), valid, files.size() - valid, critical, bytes),
                run.enrichment().ledger().summary(rows.size() - llmFiles, llmFiles), rows, warnings(run, files),
                ValidationRules.enforcedSuggestions(run.model(), answers));
    }

    /**
     * The model's warnings, one per file whose prose lost invisible or control characters, and one when JavaScript
     * files could not be checked (no node).
     */
    private static List<String> warnings(SpecRun run, List<GeneratedFile> files) {
        List<String> all = new java.util.ArrayList<>(run.model().warnings());
        for (GeneratedFile f : files) {
            if (f.hidden() > 0) {
                all.add(f.task().path() + ": " + f.hidden() + " invisible or control characters from the spec or"
                        + " the LLM removed (bidirectional controls, zero-width or other format characters, control"
                        + " characters: text that displays differently from what it is; CVE-2021-42574)");
            }
        }
        long unchecked = files.stream().filter(f -> "javascript-unchecked".equals(f.check())).count();
        if (unchecked > 0) {
            all.add(unchecked + " JavaScript files were not syntax-checked: node is not on the PATH"
                    + " (set specforge.validate.node to its path)");
        }
        return all;
    }

    private static String source(SpecRun run, Enrichments answers, GeneratedFile f) {
        List<String> ids = run.enrichment().itemIds(f.task());
        if (ids.isEmpty()) {
            return "template";
        }
        return Enrichments.fileSource(ids.stream().map(answers.answers()::get).filter(java.util.Objects::nonNull)
                .toList());
    }
}
