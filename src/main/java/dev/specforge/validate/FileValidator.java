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
import java.util.Locale;

/**
 * Checks generated files by type (seed 004, strict validation): Java is parsed with JavaParser at language level
 * Java 17, JSON strictly with Jackson (no trailing tokens), YAML with Jackson/SnakeYAML (all documents), XML for
 * well-formedness with DTDs and external entities disabled. Other files are not checked. Thread-safe.
 */
public final class FileValidator {

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final DocumentBuilderFactory xml;

    /**
     * @throws IllegalStateException when the JDK's XML parser cannot be made secure (DTDs off)
     */
    public FileValidator() {
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
        return FileCheck.ok("none");
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
