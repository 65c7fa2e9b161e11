package news.masthead.kernel.sql;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.errors.Validation;
import news.masthead.kernel.http.IfMatch;
import news.masthead.kernel.json.Patching;
import org.hibernate.Hibernate;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one write flow of every resource. A change locks the row first (SELECT … FOR UPDATE): a concurrent
 * writer of the same record waits for this transaction and then sees its version, so If-Match, checked next
 * against the locked version, decides between them and two writes never interleave. Then the input is
 * validated (a patch after it is merged), applied and saved. The change-feed entry is written by the table's
 * trigger (V3) in the same transaction, so it commits with the write or not at all.
 */
@ApplicationScoped
public class Writes {

    @Inject
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    Patching patching;

    /** A new record: the input is validated before {@code fresh} makes the entity (and checks what it must). */
    public <E extends VersionedEntity, I> E create(I input, Supplier<E> fresh, BiConsumer<E, I> apply) {
        I valid = validation.valid(input);
        E e = fresh.get();
        apply.accept(e, valid);
        e.insert();
        return e;
    }

    /** PUT: every writable field from {@code input}. */
    public <E extends VersionedEntity, I> E replace(E found, IfMatch ifMatch, I input, BiConsumer<E, I> apply) {
        E e = lock(found, ifMatch);
        apply.accept(e, validation.valid(input));
        e.save();
        return e;
    }

    /** JSON Merge Patch: the stored fields with {@code patch} merged in, validated and applied as a PUT would be. */
    public <E extends VersionedEntity, I> E patch(E found, IfMatch ifMatch, JsonNode patch, Form<E, I> form) {
        E e = lock(found, ifMatch);
        form.apply().accept(e, patching.merge(form.read().apply(e), patch, form.type()));
        e.save();
        return e;
    }

    public <E extends VersionedEntity> void delete(E found, IfMatch ifMatch) {
        delete(found, ifMatch, e -> {});
    }

    /** {@code before} runs on the locked row: it may refuse (409 while others need it) or detach what points at it. */
    public <E extends VersionedEntity> void delete(E found, IfMatch ifMatch, Consumer<E> before) {
        E e = lock(found, ifMatch);
        before.accept(e);
        e.delete();
        em.flush();
    }

    /**
     * The row read again under FOR UPDATE, for a write of its own kind (a change of one field, say). 404 when a concurrent writer deleted it while this one waited: a write to
     * a missing record is 404 whatever its If-Match says (RFC 9110 §13.2.1), as it is when the record was gone before.
     */
    public <E extends VersionedEntity> E lock(E found, IfMatch ifMatch) {
        em.detach(found); // else find() would answer from the persistence context, unlocked
        @SuppressWarnings("unchecked")
        E locked = (E) em.find(Hibernate.getClass(found), found.id, LockModeType.PESSIMISTIC_WRITE);
        if (locked == null) {
            throw new ApiException.NotFound("It was deleted by another request meanwhile.");
        }
        ifMatch.require(locked.version);
        return locked;
    }
}
