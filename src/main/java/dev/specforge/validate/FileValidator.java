package dev.specforge.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Checks generated files by type (seed 004, strict validation): Java is parsed with JavaParser at language level
 * Java 17, JSON strictly with Jackson (no trailing tokens), YAML with Jackson/SnakeYAML (all documents), XML for
 * well-formedness with DTDs and external entities disabled. JavaScript ({@code .js}, {@code .cjs}, {@code .mjs}) is
 * parsed by node as {@code node --check} would, in long-lived node processes ({@link NodeChecker}), when node is
 * available (check {@code javascript}); without node it is not checked
 * (check {@code javascript-unchecked}, which the run report turns into a warning). Go gets a structural check (a
 * package clause first, balanced brackets outside comments, strings and runes: {@link GoStructure}) and, when gofmt
 * is available, {@code gofmt -l} (check {@code go+gofmt}): a syntax error or a file gofmt would change fails it.
 * Other files are not checked. Thread-safe.
 */
public final class FileValidator implements AutoCloseable {

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final DocumentBuilderFactory xml;
    private final NodeChecker node;
    private final ExternalCheck gofmt;
    private final String tools;

    /**
     * A validator without external checkers: JavaScript is not checked and Go gets the structural check only.
     *
     * @throws IllegalStateException when the JDK's XML parser cannot be made secure (DTDs off)
     */
    public FileValidator() {
        this(null, null);
    }

    /**
     * @param node  {@code node} ({@code specforge.validate.node}), or {@code null} when it is off or not found
     * @param gofmt {@code gofmt} ({@code specforge.validate.gofmt}), or {@code null} when it is off or not found
     * @throws IllegalStateException when the JDK's XML parser cannot be made secure (DTDs off)
     */
    public FileValidator(ExternalCheck node, ExternalCheck gofmt) {
        this.node = node == null ? null : new NodeChecker(node.executable(),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), node.timeoutMs());
        this.gofmt = gofmt;
        this.tools = "node=" + (node == null ? "none" : node.executable() + " " + node.ask("--version"))
                + ";gofmt=" + (gofmt == null ? "none" : gofmt.executable().toString());
        xml = DocumentBuilderFactory.newInstance();
        try {
            xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            xml.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks secure processing", e);
        }
        xml.setXIncludeAware(false);
        xml.setExpandEntityReferences(false);
        xml.setNamespaceAware(true);
    }

    /**
     * @param path    the file's path in the project (its extension or name selects the check)
     * @param content the file's bytes, UTF-8
     * @return the check's outcome
     */
    public FileCheck check(String path, byte[] content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".java")) {
            return java(content);
        }
        if (name.endsWith(".json")) {
            return json(content);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return yaml(content);
        }
        if (name.endsWith(".xml")) {
            return xml(content);
        }
        if (name.endsWith(".js") || name.endsWith(".cjs") || name.endsWith(".mjs")) {
            return javascript(name, content);
        }
        if (name.endsWith(".go")) {
            return go(content);
        }
        return FileCheck.ok("none");
    }

    /**
     * @return which external checkers this validator uses (program path and node's version), so that a file checked
     *         without node is not taken from the cache as checked once node is there; part of file cache keys
     */
    public String tools() {
        return tools;
    }

    /** Stops the node processes of the JavaScript check, if any were started. */
    @Override
    public void close() {
        if (node != null) {
            node.close();
        }
    }

    /** @return whether JavaScript files are parsed ({@code node} found) */
    public boolean checksJavaScript() {
        return node != null;
    }

    /** @return whether Go files also go through {@code gofmt -l} */
    public boolean checksGofmt() {
        return gofmt != null;
    }

    /** An ES module: a line that starts with an import or export declaration (CommonJS otherwise). */
    private static final java.util.regex.Pattern ESM = java.util.regex.Pattern.compile(
            "(?m)^(import\\s*[\\w{*'\"]|export\\s)");

    private FileCheck javascript(String name, byte[] content) {
        if (node == null) {
            return FileCheck.ok("javascript-unchecked");
        }
        boolean module = name.endsWith(".mjs")
                || (!name.endsWith(".cjs") && ESM.matcher(new String(content, StandardCharsets.UTF_8)).find());
        try {
            NodeChecker.Result r = node.check(new String(content, StandardCharsets.UTF_8), module);
            if (r.ok()) {
                return FileCheck.ok("javascript");
            }
            return FileCheck.failed("javascript", (r.line() > 0 ? "line " + r.line() + ": " : "") + r.message());
        } catch (IOException e) {
            return FileCheck.failed("javascript", "node: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FileCheck.failed("javascript", "interrupted while waiting for node");
        }
    }

    /** A gofmt error line, e.g. {@code <standard input>:2:15: expected '}', found 'EOF'}. */
    private static final java.util.regex.Pattern GO_ERROR = java.util.regex.Pattern.compile(
            "<standard input>:(\\d+):(\\d+): (.*)");

    private FileCheck go(byte[] content) {
        String structure = GoStructure.problem(new String(content, StandardCharsets.UTF_8));
        if (structure != null) {
            return FileCheck.failed("go", structure);
        }
        if (gofmt == null) {
            return FileCheck.ok("go");
        }
        try {
            ExternalCheck.Result r = gofmt.run(List.of("-l"), content);
            java.util.regex.Matcher error = GO_ERROR.matcher(r.output());
            if (error.find()) {
                return FileCheck.failed("go+gofmt", "line " + error.group(1) + ", column " + error.group(2) + ": "
                        + error.group(3));
            }
            if (r.exitCode() != 0) {
                return FileCheck.failed("go+gofmt", "gofmt exited with " + r.exitCode() + ": " + r.output().strip());
            }
            if (!r.output().isBlank()) {
                return FileCheck.failed("go+gofmt", "not gofmt-formatted (gofmt -l lists it)");
            }
            return FileCheck.ok("go+gofmt");
        } catch (IOException e) {
            return FileCheck.failed("go+gofmt", "gofmt: " + e.getMessage());
        }
    }

    private FileCheck java(byte[] content) {
        ParserConfiguration cfg = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setStoreTokens(false)
                .setAttributeComments(false);
        ParseResult<CompilationUnit> r = new JavaParser(cfg).parse(new String(content, StandardCharsets.UTF_8));
        if (r.isSuccessful()) {
            return FileCheck.ok("java");
        }
        Problem p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
        return FileCheck.failed("java", p == null ? "does not parse as Java 17" : p.getVerboseMessage());
    }

    private FileCheck json(byte[] content) {
        try {
            json.readTree(content);
            return FileCheck.ok("json");
        } catch (JsonProcessingException e) {
            return FileCheck.failed("json", located(e));
        } catch (IOException e) {
            return FileCheck.failed("json", e.getMessage());
        }
    }

    private FileCheck yaml(byte[] content) {
        try (MappingIterator<Object> docs = yaml.readerFor(Object.class).readValues(content)) {
            while (docs.hasNextValue()) {
                docs.nextValue();
            }
            return FileCheck.ok("yaml");
        } catch (JsonProcessingException e) {
            return FileCheck.failed("yaml", located(e));
        } catch (IOException | RuntimeException e) {
            return FileCheck.failed("yaml", String.valueOf(e.getMessage()));
        }
    }

    private FileCheck xml(byte[] content) {
        try {
            DocumentBuilder b;
            synchronized (xml) {
                b = xml.newDocumentBuilder();
            }
            b.setErrorHandler(null);
            b.parse(new ByteArrayInputStream(content));
            return FileCheck.ok("xml");
        } catch (SAXParseException e) {
            return FileCheck.failed("xml", "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage());
        } catch (Exception e) {
            return FileCheck.failed("xml", e.getMessage());
        }
    }

    private static String located(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return e.getOriginalMessage();
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                + e.getOriginalMessage();
    }
}
