package dev.specforge.render;

import dev.specforge.plan.StackRegistry;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders stack templates with FreeMarker: one {@link Configuration} for the process, every template parsed once
 * and cached (the cache never re-checks the disk), UTF-8 in and out.
 *
 * <p>Safety: {@code ?new} can instantiate nothing ({@link TemplateClassResolver#ALLOWS_NOTHING_RESOLVER}), {@code ?api}
 * is off, templates load only from the templates root, and spec text reaches templates only as data values (a
 * {@code ${...}} inside a description is printed, never evaluated). Template names come from stack manifests,
 * never from a spec, a header or LLM output. Thread-safe.
 */
public final class TemplateRenderer {

    private final Configuration cfg;

    /**
     * @param templatesRoot the folder holding one sub-folder per stack
     * @throws UncheckedIOException when the folder cannot be read
     */
    public TemplateRenderer(Path templatesRoot) {
        this(new StackRegistry(templatesRoot));
    }

    /**
     * @param stacks the installed stacks: a template {@code <stack>/<path>} is read from that stack's folder (the
     *               first template root that has the stack, which may be inside the jar)
     */
    public TemplateRenderer(StackRegistry stacks) {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new StackTemplateLoader(stacks));
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setLocalizedLookup(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    /**
     * @param template a template name relative to the templates root, e.g. {@code camel-service/pom.xml.ftl}
     * @param model    the data model: maps, lists, strings, numbers and booleans only
     * @return the rendered text, UTF-8 encoded
     * @throws RenderException when the template is missing, does not parse, or fails while rendering; the message
     *                         names the template, line and column
     */
    public byte[] render(String template, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(template);
            StringWriter out = new StringWriter(4096);
            t.process(model, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TemplateException e) {
            throw new RenderException(template + " line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + withoutTips(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new RenderException(template + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads and parses a template without rendering it (FreeMarker caches it for later renders).
     *
     * @param template a template name relative to the templates root
     * @throws RenderException when the template is missing or does not parse
     */
    public void check(String template) {
        try {
            cfg.getTemplate(template);
        } catch (IOException e) {
            throw new RenderException(template + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads {@code <stack>/<path>} from the stack's folder through {@link StackRegistry#templateFile} (which refuses
     * names that leave the folder). Works on any {@link Path}, including a folder inside the jar.
     */
    private record StackTemplateLoader(StackRegistry stacks) implements freemarker.cache.TemplateLoader {

        @Override
        public Object findTemplateSource(String name) {
            return stacks.templateFile(name).filter(java.nio.file.Files::isRegularFile).orElse(null);
        }

        @Override
        public long getLastModified(Object source) {
            return -1; // never re-read: templates are parsed once per process
        }

        @Override
        public java.io.Reader getReader(Object source, String encoding) throws IOException {
            return java.nio.file.Files.newBufferedReader((Path) source, java.nio.charset.Charset.forName(encoding));
        }

        @Override
        public void closeTemplateSource(Object source) {
            // nothing held open: each reader is closed by FreeMarker
        }
    }

    /** FreeMarker appends "Tip:" paragraphs between "----" lines; the report keeps the problem only. */
    private static String withoutTips(String message) {
        int tip = message.indexOf("\n----");
        return (tip < 0 ? message : message.substring(0, tip)).replace('\n', ' ').strip();
    }
}
