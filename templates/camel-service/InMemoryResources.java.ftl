package ${project.packageName}.repository.memory;

/**
 * The in-memory repositories of the {@code resources} of {@code contract.json}, one per resource name, each seeded
 * with the document's own examples ({@code seed}). Records are JSON values stored under the text of their id (the
 * resource's {@code idProperty}); a path's id finds the record whose id has the same text. Records are lost on
 * restart. Thread-safe.
 */
public class InMemoryResources {

    private final java.util.Map<String, Repository> repositories = new java.util.LinkedHashMap<>();

    /**
     * @param resources the contract's {@code resources}: by name, {@code idProperty}, {@code idType} and {@code seed}
     */
    public InMemoryResources(com.fasterxml.jackson.databind.JsonNode resources) {
        resources.fields().forEachRemaining(resource -> repositories.put(resource.getKey(), new Repository(
                resource.getValue().path("idProperty").asText("id"),
                resource.getValue().path("idType").asText("string"),
                resource.getValue().path("seed"))));
    }

    /**
     * @param name a resource's name
     * @return its repository
     * @throws IllegalArgumentException when the contract has no such resource
     */
    public Repository repository(String name) {
        Repository repository = repositories.get(name);
        if (repository == null) {
            throw new IllegalArgumentException("the contract has no resource " + name);
        }
        return repository;
    }

    /**
     * The records of one resource, in the order they were stored.
     */
    public static final class Repository {

        private final String idProperty;
        private final boolean integerIds;
        private final java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> records =
                new java.util.LinkedHashMap<>();
        private java.math.BigInteger largestId = java.math.BigInteger.ZERO;

        Repository(String idProperty, String idType, com.fasterxml.jackson.databind.JsonNode seed) {
            this.idProperty = idProperty;
            this.integerIds = idType.equals("integer");
            for (com.fasterxml.jackson.databind.JsonNode record : seed) {
                create(record.deepCopy());
            }
        }

        /** @return the property of a record that holds its id */
        public String idProperty() {
            return idProperty;
        }

        /**
         * @param record a record
         * @return the text of its id, or {@code null} when it has none
         */
        public String idOf(com.fasterxml.jackson.databind.JsonNode record) {
            com.fasterxml.jackson.databind.JsonNode id = record == null ? null : record.get(idProperty);
            return id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
        }

        /** @return every stored record */
        public synchronized java.util.List<com.fasterxml.jackson.databind.JsonNode> findAll() {
            return new java.util.ArrayList<>(records.values());
        }

        /**
         * @param id an id's text
         * @return the record stored under it, or {@code null}
         */
        public synchronized com.fasterxml.jackson.databind.JsonNode find(String id) {
            return id == null ? null : records.get(id);
        }

        /**
         * Stores a new record, giving it an id when it has none: one more than the largest integer id stored so far,
         * or a random UUID for string ids. A record with the id of a stored one replaces it.
         *
         * @param record the record (a JSON object)
         * @return the stored record
         */
        public synchronized com.fasterxml.jackson.databind.JsonNode create(com.fasterxml.jackson.databind.JsonNode record) {
            String id = idOf(record);
            if (id == null) {
                if (integerIds) {
                    java.math.BigInteger next = largestId.add(java.math.BigInteger.ONE);
                    id = next.toString();
                    setId(record, id);
                } else {
                    id = java.util.UUID.randomUUID().toString();
                    setId(record, id);
                }
            }
            remember(id);
            records.put(id, record);
            return record;
        }

        /**
         * Replaces a stored record (the new one gets the id when it has none).
         *
         * @param id     the id's text
         * @param record the new record
         * @return the stored record, or {@code null} when no record has that id (nothing is stored then)
         */
        public synchronized com.fasterxml.jackson.databind.JsonNode replace(String id,
                                                                          com.fasterxml.jackson.databind.JsonNode record) {
            if (id == null || !records.containsKey(id)) {
                return null;
            }
            if (idOf(record) == null) {
                setId(record, id);
            }
            records.put(id, record);
            return record;
        }

        /**
         * Merges the properties of a partial record into a stored one (one level deep).
         *
         * @param id      the id's text
         * @param partial the properties to set
         * @return the stored record, or {@code null} when no record has that id
         */
        public synchronized com.fasterxml.jackson.databind.JsonNode update(String id,
                                                                         com.fasterxml.jackson.databind.JsonNode partial) {
            com.fasterxml.jackson.databind.JsonNode stored = find(id);
            if (stored == null) {
                return null;
            }
            if (stored instanceof com.fasterxml.jackson.databind.node.ObjectNode object && partial.isObject()) {
                com.fasterxml.jackson.databind.node.ObjectNode merged = object.deepCopy();
                partial.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
                records.put(id, merged);
                return merged;
            }
            return stored;
        }

        /**
         * @param id the id's text
         * @return whether a record was removed
         */
        public synchronized boolean delete(String id) {
            return id != null && records.remove(id) != null;
        }

        private void setId(com.fasterxml.jackson.databind.JsonNode record, String id) {
            if (record instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                if (integerIds && id.matches("-?[0-9]+")) {
                    java.math.BigInteger number = new java.math.BigInteger(id);
                    if (number.bitLength() < 64) {
                        object.put(idProperty, number.longValue());
                    } else {
                        object.put(idProperty, number);
                    }
                } else {
                    object.put(idProperty, id);
                }
            }
        }

        private void remember(String id) {
            if (id.matches("-?[0-9]{1,30}")) {
                largestId = largestId.max(new java.math.BigInteger(id));
            }
        }
    }
}
