package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.JavaCompilation;
import dev.specforge.support.SpecforgeTestSupport;
import dev.specforge.support.Zips;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents as real publishers write them, which specforge refused before (src/test/resources/specs/shapes): JSON
 * with escapes a YAML parser refuses, JSON Schemas without {@code $schema} recognised by their shape (JSON and YAML:
 * a protocol message, a vendor SDK's request body, a schema that is only definitions), and a zip of eight schemas
 * that refer to each other without a root. Each is dropped into the inbox of the real Camel Main; each must give a
 * project with the expected types whose Java compiles, and the report must say which rule recognised it.
 */
class DocumentShapesTest extends SpecforgeTestSupport {

    private static final Path SHAPES = Path.of("src/test/resources/specs/shapes");

    /**
     * One document.
     *
     * @param file       its file name in {@code specs/shapes}
     * @param format     the report's {@code format}
     * @param detectedBy the report's {@code detectedBy}
     * @param project    the project's name
     * @param types      the model types generated (file names under {@code model/}, without {@code .java})
     */
    private record Shape(String file, String format, String detectedBy, String project, List<String> types) {
    }

    private static final List<Shape> SHAPES_EXPECTED = List.of(
            new Shape("escapes.openapi.json", "openapi", "openapi", "licenses-escapes", List.of("License")),
            new Shape("BootNotificationRequest.json", "json_schema", "type: object with properties",
                    "boot-notification-request", List.of("BootNotificationRequest")),
            new Shape("StatusNotificationRequest.json", "json_schema", "definitions", "status-notification-request",
                    List.of("ConnectorStatusEnumType", "CustomDataType", "StatusNotificationRequest")),
            new Shape("create-order-request.yaml", "json_schema", "type: object with properties", "json-schema",
                    List.of("Root", "RootItemsItem", "RootItemsItemOptionsItem", "RootShipping",
                            "RootShippingAddress", "RootShippingMethod")),
            new Shape("definitions-only.yaml", "json_schema", "definitions", "json-schema",
                    List.of("Coordinates", "Place", "PlaceKind")),
            new Shape("webhook-event.json", "json_schema", "title with properties", "webhook-event",
                    List.of("WebhookEvent", "WebhookEventData")),
            new Shape("shape-allof.yaml", "json_schema", "allOf", "update-profile-request",
                    List.of("UpdateProfileRequest")),
            new Shape("shape-oneof.json", "json_schema", "oneOf", "notification",
                    List.of("Notification", "NotificationEmailNotification", "NotificationSmsNotification")),
            new Shape("shape-enum.json", "json_schema", "enum", "weekday", List.of("Weekday")),
            new Shape("shape-array.json", "json_schema", "type: array with items", "readings",
                    List.of("ReadingsItem")));

    @Test
    void should_generate_compiling_projects_from_the_shapes_real_publishers_use() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Shape shape : SHAPES_EXPECTED) {
            dropAndAwait(SHAPES.resolve(shape.file()), shape.file());
            sources.putAll(assertProject(shape));
        }
        assertThat(JavaCompilation.errors(sources, work.resolve("classes"))).isEmpty();
    }

    @Test
    void should_generate_one_compiling_project_from_a_zip_of_schemas_without_a_root() throws Exception {
        Path zip = work.resolve("shop-schemas.zip");
        Zips.tree(SHAPES.resolve("schema-set"), zip);
        dropAndAwait(zip, "shop-schemas.zip");
        Map<String, String> sources = assertProject(new Shape("shop-schemas.zip", "json_schema", "schema set",
                "shop-schemas", List.of("Address", "CountryCode", "Currency", "CustomData", "Customer", "Money",
                "Order", "OrderLine", "OrderStatus", "Payment", "PaymentMethod", "PaymentMethodBankTransfer",
                "PaymentMethodCard", "Product")));
        assertThat(JavaCompilation.errors(sources, work.resolve("classes"))).isEmpty();
        assertThat(Files.readString(outbox.resolve("shop-schemas.report.json")))
                .contains("a set of 8 JSON Schemas without a root");
    }

    /** @return the project's Java sources, after checking its report and its model types */
    private Map<String, String> assertProject(Shape shape) throws Exception {
        String base = shape.file().substring(0, shape.file().lastIndexOf('.'));
        assertThat(deadLetter.resolve(shape.file() + ".error.json")).as(shape.file() + ": no error report")
                .doesNotExist();
        JsonNode report = readJson(outbox.resolve(base + ".report.json"));
        assertThat(report.path("status").asText()).as(shape.file()).isEqualTo("ok");
        assertThat(report.path("format").asText()).as(shape.file()).isEqualTo(shape.format());
        assertThat(report.path("detectedBy").asText()).as(shape.file()).isEqualTo(shape.detectedBy());
        assertThat(report.path("project").asText()).as(shape.file()).isEqualTo(shape.project());
        GeneratedZip project = GeneratedZip.read(outbox.resolve(base + ".zip"));
        TreeSet<String> types = new TreeSet<>();
        project.files().keySet().stream().filter(p -> p.contains("/model/") && p.endsWith(".java"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1, p.length() - ".java".length())).forEach(types::add);
        assertThat(types).as(shape.file() + " model types").containsExactlyElementsOf(new TreeSet<>(shape.types()));
        return project.javaSources();
    }
}
