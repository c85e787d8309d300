package ${project.packageName}.repository.memory;

/**
 * A {@link ${project.packageName}.repository.RecordStore} in memory: lost on restart. Every method holds the
 * store's lock, so that checking a unique value and storing the record are one step.
 *
 * @param <T> the record type
 */
public class InMemoryStore<T> implements ${project.packageName}.repository.RecordStore<T> {

    private final java.util.Map<String, T> items = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, java.util.function.Function<T, Object>> unique = new java.util.TreeMap<>();
    private long largestNumericId;

    /**
     * Declares a field whose values no two records may share (called by constructors).
     *
     * @param pointer  the JSON pointer of the field, e.g. {@code /email}
     * @param accessor reads the field of a record
     */
    protected final void unique(String pointer, java.util.function.Function<T, Object> accessor) {
        unique.put(pointer, accessor);
    }

    @Override
    public synchronized java.util.List<T> findAll() {
        return java.util.List.copyOf(items.values());
    }

    @Override
    public synchronized T find(String id) {
        return items.get(id);
    }

    @Override
    public synchronized void create(String id, T item) {
        java.util.List<${project.packageName}.http.Problem.Violation> clashes = clashes(id, item);
        if (items.containsKey(id)) {
            clashes.add(0, new ${project.packageName}.http.Problem.Violation("/id", "unique",
                    "A record with the id " + id + " already exists."));
        }
        if (!clashes.isEmpty()) {
            throw ${project.packageName}.http.Problem.conflict(clashes);
        }
        items.put(id, item);
        try {
            largestNumericId = Math.max(largestNumericId, Long.parseLong(id));
        } catch (NumberFormatException e) {
            // not a numeric id
        }
    }

    @Override
    public synchronized boolean replace(String id, T item) {
        if (!items.containsKey(id)) {
            return false;
        }
        java.util.List<${project.packageName}.http.Problem.Violation> clashes = clashes(id, item);
        if (!clashes.isEmpty()) {
            throw ${project.packageName}.http.Problem.conflict(clashes);
        }
        items.put(id, item);
        return true;
    }

    @Override
    public synchronized boolean delete(String id) {
        return items.remove(id) != null;
    }

    @Override
    public synchronized long largestNumericId() {
        return largestNumericId;
    }

    /** @return the unique fields whose value a record other than {@code id} already has */
    private java.util.List<${project.packageName}.http.Problem.Violation> clashes(String id, T item) {
        java.util.List<${project.packageName}.http.Problem.Violation> clashes = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, java.util.function.Function<T, Object>> field : unique.entrySet()) {
            Object value = field.getValue().apply(item);
            if (value == null) {
                continue;
            }
            for (java.util.Map.Entry<String, T> stored : items.entrySet()) {
                if (!stored.getKey().equals(id) && value.equals(field.getValue().apply(stored.getValue()))) {
                    clashes.add(new ${project.packageName}.http.Problem.Violation(field.getKey(), "unique",
                            "Another record already has this value."));
                    break;
                }
            }
        }
        return clashes;
    }
}
