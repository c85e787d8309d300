package ${project.packageName};
<#assign required = entity.fields?filter(f -> f.jsonName != "id" && f.rules?filter(r -> r.kind == "required")?has_content)>

/**
 * {@code /api/${entity.plural}} over HTTP, against the real service: Camel Main with the routes of
 * {@code src/main/resources/routes}, started by camel-test-main-junit5 once for this class on a free port.
 */
@org.apache.camel.test.main.junit5.CamelMainTest(mainClass = Application.class, properties = {
        "camel.server.port={{sys:" + ApiTestSupport.PORT_PROPERTY + "}}",
        "camel.management.port={{sys:" + ApiTestSupport.PORT_PROPERTY + "}}"})
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ${entity.name}ApiTest extends ApiTestSupport {

    private static final String PATH = "/api/${entity.plural}";

    @org.junit.jupiter.api.Test
    void should_create_read_list_replace_and_delete_a_${entity.name?uncap_first}() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode body = valid(() -> ${entity.name}Body.of(false));

        java.net.http.HttpResponse<String> created = send("POST", PATH, body.toString());
        org.junit.jupiter.api.Assertions.assertEquals(201, created.statusCode(), created::body);
        String location = created.headers().firstValue("Location").orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(location.startsWith(PATH + "/"), location);
        com.fasterxml.jackson.databind.JsonNode stored = json(created);
        assertKeeps(body, stored);
<#if entity.hasId>
        org.junit.jupiter.api.Assertions.assertEquals(location, PATH + "/" + stored.path("id").asText(),
                "the service assigns the id and locates the record by it");
</#if>

        java.net.http.HttpResponse<String> read = send("GET", location, null);
        org.junit.jupiter.api.Assertions.assertEquals(200, read.statusCode(), read::body);
        org.junit.jupiter.api.Assertions.assertEquals(stored, json(read));

        java.net.http.HttpResponse<String> list = send("GET", PATH, null);
        org.junit.jupiter.api.Assertions.assertEquals(200, list.statusCode(), list::body);
        org.junit.jupiter.api.Assertions.assertTrue(json(list).isArray(), list.body());
        org.junit.jupiter.api.Assertions.assertTrue(java.util.stream.StreamSupport.stream(json(list).spliterator(), false)
                .anyMatch(stored::equals), "the list holds the new record: " + list.body());

        java.net.http.HttpResponse<String> replaced = send("PUT", location, stored.toString());
        org.junit.jupiter.api.Assertions.assertEquals(200, replaced.statusCode(), replaced::body);
        org.junit.jupiter.api.Assertions.assertEquals(stored, json(replaced));

        java.net.http.HttpResponse<String> deleted = send("DELETE", location, null);
        org.junit.jupiter.api.Assertions.assertEquals(204, deleted.statusCode(), deleted::body);
        org.junit.jupiter.api.Assertions.assertEquals("", deleted.body());
        assertProblem(404, send("GET", location, null));
    }

    @org.junit.jupiter.api.Test
    void should_answer_400_with_every_broken_rule() throws Exception {
        String before = send("GET", PATH, null).body();
        assertViolation(assertProblem(400, send("POST", PATH, "[]")), "", "type");
        assertViolation(assertProblem(400, send("POST", PATH, "{\"unclosed\": ")), "", "type");

        com.fasterxml.jackson.databind.node.ObjectNode unknown = valid(() -> ${entity.name}Body.of(false));
        unknown.put("notAFieldOf${entity.name}", 1);
        assertViolation(assertProblem(400, send("POST", PATH, unknown.toString())), "/notAFieldOf${entity.name}",
                "additionalProperties");
<#if required?has_content>

        com.fasterxml.jackson.databind.node.ObjectNode missing = valid(() -> ${entity.name}Body.of(false));
<#list required as f>
        missing.remove(${javaString(f.jsonName)});
</#list>
        com.fasterxml.jackson.databind.JsonNode problem = assertProblem(400, send("POST", PATH, missing.toString()));
<#list required as f>
        assertViolation(problem, ${javaString("/" + f.jsonName?replace("~", "~0")?replace("/", "~1"))}, "required");
</#list>
</#if>
        org.junit.jupiter.api.Assertions.assertEquals(before, send("GET", PATH, null).body(), "nothing was stored");
    }

    @org.junit.jupiter.api.Test
    void should_answer_404_for_an_id_no_record_has() throws Exception {
        String unknown = PATH + "/" + java.util.UUID.randomUUID();
        assertProblem(404, send("GET", unknown, null));
        assertProblem(404, send("PUT", unknown, valid(() -> ${entity.name}Body.of(false)).toString()));
        assertProblem(404, send("DELETE", unknown, null));
        assertProblem(404, send("GET", PATH + "/no/such/path", null));
    }
}
