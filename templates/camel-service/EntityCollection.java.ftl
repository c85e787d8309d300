package ${project.packageName}.http;

/**
 * The CRUD collection of one entity under {@code /api/{plural}} (docs/conformance.md, sections 3 to 5): reads and
 * checks request bodies, assigns ids, stores through the entity's repository and writes the answers' JSON. The REST
 * routes call one method per operation; a failure is a {@link Problem} the routes turn into problem+json.
 *
 * <p>Writes hold the collection's lock, so that assigning an id, checking the body and storing it are one step.
 *
 * @param <T> the record type
 */
public class EntityCollection<T> {

    /** How an entity is identified. */
    public enum Ids {
        /** a {@code uuid} id: a random UUID when a create has none */
        UUID,
        /** a {@code string} id: a random UUID's text when a create has none */
        STRING,
        /** an {@code integer} id (32-bit): one more than the largest stored so far when a create has none */
        INTEGER,
        /** a {@code long} id (64-bit): one more than the largest stored so far when a create has none */
        LONG,
        /** no id field: every record is stored under a UUID the service assigns, seen only in {@code Location} */
        NONE
    }

    private final Class<T> type;
    private final Ids ids;
    private final String path;
    private final ${project.packageName}.repository.RecordStore<T> repository;
    private final RecordValidator validator;

    /**
     * @param type       the record type
     * @param ids        how it is identified
     * @param path       the collection's path, e.g. {@code /api/customers}
     * @param repository where its records are stored
     * @param validator  checks request bodies
     */
    public EntityCollection(Class<T> type, Ids ids, String path,
                            ${project.packageName}.repository.RecordStore<T> repository, RecordValidator validator) {
        this.type = type;
        this.ids = ids;
        this.path = path;
        this.repository = repository;
        this.validator = validator;
    }

    /** A stored record: where it is and what it is. */
    public static final class Created {

        private final String location;
        private final String json;

        Created(String location, String json) {
            this.location = location;
            this.json = json;
        }

        /** @return its path, e.g. {@code /api/customers/42} (the {@code Location} header) */
        public String getLocation() {
            return location;
        }

        /** @return the stored record's JSON (the answer's body) */
        public String getJson() {
            return json;
        }
    }

    /** @return every stored record, as a JSON array */
    public String list() {
        return Json.write(repository.findAll());
    }

    /**
     * @param id the path's id
     * @return the record, as JSON
     * @throws Problem a 404 when no record has that id
     */
    public String get(String id) {
        return Json.write(existing(id));
    }

    /**
     * Creates a record: assigns an id when the body has none, checks the body, stores it.
     *
     * @param body the request body
     * @return the stored record
     * @throws Problem a 400 for a body that is not a valid record, a 409 for a taken id or unique value
     */
    public synchronized Created create(String body) {
        com.fasterxml.jackson.databind.node.ObjectNode object = Json.readObject(body);
        String id;
        if (ids == Ids.NONE) {
            id = java.util.UUID.randomUUID().toString();
        } else {
            com.fasterxml.jackson.databind.JsonNode given = object.get("id");
            if (given == null || given.isNull()) {
                id = switch (ids) {
                    case INTEGER, LONG -> String.valueOf(repository.largestNumericId() + 1);
                    default -> java.util.UUID.randomUUID().toString();
                };
                object.set("id", idNode(id));
            } else {
                id = canonical(given);
            }
        }
        T record = validator.toRecord(object, type);
        if (id == null) { // the body's id failed the checks, which reported it
            throw new IllegalStateException("an invalid id passed the checks");
        }
        repository.create(id, record);
        return new Created(path + "/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"), Json.write(record));
    }

    /**
     * Replaces a record. A body without an id takes the path's.
     *
     * @param id   the path's id
     * @param body the request body
     * @return the stored record, as JSON
     * @throws Problem a 404 when no record has that id, a 400 for a body that is not a valid record or whose id is
     *                 not the path's (rule {@code id}), a 409 for a unique value another record has
     */
    public synchronized String replace(String id, String body) {
        com.fasterxml.jackson.databind.node.ObjectNode object = Json.readObject(body);
        String key = key(id);
        existing(id);
        if (ids != Ids.NONE) {
            com.fasterxml.jackson.databind.JsonNode given = object.get("id");
            if (given == null || given.isNull()) {
                object.set("id", idNode(key));
            } else if (fitsType(given) && !key.equals(canonical(given))) {
                throw Problem.badRequest(java.util.List.of(new Problem.Violation("/id", "id",
                        "The id in the body is not the id in the path.")));
            }
        }
        T record = validator.toRecord(object, type);
        if (!repository.replace(key, record)) {
            throw notFound(id);
        }
        return Json.write(record);
    }

    /**
     * @param id the path's id
     * @throws Problem a 404 when no record has that id
     */
    public synchronized void delete(String id) {
        String key = key(id);
        if (key == null || !repository.delete(key)) {
            throw notFound(id);
        }
    }

    // ---- ids ----

    private T existing(String id) {
        String key = key(id);
        T record = key == null ? null : repository.find(key);
        if (record == null) {
            throw notFound(id);
        }
        return record;
    }

    private Problem notFound(String id) {
        return Problem.notFound("No " + type.getSimpleName() + " has the id " + id + ".");
    }

    /** @return the storage key of a path's id, or {@code null} when the text cannot be an id of this entity */
    private String key(String text) {
        if (text == null) {
            return null;
        }
        try {
            return switch (ids) {
                case UUID, NONE -> ${project.packageName}.validation.Format.Check.uuid(text)
                        ? text.toLowerCase(java.util.Locale.ROOT) : null;
                case LONG -> String.valueOf(Long.parseLong(text));
                case INTEGER -> String.valueOf(Integer.parseInt(text));
                case STRING -> text;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return whether a body's id has the JSON type of this entity's ids */
    private boolean fitsType(com.fasterxml.jackson.databind.JsonNode id) {
        return switch (ids) {
            case INTEGER -> id.isIntegralNumber() && id.canConvertToInt();
            case LONG -> id.isIntegralNumber() && id.canConvertToLong();
            default -> id.isTextual();
        };
    }

    /** @return the storage key of a body's id, or {@code null} when it is not a valid id (the checks report it) */
    private String canonical(com.fasterxml.jackson.databind.JsonNode id) {
        return fitsType(id) ? key(id.asText()) : null;
    }

    private com.fasterxml.jackson.databind.JsonNode idNode(String id) {
        return switch (ids) {
            case INTEGER, LONG -> com.fasterxml.jackson.databind.node.LongNode.valueOf(Long.parseLong(id));
            default -> com.fasterxml.jackson.databind.node.TextNode.valueOf(id);
        };
    }
}
