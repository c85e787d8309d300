package dev.specforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The scripted HTTP conversation of the runtime conformance suite: one script, written against
 * {@code src/test/resources/specs/conformance.yaml}, held with a generated service of any stack. Each check names the
 * rule of docs/conformance.md it checks (C1.2, C4.1, ...). Checks do not stop the conversation: every result is
 * recorded ({@link #results()}), so one run reports every rule a stack meets or misses.
 *
 * <p>Collection paths are discovered from the served {@code /openapi.json}: the path whose {@code post} takes the
 * entity's schema, and the path whose {@code get} answers it.
 */
public final class ConformanceConversation {

    /**
     * One check.
     *
     * @param rule   the contract's rule, e.g. {@code C5.4}
     * @param what   what was checked, for the report
     * @param passed whether the service met it
     * @param detail on failure: what was seen (status, body); empty when passed
     */
    public record Result(String rule, String what, boolean passed, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final URI base;
    /** HTTP/1.1, as a plain client speaks it (no h2c upgrade offer, which some servers answer oddly) */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Result> results = new ArrayList<>();
    /** method and path template of every answered request, with the statuses seen: for C2.2 */
    private final Map<String, Set<String>> seen = new LinkedHashMap<>();
    private final Map<String, String> collections = new LinkedHashMap<>();
    private final Map<String, String> items = new LinkedHashMap<>();
    private int requests;
    private JsonNode document;

    /** @param base the service's root, e.g. {@code http://127.0.0.1:18080} */
    public ConformanceConversation(URI base) {
        this.base = base;
    }

    /** @return every check so far, in order */
    public List<Result> results() {
        return List.copyOf(results);
    }

    /** @return how many HTTP requests the conversation sent (for the per-request log bound, C1.3) */
    public int requests() {
        return requests;
    }

    /** An HTTP answer, its body as text. */
    record Answer(int status, String contentType, String location, String body) {

        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        @Override
        public String toString() {
            String shown = body.length() > 600 ? body.substring(0, 600) + "..." : body;
            return status + " " + contentType + " " + shown;
        }
    }

    /**
     * Holds the whole conversation.
     *
     * @return the results, also kept in {@link #results()}
     * @throws InterruptedException when interrupted
     */
    public List<Result> run() throws InterruptedException {
        health();
        if (!apiDocument()) {
            return results();
        }
        customers();
        orders();
        orderLines();
        notes();
        Answer unknown = send("GET", "/api/no-such-collection-here", null, null);
        problem("C6.3", "an unknown path is 404 problem+json", unknown, 404);
        documentedAnswers();
        return results();
    }

    // ---------------------------------------------------------------- C1, C2

    private void health() throws InterruptedException {
        Answer a = send("GET", "/health", null, null);
        check("C1.2", "GET /health is 200 application/json {\"status\":\"UP\"}", a, a.status == 200
                && a.contentType.startsWith("application/json") && "UP".equals(a.json().path("status").asText()));
    }

    private boolean apiDocument() throws InterruptedException {
        Answer a = send("GET", "/openapi.json", null, null);
        document = a.json();
        boolean ok = a.status == 200 && a.contentType.startsWith("application/json")
                && "3.1.0".equals(document.path("openapi").asText());
        check("C2.1", "GET /openapi.json is an OpenAPI 3.1.0 document", a, ok);
        if (!ok) {
            return false;
        }
        for (String entity : List.of("Customer", "Order", "OrderLine", "Note")) {
            String ref = "#/components/schemas/" + entity;
            document.path("paths").fields().forEachRemaining(p -> {
                if (ref.equals(p.getValue().path("post").path("requestBody").path("content")
                        .path("application/json").path("schema").path("$ref").asText())) {
                    collections.put(entity, p.getKey());
                }
                if (p.getKey().endsWith("{id}") && ref.equals(p.getValue().path("get").path("responses").path("200")
                        .path("content").path("application/json").path("schema").path("$ref").asText())) {
                    items.put(entity, p.getKey());
                }
            });
        }
        boolean found = collections.size() == 4 && items.size() == 4;
        record("C2.1", "the document has a collection and an item path per object entity " + collections.values(),
                found, collections + " " + items);
        return found;
    }

    /** C2.2: every answer the conversation saw is one the document lists for that path and method. */
    private void documentedAnswers() {
        List<String> undocumented = new ArrayList<>();
        seen.forEach((operation, statuses) -> {
            String[] mp = operation.split(" ", 2);
            JsonNode responses = document.path("paths").path(mp[1]).path(mp[0].toLowerCase()).path("responses");
            for (String status : statuses) {
                if (!responses.has(status)) {
                    undocumented.add(operation + " " + status);
                }
            }
        });
        record("C2.2", "every status answered is documented for its path and method (" + seen.size()
                + " operations)", undocumented.isEmpty(), "undocumented: " + undocumented);
    }

    // ---------------------------------------------------------------- Customer: uuid id

    private ObjectNode customer(String email) {
        ObjectNode c = JSON.createObjectNode();
        c.put("email", email);
        c.put("name", "Ada Lovelace");
        c.put("status", "in-review");
        c.put("website", "https://example.com/ada");
        c.put("referralCode", "3f1c2a9e-5b7d-4c1e-9a2b-0d8e7f6a5b4c");
        c.put("birthDate", "1990-12-10");
        c.put("createdAt", "2024-02-29T10:15:30.120Z");
        c.put("externalId", "0b6c1c5e-2f4a-4d3b-8e9f-1a2b3c4d5e6f");
        c.put("vip", false);
        c.putArray("tags").add("math").add("poetry");
        return c;
    }

    private void customers() throws InterruptedException {
        String customers = collections.get("Customer");
        ObjectNode ada = customer("ada@example.com");
        Answer created = send("POST", customers, ada, "Customer");
        JsonNode body = created.json();
        String id = body.path("id").asText();
        check("C3", "POST " + customers + " is 201 with the stored record", created, created.status == 201
                && body.isObject());
        check("C4.1", "a create without an id gets a random UUID", created, UUID_TEXT.matcher(id).matches());
        check("C3", "the Location header is " + customers + "/{id}", created,
                created.location != null && created.location.endsWith(customers + "/" + id));
        check("C3.2", "false is kept as false", created, body.path("vip").isBoolean() && !body.path("vip").asBoolean());
        check("C7.3", "an enum value keeps its spelling (in-review)", created,
                "in-review".equals(body.path("status").asText()));
        check("C7.1", "a date round-trips", created, "1990-12-10".equals(body.path("birthDate").asText()));
        check("C7.1", "a date-time comes back as the same instant", created,
                sameInstant(body.path("createdAt").asText(), "2024-02-29T10:15:30.120Z"));
        check("C3.1", "every posted value is stored", created, sameFields(ada, body, "createdAt"));
        Answer read = send("GET", customers + "/" + id, null, "Customer");
        check("C3.1", "GET {id} returns what POST stored", read, read.status == 200 && read.json().equals(body));

        String bobId = UUID.randomUUID().toString();
        ObjectNode bob = JSON.createObjectNode().put("id", bobId).put("email", "bob@example.com").put("name", "Bob")
                .put("status", "ACTIVE");
        Answer bobCreated = send("POST", customers, bob, "Customer");
        check("C4.1", "a create with an id keeps it", bobCreated, bobCreated.status == 201
                && bobId.equals(bobCreated.json().path("id").asText()));
        check("C3.2", "optional fields without a value are left out", bobCreated, bobCreated.status == 201
                && !bobCreated.json().has("website") && !bobCreated.json().has("tags")
                && !bobCreated.json().has("vip"));
        violation("C4.2", "a create whose id is stored is 409", send("POST", customers,
                bob.deepCopy().put("email", "bob2@example.com"), "Customer"), 409, "/id", "unique");
        Answer clash = send("POST", customers, customer("ada@example.com").put("name", "Ada Two"), "Customer");
        violation("C5.7", "a unique field's taken value is 409 unique", clash, 409, "/email", "unique");

        ObjectNode noEmail = customer("x@example.com");
        noEmail.remove("email");
        violation("C5.4", "an absent required field", send("POST", customers, noEmail, "Customer"), 400,
                "/email", "required");
        violation("C5.4", "a null required field", send("POST", customers,
                customer("n@example.com").putNull("name"), "Customer"), 400, "/name", "required");
        violation("C5.4", "minLength", send("POST", customers, customer("a@example.com").put("name", "A"),
                "Customer"), 400, "/name", "minLength");
        violation("C5.4", "maxLength", send("POST", customers, customer("b@example.com")
                .put("name", "A".repeat(41)), "Customer"), 400, "/name", "maxLength");
        violation("C5.4", "pattern", send("POST", customers, customer("c@example.com").put("name", "Ada 2"),
                "Customer"), 400, "/name", "pattern");
        violation("C5.4", "format email", send("POST", customers, customer("not-an-email"), "Customer"), 400,
                "/email", "format");
        violation("C5.4", "format uuid on a string", send("POST", customers, customer("d@example.com")
                .put("referralCode", "not-a-uuid"), "Customer"), 400, "/referralCode", "format");
        violation("C5.4", "format on a uuid field", send("POST", customers, customer("e@example.com")
                .put("externalId", "12345"), "Customer"), 400, "/externalId", "format");
        violation("C5.4", "format on a date field", send("POST", customers, customer("f@example.com")
                .put("birthDate", "1990-13-45"), "Customer"), 400, "/birthDate", "format");
        violation("C5.4", "format on a date-time field", send("POST", customers, customer("g@example.com")
                .put("createdAt", "yesterday"), "Customer"), 400, "/createdAt", "format");
        Answer uri = send("POST", customers, customer("h@example.com").put("website", "not a uri"), "Customer");
        check("C5.4", "format uri (or the enrichment's pattern on it)", uri, isProblem(uri, 400)
                && (hasError(uri, "/website", "format") || hasError(uri, "/website", "pattern")));
        violation("C5.4", "enum", send("POST", customers, customer("i@example.com").put("status", "active"),
                "Customer"), 400, "/status", "enum");
        ObjectNode noTags = customer("j@example.com");
        noTags.putArray("tags");
        violation("C5.4", "minItems", send("POST", customers, noTags, "Customer"), 400, "/tags", "minItems");
        ObjectNode manyTags = customer("k@example.com");
        manyTags.putArray("tags").add("a").add("b").add("c").add("d");
        violation("C5.4", "maxItems", send("POST", customers, manyTags, "Customer"), 400, "/tags", "maxItems");
        violation("C5.2", "a string for a boolean", send("POST", customers, customer("l@example.com")
                .put("vip", "yes"), "Customer"), 400, "/vip", "type");
        violation("C5.2", "a number for a string", send("POST", customers, customer("m@example.com")
                .put("name", 42), "Customer"), 400, "/name", "type");
        violation("C5.3", "a property the entity does not define", send("POST", customers,
                customer("o@example.com").put("nickname", "Countess"), "Customer"), 400, "/nickname",
                "additionalProperties");
        Answer both = send("POST", customers, customer("not-an-email").put("name", "A"), "Customer");
        check("C5.8", "every violation is reported (/email and /name in one answer)", both, isProblem(both, 400)
                && hasError(both, "/email", "format") && hasError(both, "/name", "minLength"));
        enrichmentRule("Customer", "birthDate", "pastOrPresent", customers,
                customer("p@example.com").put("birthDate", "2999-01-01"));
        Answer malformed = sendRaw("POST", customers, "{\"email\": \"x@example.com\", \"name\": ", "Customer");
        problem("C5.1", "malformed JSON is 400 problem+json", malformed, 400);
        problem("C5.1", "a JSON array body is 400", sendRaw("POST", customers, "[]", "Customer"), 400);
        problem("C5.1", "a JSON scalar body is 400", sendRaw("POST", customers, "42", "Customer"), 400);

        Answer list = send("GET", customers, null, "Customer");
        check("C3", "GET " + customers + " lists the 2 stored customers", list, list.status == 200
                && list.json().isArray() && list.json().size() == 2);
    }

    // ---------------------------------------------------------------- Order: long id, refs, decimals

    private ObjectNode order(String reference) {
        ObjectNode o = JSON.createObjectNode();
        o.put("reference", reference);
        ObjectNode c = o.putObject("customer");
        c.put("id", "6a0e1f0e-8c1b-4c1a-9d2e-3f4a5b6c7d8e").put("email", "carol@example.com").put("name", "Carol")
                .put("status", "ACTIVE");
        ArrayNode lines = o.putArray("lines");
        lines.addObject().put("id", 1).put("sku", "AB-100").put("amount", 2).put("unitPrice", 19.99);
        lines.addObject().put("id", 2).put("sku", "CD-200").put("amount", 1);
        o.put("quantity", 3);
        o.put("placedOn", "2024-02-29");
        o.put("paid", false);
        return o;
    }

    private static String withTotal(ObjectNode order, String total) {
        String text = order.toString();
        return text.substring(0, text.length() - 1) + ",\"total\":" + total + "}";
    }

    private void orders() throws InterruptedException {
        String orders = collections.get("Order");
        Answer first = sendRaw("POST", orders, withTotal(order("ORD-0001").put("sequence", 9007199254740993L),
                "1234.50"), "Order");
        JsonNode body = first.json();
        check("C4.1", "a long id is assigned as 1 in an empty collection", first, first.status == 201
                && body.path("id").isIntegralNumber() && body.path("id").asLong() == 1);
        check("C7.2", "a decimal keeps its digits (1234.50)", first,
                Pattern.compile("\"total\"\\s*:\\s*1234\\.50[,}\\s]").matcher(first.body).find());
        check("C7.2", "a long keeps all 64 bits (9007199254740993)", first,
                Pattern.compile("\"sequence\"\\s*:\\s*9007199254740993[,}\\s]").matcher(first.body).find());
        check("C3.1", "an embedded object and a list of them are stored (customer, 2 lines)", first,
                body.path("customer").path("name").asText().equals("Carol") && body.path("lines").size() == 2
                        && "AB-100".equals(body.path("lines").path(0).path("sku").asText()));
        check("C7.1", "a date round-trips inside an order", first, "2024-02-29".equals(body.path("placedOn").asText()));

        Answer chosen = sendRaw("POST", orders, withTotal(order("ORD-0041").put("id", 41), "10"), "Order");
        check("C4.1", "a create with id 41 keeps it", chosen, chosen.status == 201 && chosen.json().path("id").asLong() == 41);
        Answer next = sendRaw("POST", orders, withTotal(order("ORD-0042"), "12345678901234567.89"), "Order");
        check("C4.1", "the next assigned long id is one more than the largest (42)", next, next.status == 201
                && next.json().path("id").asLong() == 42);
        check("C7.2", "a decimal keeps its digits (12345678901234567.89)", next,
                Pattern.compile("\"total\"\\s*:\\s*12345678901234567\\.89[,}\\s]").matcher(next.body).find());
        violation("C5.7", "a unique reference taken by another order is 409", sendRaw("POST", orders,
                withTotal(order("ORD-0001"), "1"), "Order"), 409, "/reference", "unique");

        ObjectNode badCustomer = order("ORD-0100");
        ((ObjectNode) badCustomer.path("customer")).put("name", "C");
        violation("C5.6", "an embedded object is checked by its own rules", sendRaw("POST", orders,
                withTotal(badCustomer, "1"), "Order"), 400, "/customer/name", "minLength");
        ObjectNode badLine = order("ORD-0101");
        ((ObjectNode) badLine.path("lines").path(1)).put("sku", "x");
        violation("C5.6", "each list item is checked", sendRaw("POST", orders, withTotal(badLine, "1"), "Order"),
                400, "/lines/1/sku", "minLength");
        ObjectNode sixLines = order("ORD-0102");
        for (int i = 3; i <= 6; i++) {
            ((ArrayNode) sixLines.path("lines")).addObject().put("id", i).put("sku", "EF-" + i + "00").put("amount", 1);
        }
        violation("C5.4", "maxItems on a list of references", sendRaw("POST", orders, withTotal(sixLines, "1"),
                "Order"), 400, "/lines", "maxItems");
        violation("C5.4", "maximum", sendRaw("POST", orders, withTotal(order("ORD-0103").put("quantity", 1000), "1"),
                "Order"), 400, "/quantity", "maximum");
        violation("C5.4", "minimum on an integer", sendRaw("POST", orders,
                withTotal(order("ORD-0104").put("quantity", 0), "1"), "Order"), 400, "/quantity", "minimum");
        violation("C5.4", "minimum on a decimal", sendRaw("POST", orders, withTotal(order("ORD-0105"), "-0.01"),
                "Order"), 400, "/total", "minimum");
        violation("C5.4", "required decimal", send("POST", orders, order("ORD-0106"), "Order"), 400, "/total",
                "required");
        violation("C5.2", "a fraction for an integer", sendRaw("POST", orders,
                withTotal(order("ORD-0107").put("quantity", 1.5), "1"), "Order"), 400, "/quantity", "type");
        violation("C5.2", "an integer beyond 32 bits", sendRaw("POST", orders,
                withTotal(order("ORD-0108").put("quantity", 2147483648L), "1"), "Order"), 400, "/quantity", "type");
        violation("C5.2", "a string for an embedded object", sendRaw("POST", orders,
                withTotal(order("ORD-0109").put("customer", "carol"), "1"), "Order"), 400, "/customer", "type");

        String one = orders + "/1";
        ObjectNode replacement = order("ORD-0001");
        replacement.put("quantity", 7).put("note", "leave at the door");
        Answer replaced = sendRaw("PUT", one, withTotal(replacement, "99.90"), "Order");
        check("C4.3", "a PUT without an id takes the path's, and returns the stored record", replaced,
                replaced.status == 200 && replaced.json().path("id").asLong() == 1
                        && replaced.json().path("quantity").asInt() == 7);
        check("C5.7", "a record does not clash with itself on PUT (same reference)", replaced, replaced.status == 200);
        Answer reread = send("GET", one, null, "Order");
        check("C3.1", "GET returns what PUT stored", reread, reread.status == 200
                && "leave at the door".equals(reread.json().path("note").asText())
                && !reread.json().has("sequence")
                && Pattern.compile("\"total\"\\s*:\\s*99\\.90[,}\\s]").matcher(reread.body).find());
        violation("C4.3", "a PUT whose body id differs from the path is 400", sendRaw("PUT", one,
                withTotal(order("ORD-0001").put("id", 2), "1"), "Order"), 400, "/id", "id");
        violation("C5.7", "a PUT taking another order's unique reference is 409", sendRaw("PUT", one,
                withTotal(order("ORD-0041"), "1"), "Order"), 409, "/reference", "unique");
        violation("C5.4", "PUT is validated too", sendRaw("PUT", one,
                withTotal(order("ORD-0001").put("quantity", 0), "1"), "Order"), 400, "/quantity", "minimum");
        problem("C3", "a PUT on an unknown id is 404 (a PUT never creates)", sendRaw("PUT", orders + "/999999",
                withTotal(order("ORD-0999"), "1"), "Order"), 404);
        problem("C4.4", "a path id not of the id's type is 404", send("GET", orders + "/abc", null, "Order"), 404);
        Answer deleted = send("DELETE", orders + "/41", null, "Order");
        check("C3", "DELETE is 204 with no body", deleted, deleted.status == 204 && deleted.body.isEmpty());
        problem("C3", "GET after DELETE is 404", send("GET", orders + "/41", null, "Order"), 404);
        problem("C3", "DELETE of an unknown id is 404", send("DELETE", orders + "/41", null, "Order"), 404);
        Answer list = send("GET", orders, null, "Order");
        check("C3", "GET " + orders + " lists the 2 stored orders", list, list.status == 200
                && list.json().isArray() && list.json().size() == 2);
    }

    // ---------------------------------------------------------------- OrderLine: integer id

    private void orderLines() throws InterruptedException {
        String lines = collections.get("OrderLine");
        ObjectNode line = JSON.createObjectNode().put("sku", "GH-300").put("amount", 4);
        Answer first = send("POST", lines, line, "OrderLine");
        check("C4.1", "an integer id is assigned as 1 in an empty collection", first, first.status == 201
                && first.json().path("id").asInt() == 1);
        send("POST", lines, line.deepCopy().put("id", 7), "OrderLine");
        Answer next = send("POST", lines, line, "OrderLine");
        check("C4.1", "the next assigned integer id is 8 after 7", next, next.status == 201
                && next.json().path("id").asInt() == 8);
        violation("C5.4", "minimum 0.01 on a decimal", sendRaw("POST", lines,
                "{\"sku\":\"GH-300\",\"amount\":1,\"unitPrice\":0.00}", "OrderLine"), 400, "/unitPrice", "minimum");
        violation("C5.4", "pattern on an id-keyed entity", send("POST", lines, line.deepCopy().put("sku", "gh-300"),
                "OrderLine"), 400, "/sku", "pattern");
    }

    // ---------------------------------------------------------------- Note: no id

    private void notes() throws InterruptedException {
        String notes = collections.get("Note");
        ObjectNode note = JSON.createObjectNode().put("text", "hello").put("pinned", false);
        Answer created = send("POST", notes, note, "Note");
        String location = created.location == null ? "" : URI.create(created.location).getPath();
        check("C4.5", "an entity without an id is 201 with a Location under a UUID", created,
                created.status == 201 && location.startsWith(notes + "/")
                        && UUID_TEXT.matcher(location.substring(location.lastIndexOf('/') + 1)).matches());
        check("C4.5", "and its body is what was posted", created, created.json().equals(note));
        if (!location.startsWith(notes + "/")) {
            return;
        }
        Answer read = send("GET", location, null, "Note");
        check("C4.5", "GET on that Location returns it", read, read.status == 200 && read.json().equals(note));
        Answer replaced = send("PUT", location, JSON.createObjectNode().put("text", "bye"), "Note");
        check("C4.5", "PUT on that Location replaces it", replaced, replaced.status == 200
                && "bye".equals(replaced.json().path("text").asText()) && !replaced.json().has("pinned"));
        Answer deleted = send("DELETE", location, null, "Note");
        check("C4.5", "DELETE on that Location is 204", deleted, deleted.status == 204);
        problem("C4.5", "and then GET is 404", send("GET", location, null, "Note"), 404);
        enrichmentRule("Note", "text", "notBlank", notes, JSON.createObjectNode().put("text", "   "));
    }

    // ---------------------------------------------------------------- helpers

    /** C5.5: a rule the enrichment added (as the served document states it) is enforced under its name. */
    private void enrichmentRule(String entity, String field, String rule, String path, ObjectNode body)
            throws InterruptedException {
        JsonNode rules = document.path("components").path("schemas").path(entity).path("properties").path(field)
                .path("x-specforge-rules");
        boolean stated = false;
        for (JsonNode r : rules) {
            stated |= r.asText().equals(rule);
        }
        if (!stated) {
            record("C5.5", entity + "." + field + ": the document states no " + rule + " rule (not applicable)", true,
                    "");
            return;
        }
        violation("C5.5", "the enrichment's " + rule + " on " + entity + "." + field, send("POST", path, body, entity),
                400, "/" + field, rule);
    }

    private void violation(String rule, String what, Answer a, int status, String pointer, String name) {
        check(rule, what + ": " + status + " with errors[] {pointer " + pointer + ", rule " + name + "}", a,
                isProblem(a, status) && hasError(a, pointer, name));
    }

    private void problem(String rule, String what, Answer a, int status) {
        check(rule, what, a, a.status == status);
        check("C6.1", status + " is application/problem+json with type, title, status and detail (" + what + ")", a,
                isProblem(a, status));
    }

    private static boolean isProblem(Answer a, int status) {
        JsonNode p = a.json();
        return a.status == status && a.contentType.startsWith(PROBLEM) && p.path("status").asInt() == status
                && p.hasNonNull("type") && !p.path("title").asText().isBlank() && p.hasNonNull("detail");
    }

    private static boolean hasError(Answer a, String pointer, String rule) {
        for (JsonNode e : a.json().path("errors")) {
            if (pointer.equals(e.path("pointer").asText(null)) && rule.equals(e.path("rule").asText())
                    && !e.path("detail").asText().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether every field of {@code sent} is in {@code got} with the same value, but those named */
    private static boolean sameFields(JsonNode sent, JsonNode got, String... except) {
        Set<String> skip = new LinkedHashSet<>(List.of(except));
        Predicate<String> same = name -> skip.contains(name) || sent.get(name).equals(got.get(name));
        List<String> names = new ArrayList<>();
        sent.fieldNames().forEachRemaining(names::add);
        return names.stream().allMatch(same);
    }

    private static boolean sameInstant(String got, String sent) {
        try {
            return Instant.parse(java.time.OffsetDateTime.parse(got).toInstant().toString())
                    .equals(Instant.parse(sent));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void check(String rule, String what, Answer a, boolean passed) {
        record(rule, what, passed, a.toString());
    }

    private void record(String rule, String what, boolean passed, String detail) {
        results.add(new Result(rule, what, passed, passed ? "" : detail));
    }

    private Answer send(String method, String path, JsonNode body, String entity) throws InterruptedException {
        return sendRaw(method, path, body == null ? null : body.toString(), entity);
    }

    /**
     * @param entity the entity the path belongs to (its documented path template is recorded for C2.2), or
     *               {@code null} for paths outside the document
     */
    private Answer sendRaw(String method, String path, String body, String entity) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        requests++;
        Answer a;
        try {
            HttpResponse<String> r = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            a = new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null), r.body());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            a = new Answer(-1, "", null, "no answer: " + (e.getCause() == null ? e : e.getCause()));
        }
        if (entity != null && a.status > 0) {
            String template = path.equals(collections.get(entity)) ? path : items.get(entity);
            seen.computeIfAbsent(method + " " + template, k -> new LinkedHashSet<>()).add(String.valueOf(a.status));
        }
        return a;
    }
}
