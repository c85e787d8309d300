package dev.specforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.specforge.support.StrictSubset.Provider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FakeLlmServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static FakeLlmServer fake;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fake = FakeLlmServer.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A strict schema using most of the subset: nested objects, $defs/$ref, anyOf with const, formats, patterns. */
    static final JsonNode RICH = json("""
            {'type':'object','additionalProperties':false,
             'required':['name','kind','tags','home','when','id','code','score','count','maybe','choice','list','flag'],
             'properties':{
               'name':{'type':'string','description':'a name'},
               'kind':{'type':'string','enum':['alpha','beta','gamma']},
               'tags':{'type':'array','items':{'type':'string','pattern':'^[a-z]{2,5}$'}},
               'home':{'$ref':'#/$defs/address'},
               'when':{'type':'string','format':'date-time'},
               'id':{'type':'string','format':'uuid'},
               'code':{'type':'string','pattern':'[A-Z]{3}-[0-9]{2,4}'},
               'score':{'type':'number','minimum':-5.5,'maximum':10},
               'count':{'type':'integer','exclusiveMinimum':3,'maximum':100},
               'maybe':{'type':['string','null']},
               'choice':{'anyOf':[{'const':'none'},
                   {'type':'object','additionalProperties':false,'required':['v'],'properties':{'v':{'type':'integer'}}}]},
               'list':{'type':'array','minItems':1,'items':{'$ref':'#/$defs/address'}},
               'flag':{'type':'boolean'}},
             '$defs':{'address':{'type':'object','additionalProperties':false,
               'required':['email','host','ip4','ip6','day','at','span','zip'],
               'properties':{'email':{'type':'string','format':'email'},'host':{'type':'string','format':'hostname'},
                 'ip4':{'type':'string','format':'ipv4'},'ip6':{'type':'string','format':'ipv6'},
                 'day':{'type':'string','format':'date'},'at':{'type':'string','format':'time'},
                 'span':{'type':'string','format':'duration'},'zip':{'type':['integer','null'],'minimum':1000}}}}}
            """);

    /** OpenAI allows recursion: a linked list. */
    static final JsonNode RECURSIVE = json("""
            {'type':'object','additionalProperties':false,'required':['head'],
             'properties':{'head':{'$ref':'#/$defs/node'}},
             '$defs':{'node':{'type':'object','additionalProperties':false,'required':['value','next'],
               'properties':{'value':{'type':'integer'},'next':{'anyOf':[{'$ref':'#/$defs/node'},{'type':'null'}]}}}}}
            """);

    /** Anthropic's extras: optional properties, definitions, allOf without $ref, uri, default. */
    static final JsonNode ANTHROPIC_ONLY = json("""
            {'type':'object','additionalProperties':false,'required':['a'],
             'properties':{'a':{'$ref':'#/definitions/a'},'link':{'type':'string','format':'uri','default':'a:b'},
               'both':{'allOf':[{'type':'object','additionalProperties':false,'required':['x'],
                   'properties':{'x':{'type':'string'}}}]},
               'nums':{'type':'array','minItems':1,'items':{'type':'number'}}},
             'definitions':{'a':{'type':'string','enum':['one','two',null]}}}
            """);

    static List<JsonNode> validSchemas() {
        return List.of(RICH, RECURSIVE, ANTHROPIC_ONLY);
    }

    static Set<String> validate(JsonNode schema, JsonNode instance) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        Set<String> out = new HashSet<>();
        s.validate(instance).forEach(m -> out.add(m.getMessage()));
        return out;
    }

    @Nested
    class Subset {

        @Test
        void valid_schemas_are_inside_their_providers_subsets() {
            assertThat(StrictSubset.violations(Provider.OPENAI, RICH)).isEmpty();
            assertThat(StrictSubset.violations(Provider.OPENAI, RECURSIVE)).isEmpty();
            assertThat(StrictSubset.violations(Provider.ANTHROPIC, ANTHROPIC_ONLY)).isEmpty();
        }

        @Test
        void openai_requires_closed_objects_with_every_property_required_and_an_object_root() {
            JsonNode s = json("""
                    {'type':'object','required':['a'],'properties':{'a':{'type':'string'},'b':{'type':'string'}}}""");
            assertThat(StrictSubset.violations(Provider.OPENAI, s)).containsExactlyInAnyOrder(
                    ": additionalProperties must be false (it is missing)",
                    "/properties/b: property 'b' must be listed in required");
            assertThat(StrictSubset.violations(Provider.OPENAI, json("{'anyOf':[{'type':'object',"
                    + "'additionalProperties':false,'properties':{},'required':[]}]}")))
                    .contains(": the root schema must have type \"object\"", ": the root schema must not use anyOf");
        }

        @Test
        void openai_rejects_keywords_and_formats_outside_its_list() {
            JsonNode s = json("""
                    {'type':'object','additionalProperties':false,'required':['a','b','c'],'properties':{
                      'a':{'type':'string','minLength':1,'format':'uri'},
                      'b':{'type':'array','uniqueItems':true,'items':{'type':'string'}},
                      'c':{'oneOf':[{'type':'string'}],'default':'x'}},'$schema':'x'}""");
            assertThat(StrictSubset.violations(Provider.OPENAI, s)).containsExactlyInAnyOrder(
                    "/properties/a/minLength: keyword 'minLength' is not supported",
                    "/properties/a/format: format 'uri' is not supported",
                    "/properties/b/uniqueItems: keyword 'uniqueItems' is not supported",
                    "/properties/c/oneOf: keyword 'oneOf' is not supported",
                    "/properties/c/default: keyword 'default' is not supported",
                    "/$schema: keyword '$schema' is not supported");
        }

        @Test
        void openai_limits_nesting_to_ten_levels_and_enum_values_to_a_thousand() {
            String nested = "{'type':'string'}";
            for (int i = 0; i < 11; i++) {
                nested = "{'type':'object','additionalProperties':false,'required':['n'],'properties':{'n':"
                        + nested + "}}";
            }
            assertThat(StrictSubset.violations(Provider.OPENAI, json(nested)))
                    .containsExactly(": 11 levels of object nesting, more than 10");
            ObjectNode big = (ObjectNode) json("{'type':'object','additionalProperties':false,'required':['e'],"
                    + "'properties':{'e':{'type':'integer'}}}");
            var values = ((ObjectNode) big.path("properties").path("e")).putArray("enum");
            for (int i = 0; i < 1001; i++) {
                values.add(i);
            }
            assertThat(StrictSubset.violations(Provider.OPENAI, big)).containsExactly(
                    ": 1001 enum values, more than 1000");
        }

        @Test
        void anthropic_rejects_numeric_and_length_constraints_recursion_and_some_patterns() {
            JsonNode s = json("""
                    {'type':'object','additionalProperties':true,'properties':{
                      'n':{'type':'integer','minimum':0,'multipleOf':2},
                      'l':{'type':'array','minItems':2,'maxItems':3,'items':{'type':'string','maxLength':3}},
                      'p':{'type':'string','pattern':'(a)\\\\1'},'q':{'type':'string','pattern':'(?=a)\\\\bx[\\\\b]'},
                      'e':{'enum':[{'a':1}]},'f':{'type':'string','format':'ipv5'},
                      'r':{'allOf':[{'$ref':'#/$defs/x'}]}},
                     '$defs':{'x':{'type':'object','additionalProperties':false,'properties':{'x':{'$ref':'#/$defs/x'}}}}}""");
            assertThat(StrictSubset.violations(Provider.ANTHROPIC, s)).containsExactlyInAnyOrder(
                    ": additionalProperties must be false (it is true)",
                    "/properties/n/minimum: keyword 'minimum' is not supported",
                    "/properties/n/multipleOf: keyword 'multipleOf' is not supported",
                    "/properties/l/maxItems: keyword 'maxItems' is not supported",
                    "/properties/l/minItems: minItems 2 is not supported (only 0 or 1)",
                    "/properties/l/items/maxLength: keyword 'maxLength' is not supported",
                    "/properties/p/pattern: backreferences are not supported",
                    "/properties/q/pattern: lookahead/lookbehind is not supported",
                    "/properties/q/pattern: word boundaries (\\b) are not supported",
                    "/properties/e/enum/0: enum values must be strings, numbers, booleans or null",
                    "/properties/f/format: format 'ipv5' is not supported",
                    "/properties/r/allOf/0: allOf with $ref is not supported",
                    "/properties/r/allOf/0/properties/x/$ref: recursive schemas are not supported ($ref '#/$defs/x'"
                            + " refers back to a schema that contains it)");
            assertThat(StrictSubset.violations(Provider.ANTHROPIC, RECURSIVE)).singleElement().asString()
                    .contains("recursive schemas are not supported");
            assertThat(StrictSubset.violations(Provider.ANTHROPIC, json("{'type':'object','additionalProperties':"
                    + "false,'properties':{'a':{'$ref':'other.json#/a'}}}")))
                    .containsExactly("/properties/a/$ref: $ref 'other.json#/a' is not supported (only local"
                            + " #/$defs/... or #/definitions/...)");
        }

        @Test
        void anthropic_counts_optional_and_union_properties_across_the_requests_tools() {
            ObjectNode a = (ObjectNode) json("{'type':'object','additionalProperties':false,'properties':{}}");
            ObjectNode props = (ObjectNode) a.get("properties");
            for (int i = 0; i < 13; i++) {
                props.set("p" + i, json("{'type':['string','null']}"));
            }
            assertThat(StrictSubset.anthropicRequest(List.of(a))).isEmpty();
            Map<Integer, List<String>> two = StrictSubset.anthropicRequest(List.of(a, a));
            assertThat(two).containsOnlyKeys(-1);
            assertThat(two.get(-1)).containsExactly(
                    ": 26 optional properties across strict schemas, more than 24",
                    ": 26 properties with anyOf or a type array across strict schemas, more than 16");
            // a $defs entry counts once, however often it is referenced (the stated assumption)
            JsonNode refs = json("{'type':'object','additionalProperties':false,'required':['a','b','c'],"
                    + "'properties':{'a':{'$ref':'#/$defs/u'},'b':{'$ref':'#/$defs/u'},'c':{'$ref':'#/$defs/u'}},"
                    + "'$defs':{'u':{'type':'object','additionalProperties':false,'properties':{'x':{'type':"
                    + "['string','null']}}}}}");
            assertThat(StrictSubset.anthropicRequest(List.of(refs))).isEmpty();
            assertThat(StrictSubset.anthropicRequest(java.util.Collections.nCopies(21, refs)).get(-1))
                    .contains(": 21 strict tools, more than 20");
        }
    }

    @Nested
    class Instances {

        @Test
        void minimal_and_random_instances_are_valid() {
            for (JsonNode schema : validSchemas()) {
                assertThat(validate(schema, SchemaInstances.minimal(schema))).as("minimal of %s", schema).isEmpty();
                for (int seed = 0; seed < 200; seed++) {
                    JsonNode instance = SchemaInstances.random(schema, new Random(seed));
                    assertThat(validate(schema, instance)).as("seed %d: %s", seed, instance).isEmpty();
                }
            }
        }

        @Test
        void minimal_takes_the_first_enum_value_and_branch_empty_arrays_and_fixed_formats() {
            JsonNode m = SchemaInstances.minimal(RICH);
            assertThat(m.path("name").asText()).isEmpty();
            assertThat(m.path("kind").asText()).isEqualTo("alpha");
            assertThat(m.path("tags")).isEmpty();
            assertThat(m.path("choice").asText()).isEqualTo("none");
            assertThat(m.path("maybe").isTextual()).isTrue();
            assertThat(m.path("list")).hasSize(1);
            assertThat(m.path("when").asText()).isEqualTo("2000-01-01T00:00:00Z");
            assertThat(m.path("id").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
            assertThat(m.path("score").asDouble()).isZero();
            assertThat(m.path("count").asInt()).isEqualTo(4);
            assertThat(m.path("flag").asBoolean(true)).isFalse();
            assertThat(m.path("code").asText()).matches("[A-Z]{3}-[0-9]{2}");
            assertThat(m.path("list").path(0).path("zip").asInt()).isEqualTo(1000);
            assertThat(m.path("list").path(0).path("span").asText()).isEqualTo("P0D");
            assertThat(SchemaInstances.minimal(RECURSIVE).toString()).startsWith("{\"head\":{\"value\":0,\"next\":{");
        }

        @Test
        void random_instances_vary_over_seeds_and_repeat_for_a_seed() {
            Set<String> seen = new HashSet<>();
            Set<String> kinds = new HashSet<>();
            for (int seed = 0; seed < 30; seed++) {
                JsonNode r = SchemaInstances.random(RICH, new Random(seed));
                seen.add(r.toString());
                kinds.add(r.path("kind").asText());
                assertThat(r).isEqualTo(SchemaInstances.random(RICH, new Random(seed)));
            }
            assertThat(seen).hasSize(30);
            assertThat(kinds).containsExactlyInAnyOrder("alpha", "beta", "gamma");
        }
    }

    @Nested
    class Server {


    static final String LONG_SYSTEM = "You are a careful assistant who documents data models. ".repeat(100)
                .substring(0, 5000);
    static final JsonNode SMALL = json("{'type':'object','additionalProperties':false,'required':['a','b'],"
                + "'properties':{'a':{'type':'string','enum':['x','y']},'b':{'type':'array','items':{'type':'integer'}}}}");
    static final JsonNode OTHER = json("{'type':'object','additionalProperties':false,'required':['c'],"
                + "'properties':{'c':{'type':'boolean'}}}");

        @BeforeEach
        void reset() {
            fake.reset();
        }

        static HttpResponse<String> post(String url, JsonNode body) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static JsonNode openAi(JsonNode schema, String system, String user) throws Exception {
            ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
            body.putArray("messages").add(JSON.createObjectNode().put("role", "system").put("content", system))
                    .add(JSON.createObjectNode().put("role", "user").put("content", user));
            ObjectNode js = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            js.put("name", "entity_docs").put("strict", true).set("schema", schema);
            HttpResponse<String> r = post(fake.openAiBaseUrl() + "/chat/completions", body);
            return JSON.createObjectNode().put("status", r.statusCode()).set("body", JSON.readTree(r.body()));
        }

        static JsonNode anthropic(JsonNode schema, String system, boolean mark) throws Exception {
            ObjectNode body = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
            ObjectNode tool = body.putArray("tools").addObject().put("name", "entity_docs").put("strict", true);
            tool.set("input_schema", schema);
            body.putObject("tool_choice").put("type", "tool").put("name", "entity_docs");
            ObjectNode block = body.putArray("system").addObject().put("type", "text").put("text", system);
            if (mark) {
                block.putObject("cache_control").put("type", "ephemeral");
            }
            body.putArray("messages").addObject().put("role", "user").put("content", "Answer: {\"items\":{}}");
            HttpResponse<String> r = post(fake.anthropicBaseUrl() + "/v1/messages", body);
            return JSON.createObjectNode().put("status", r.statusCode()).set("body", JSON.readTree(r.body()));
        }

        @Test
        void a_schema_outside_the_openai_subset_gets_the_openai_400_envelope_and_is_counted() throws Exception {
            JsonNode bad = json("{'type':'object','properties':{'a':{'type':'string','minLength':2}}}");
            JsonNode r = openAi(bad, "system", "{\"items\":{}}");
            assertThat(r.path("status").asInt()).isEqualTo(400);
            JsonNode error = r.path("body").path("error");
            assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("param").asText()).isEqualTo("response_format");
            assertThat(error.path("code").asText()).isEqualTo("invalid_json_schema");
            assertThat(error.path("message").asText()).startsWith("Invalid schema for response_format 'entity_docs': ")
                    .contains(": additionalProperties must be false", "/properties/a: property 'a' must be listed",
                            "/properties/a/minLength: keyword 'minLength' is not supported");
            assertThat(fake.schemaRefused()).isEqualTo(1);
            assertThat(fake.schemaRefusals()).containsExactly(error.path("message").asText());
            assertThat(fake.requests()).singleElement().extracting(FakeLlmServer.Request::status).isEqualTo(400);
            HttpResponse<String> stats = HTTP.send(HttpRequest.newBuilder(URI.create(
                    fake.anthropicBaseUrl() + "/stats")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(stats.body()).path("schemaRefused").asInt()).isEqualTo(1);
        }

        @Test
        void a_schema_outside_the_anthropic_subset_gets_the_anthropic_400_envelope_and_is_counted() throws Exception {
            JsonNode bad = json("{'type':'object','additionalProperties':false,'properties':{'n':{'type':'integer',"
                    + "'maximum':3}}}");
            JsonNode r = anthropic(bad, "system", true);
            assertThat(r.path("status").asInt()).isEqualTo(400);
            assertThat(r.path("body").path("type").asText()).isEqualTo("error");
            assertThat(r.path("body").path("error").path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(r.path("body").path("error").path("message").asText())
                    .isEqualTo("tools.0.input_schema: /properties/n/maximum: keyword 'maximum' is not supported");
            assertThat(fake.schemaRefused()).isEqualTo(1);
            assertThat(fake.answered()).isEmpty();
        }

        @Test
        void a_schema_inside_the_subset_gets_200() throws Exception {
            JsonNode empty = json("{'type':'object','additionalProperties':false,'properties':{},'required':[]}");
            assertThat(openAi(empty, "system", "Answer: {\"items\":{}}").path("status").asInt()).isEqualTo(200);
            assertThat(anthropic(empty, "system", true).path("status").asInt()).isEqualTo(200);
            assertThat(fake.schemaRefused()).isZero();
        }

        @Test
        void recursion_is_fine_for_openai_and_refused_by_anthropic() throws Exception {
            fake.answerMinimal(true);
            assertThat(openAi(RECURSIVE, "system", "u").path("status").asInt()).isEqualTo(200);
            JsonNode a = anthropic(RECURSIVE, "system", true);
            assertThat(a.path("status").asInt()).isEqualTo(400);
            assertThat(a.path("body").path("error").path("message").asText())
                    .startsWith("tools.0.input_schema: ").contains("recursive schemas are not supported");
            assertThat(fake.schemaRefused()).isEqualTo(1);
        }

        @Test
        void a_request_the_default_mode_cannot_answer_gets_a_500_not_a_dropped_connection() throws Exception {
            assertThat(openAi(SMALL, "system", "no items").path("status").asInt()).isEqualTo(500);
        }

        @Test
        void minimal_mode_answers_the_schemas_minimal_instance() throws Exception {
            fake.answerMinimal(true);
            JsonNode r = openAi(SMALL, "system", "no items");
            assertThat(JSON.readTree(r.path("body").path("choices").path(0).path("message").path("content").asText()))
                    .isEqualTo(json("{'a':'x','b':[]}"));
            JsonNode a = anthropic(OTHER, "system", false);
            assertThat(a.path("body").path("content").path(0).path("input")).isEqualTo(json("{'c':false}"));
            r = openAi(RICH, "system", "no items");
            assertThat(JSON.readTree(r.path("body").path("choices").path(0).path("message").path("content").asText()))
                    .isEqualTo(JSON.readTree(SchemaInstances.minimal(RICH).toString()));
        }

        static long cached(JsonNode r) {
            return r.path("body").path("usage").path("prompt_tokens_details").path("cached_tokens").asLong(-1);
        }

        @Test
        void openai_caches_the_longest_seen_prefix_of_schema_then_messages_in_128_token_steps() throws Exception {
            fake.answerMinimal(true);
            assertThat(cached(openAi(SMALL, LONG_SYSTEM, "first"))).isZero();
            JsonNode second = openAi(SMALL, LONG_SYSTEM, "second");
            long c = cached(second);
            assertThat(c).isGreaterThanOrEqualTo(1024).isLessThanOrEqualTo((SMALL.toString().length() + 5000) / 4);
            assertThat(c % 128).isZero();
            assertThat(second.path("body").path("usage").path("prompt_tokens").asLong()).isGreaterThan(c);
            assertThat(fake.cachedTokens()).isEqualTo(c);
            // the schema comes first: another schema shares no prefix
            assertThat(cached(openAi(OTHER, LONG_SYSTEM, "second"))).isZero();
        }

        @Test
        void openai_caches_nothing_under_1024_tokens() throws Exception {
            fake.answerMinimal(true);
            String shortSystem = LONG_SYSTEM.substring(0, 3500);
            openAi(SMALL, shortSystem, "u");
            assertThat(cached(openAi(SMALL, shortSystem, "u"))).isZero();
        }

        static long usage(JsonNode r, String field) {
            return r.path("body").path("usage").path(field).asLong(-1);
        }

        @Test
        void anthropic_writes_then_reads_a_marked_prefix_of_1024_tokens_and_the_tools_are_part_of_it()
                throws Exception {
            fake.answerMinimal(true);
            JsonNode first = anthropic(SMALL, LONG_SYSTEM, true);
            long written = usage(first, "cache_creation_input_tokens");
            assertThat(written).isGreaterThanOrEqualTo(1250);
            assertThat(usage(first, "cache_read_input_tokens")).isZero();
            JsonNode second = anthropic(SMALL, LONG_SYSTEM, true);
            assertThat(usage(second, "cache_creation_input_tokens")).isZero();
            assertThat(usage(second, "cache_read_input_tokens")).isEqualTo(written);
            assertThat(usage(second, "input_tokens")).isPositive().isLessThan(written);
            JsonNode other = anthropic(OTHER, LONG_SYSTEM, true);
            assertThat(usage(other, "cache_creation_input_tokens")).isPositive();
            assertThat(usage(other, "cache_read_input_tokens")).isZero();
            assertThat(fake.cachedTokens()).isEqualTo(written);
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void anthropic_caches_nothing_under_1024_tokens_or_unmarked(boolean mark) throws Exception {
            fake.answerMinimal(true);
            String system = mark ? LONG_SYSTEM.substring(0, 3000) : LONG_SYSTEM;
            anthropic(SMALL, system, mark);
            JsonNode again = anthropic(SMALL, system, mark);
            assertThat(usage(again, "cache_creation_input_tokens")).isZero();
            assertThat(usage(again, "cache_read_input_tokens")).isZero();
            assertThat(fake.cacheWriteTokens()).isZero();
        }
    }
}
