package ${project.packageName}.http;

/**
 * What an operation answers when no route of yours implements it (the {@code otherwise} branch of its route), as
 * {@code contract.json} says. An operation wired to a resource keeps state in its in-memory repository: a create
 * stores the body (and gives it an id), a list answers every stored record, a read, replace, update or delete finds
 * the record by the path's id (a {@code 404} problem when none has it). Any other operation answers the document's
 * first 2xx status, content type and example body; one whose document gives no 2xx answer is a {@code 501} problem.
 */
public class DefaultAnswers {

    private final Contract contract;
    private final ${project.packageName}.repository.memory.InMemoryResources resources;

    /**
     * @param contract  the operations' answers
     * @param resources the in-memory repositories of the contract's resources
     */
    public DefaultAnswers(Contract contract, ${project.packageName}.repository.memory.InMemoryResources resources) {
        this.contract = contract;
        this.resources = resources;
    }

    /**
     * Answers a validated request of the operation named by exchange property {@value Contract#OPERATION_ID}.
     *
     * @param exchange the exchange; its message becomes the answer
     * @throws Problem a 404 for an id no record has, a 501 when the document gives the operation no 2xx answer
     */
    public void answer(org.apache.camel.Exchange exchange) {
        Contract.Operation op = contract.operation(exchange.getProperty(Contract.OPERATION_ID, String.class));
        com.fasterxml.jackson.databind.JsonNode answer = op.answer();
        if (!answer.isObject()) {
            throw new Problem(501, "Not Implemented", "The API document gives " + op.method() + " " + op.path()
                    + " no successful answer, and no route implements it.", java.util.List.of());
        }
        org.apache.camel.Message message = exchange.getMessage();
        com.fasterxml.jackson.databind.JsonNode body = answer.path("body");
        com.fasterxml.jackson.databind.JsonNode resource = op.resource();
        if (resource.isObject()) {
            body = fromRepository(op, resource, exchange, body);
        }
        write(message, answer.path("status").asInt(200), answer.path("contentType").textValue(), body);
    }

    private com.fasterxml.jackson.databind.JsonNode fromRepository(Contract.Operation op,
                                                                   com.fasterxml.jackson.databind.JsonNode resource,
                                                                   org.apache.camel.Exchange exchange,
                                                                   com.fasterxml.jackson.databind.JsonNode answerBody) {
        ${project.packageName}.repository.memory.InMemoryResources.Repository repository =
                resources.repository(resource.path("name").asText());
        com.fasterxml.jackson.databind.JsonNode sent = jsonBody(exchange);
        String role = resource.path("role").asText();
        String id = null;
        if (!role.equals("create") && !role.equals("list")) {
            String idParameter = resource.path("idParameter").textValue();
            com.fasterxml.jackson.databind.JsonNode parameters =
                    exchange.getProperty(RequestValidator.PARAMETERS, com.fasterxml.jackson.databind.JsonNode.class);
            id = idParameter != null && parameters != null && parameters.hasNonNull(idParameter)
                    ? parameters.get(idParameter).asText() : repository.idOf(sent);
        }
        boolean answersStored = op.answer().path("schema").equals(op.requestBody().path("schema"));
        switch (role) {
            case "create" -> {
                if (sent == null || !sent.isObject()) {
                    return answerBody;
                }
                com.fasterxml.jackson.databind.JsonNode stored = repository.create(sent);
                return answersStored ? stored : answerBody;
            }
            case "list" -> {
                com.fasterxml.jackson.databind.node.ArrayNode all = Json.MAPPER.createArrayNode();
                repository.findAll().forEach(all::add);
                String listProperty = resource.path("listProperty").textValue();
                if (listProperty != null && answerBody.isObject()) {
                    com.fasterxml.jackson.databind.node.ObjectNode wrapped = answerBody.deepCopy();
                    wrapped.set(listProperty, all);
                    return wrapped;
                }
                return all;
            }
            case "read" -> {
                return found(repository.find(id), op, id);
            }
            case "replace", "update" -> {
                if (sent == null || !sent.isObject()) {
                    found(repository.find(id), op, id);
                    return answerBody;
                }
                com.fasterxml.jackson.databind.JsonNode stored = role.equals("replace")
                        ? repository.replace(id, sent) : repository.update(id, sent);
                found(stored, op, id);
                com.fasterxml.jackson.databind.JsonNode answerSchema = op.answer().path("schema");
                return answersStored || answerSchema.isObject()
                        && answerSchema.equals(recordSchema(resource.path("name").asText())) ? stored : answerBody;
            }
            case "delete" -> {
                if (!repository.delete(id)) {
                    found(null, op, id);
                }
                return answerBody;
            }
            default -> {
                return answerBody;
            }
        }
    }

    /** The schema of a resource's records: the answer schema of the operation that reads one, if any. */
    private com.fasterxml.jackson.databind.JsonNode recordSchema(String resourceName) {
        for (Contract.Operation other : contract.operations()) {
            if (other.resource().path("name").asText().equals(resourceName)
                    && other.resource().path("role").asText().equals("read")) {
                return other.answer().path("schema");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The record, or a 404 problem when there is none. */
    private static com.fasterxml.jackson.databind.JsonNode found(com.fasterxml.jackson.databind.JsonNode record,
                                                                Contract.Operation op, String id) {
        if (record == null) {
            throw Problem.notFound("No " + op.resource().path("name").asText() + " has the id "
                    + (id == null ? "(none given)" : "'" + id + "'") + ".");
        }
        return record;
    }

    /** The request's JSON body, or {@code null} when it has none or it is not JSON. */
    private static com.fasterxml.jackson.databind.JsonNode jsonBody(org.apache.camel.Exchange exchange) {
        org.apache.camel.Message message = exchange.getMessage();
        String body = message.getBody(String.class);
        if (body == null || body.isBlank()
                || !RequestValidator.isJson(RequestValidator.mediaType(message.getHeader("Content-Type", String.class)))) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Makes the message the answer: the status, and the body written as JSON for a JSON content type (a JSON string
     * is written as that string for any other type). The request's headers are not echoed.
     *
     * @param message     the message
     * @param status      the HTTP status
     * @param contentType the content type, {@code null} for an answer without content
     * @param body        the body, {@code null} or a null/missing node for none
     */
    static void write(org.apache.camel.Message message, int status, String contentType,
                      com.fasterxml.jackson.databind.JsonNode body) {
        message.removeHeaders("*");
        message.setHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType == null || body == null || body.isMissingNode() || body.isNull() && !isJsonType(contentType)) {
            message.setBody(null);
            return;
        }
        message.setHeader(org.apache.camel.Exchange.CONTENT_TYPE, contentType);
        message.setBody(body.isTextual() && !isJsonType(contentType) ? body.textValue() : Json.write(body));
    }

    private static boolean isJsonType(String contentType) {
        return RequestValidator.isJson(RequestValidator.mediaType(contentType));
    }
}
