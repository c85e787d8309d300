package ${project.packageName}.repository;

/**
 * Storage of one entity's records under string ids (the canonical text of the record's id, or a UUID the service
 * assigned to an entity without one). Implementations are thread-safe.
 *
 * @param <T> the record type
 */
public interface RecordStore<T> {

    /** @return every stored record, in no promised order */
    java.util.List<T> findAll();

    /**
     * @param id an id
     * @return the record stored under it, or {@code null}
     */
    T find(String id);

    /**
     * Stores a new record.
     *
     * @param id   its id
     * @param item the record
     * @throws ${project.packageName}.http.Problem a 409 when the id is taken or a unique field's value is another
     *         record's (rule {@code unique})
     */
    void create(String id, T item);

    /**
     * Replaces a stored record.
     *
     * @param id   its id
     * @param item the new record
     * @return whether a record had that id (nothing is stored when none had)
     * @throws ${project.packageName}.http.Problem a 409 when a unique field's value is another record's
     */
    boolean replace(String id, T item);

    /**
     * @param id an id
     * @return whether a record was removed
     */
    boolean delete(String id);

    /** @return the largest numeric id stored so far (deleted records count), 0 when there was none */
    long largestNumericId();
}
