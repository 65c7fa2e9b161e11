package news.masthead.kernel.sql;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import news.masthead.kernel.http.IfMatch;

import java.util.function.Supplier;

/**
 * The writes of one kind of record, alike for every feature: create, replace (PUT), patch (JSON Merge Patch)
 * and delete, each through {@link Writes}. A feature's service extends it and says how its records are found,
 * read as input, filled from input and shown.
 *
 * @param <E> the entity
 * @param <I> its writable fields, as a request body sends them
 * @param <V> what a write answers with
 */
@Transactional
public abstract class RecordService<E extends VersionedEntity, I, V> {

    @Inject
    protected Writes writes;

    private final Supplier<E> fresh;
    private final Class<I> inputType;

    protected RecordService(Supplier<E> fresh, Class<I> inputType) {
        this.fresh = fresh;
        this.inputType = inputType;
    }

    /** The record a path segment names, or 404. */
    protected abstract E find(String key);

    /** The stored writable fields, as the body of a PUT that changes nothing. */
    protected abstract I input(E record);

    /** Writes valid input into the record (checking what it refers to, allocating a slug, …). */
    protected abstract void apply(E record, I input);

    protected abstract V show(E record);

    /** Runs on the locked row before it is deleted: may refuse (409 while others need it) or detach what points at it. */
    protected void beforeDelete(E record) {}

    public V get(String key) {
        return show(find(key));
    }

    public V create(I input) {
        return show(writes.create(input, fresh, this::apply));
    }

    public V replace(String key, I input, IfMatch ifMatch) {
        return show(writes.replace(find(key), ifMatch, input, this::apply));
    }

    public V patch(String key, JsonNode patch, IfMatch ifMatch) {
        return show(writes.patch(find(key), ifMatch, patch, new Form<>(inputType, this::input, this::apply)));
    }

    public void delete(String key, IfMatch ifMatch) {
        writes.delete(find(key), ifMatch, this::beforeDelete);
    }
}
