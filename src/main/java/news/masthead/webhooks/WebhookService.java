package news.masthead.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.changes.ChangeCursor;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.errors.Validation;
import news.masthead.kernel.http.IfMatch;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.paging.Page;
import news.masthead.kernel.paging.PageRequest;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.paging.SortSpec.ValueType;
import news.masthead.kernel.sql.Form;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.Writes;
import news.masthead.kernel.time.AppClock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class WebhookService {

    static final Map<String, SortField> SORTS =
            Map.of("createdAt", new SortField("e.created_at", false, ValueType.INSTANT));
    private static final String DELIVERIES_CURSOR = "deliveries:";

    @Inject
    EntityManager em;

    @Inject
    Listing listing;

    @Inject
    Validation validation;

    @Inject
    Lookup lookup;

    @Inject
    Writes writes;

    @Inject
    SecretBox secrets;

    @Inject
    CmsConfig cms;

    @Inject
    Attempts attempts;

    @Inject
    AppClock clock;

    @Inject
    HostResolver dns;

    public Page<WebhookView> list(String sort, PageRequest page) {
        return listing.page(
                        Webhook.class,
                        "webhooks",
                        w -> w.id,
                        new Filter(),
                        SortSpec.parse(sort, SORTS, "createdAt"),
                        page)
                .map(WebhookService::view);
    }

    public WebhookView get(String id) {
        return view(find(id));
    }

    /** Delivers what is committed after this moment: the cursor starts at the end of the change feed. */
    public CreatedWebhookView create(WebhookInput input) {
        WebhookInput in = checked(input.withDefaults());
        Webhook w = new Webhook();
        w.id = UUID.randomUUID();
        String secret = SecretBox.newSecret();
        apply(w, in);
        w.secretSealed = secrets.seal(w.id, secret);
        UUID id = w.id;
        w.createdAt = clock.now();
        w.updatedAt = w.createdAt;
        w.version = 1;
        w.persistAndFlush();
        em.createNativeQuery(
                        "insert into webhook_cursors (webhook_id, seq) select :id, coalesce(max(seq), 0) from changes")
                .setParameter("id", id)
                .executeUpdate();
        return CreatedWebhookView.of(view(w), secret);
    }

    public WebhookView replace(String id, WebhookInput input, IfMatch ifMatch) {
        return view(writes.replace(find(id), ifMatch, input, this::applyChecked));
    }

    public WebhookView patch(String id, JsonNode patch, IfMatch ifMatch) {
        return view(writes.patch(
                find(id), ifMatch, patch, new Form<>(WebhookInput.class, WebhookService::input, this::applyChecked)));
    }

    public void delete(String id, IfMatch ifMatch) {
        writes.delete(find(id), ifMatch);
    }

    private void applyChecked(Webhook w, WebhookInput in) {
        apply(w, checked(in.withDefaults()));
    }

    /** A new signing secret, shown in this answer only; the next attempt is signed with it. */
    public CreatedWebhookView rotateSecret(String id) {
        Webhook w = locked(id);
        String secret = SecretBox.newSecret();
        w.secretSealed = secrets.seal(w.id, secret);
        w.save();
        return CreatedWebhookView.of(view(w), secret);
    }

    /** Sends every matching entry after {@code after} again, in order; the worker takes it over at its next step. */
    public WebhookView replay(String id, ReplayInput input) {
        validation.valid(input);
        long seq = ChangeCursor.decode(input.after());
        Webhook w = locked(id);
        w.replayAfter = seq;
        w.save();
        return view(w);
    }

    /** A signed ping sent now, outside the order of entries; its attempt is logged like any other. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public DeliveryView ping(String id) {
        Webhook w = find(id);
        Attempts.Event event = new Attempts.Event("ping", null, null, w.id, null, Instant.now(), null, List.of());
        Sender.Outcome o =
                attempts.send(w.id, w.url, w.secretSealed, "msg_" + w.id + "_ping_" + UUID.randomUUID(), event);
        Instant at = Instant.now();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into webhook_deliveries (webhook_id, seq, type, attempt, status, duration_ms, error, at)
                        values (:w, null, 'ping', 1, :status, :ms, :error, :at)""")
                        .setParameter("w", w.id)
                        .setParameter("status", o.status())
                        .setParameter("ms", o.durationMs())
                        .setParameter("error", o.error())
                        .setParameter("at", at)
                        .executeUpdate());
        return new DeliveryView(null, "ping", 1, o.status(), o.durationMs(), o.error(), at);
    }

    /** The webhook's attempts, newest first (kept for cms.webhooks.delivery-retention). */
    public Page<DeliveryView> deliveries(String id, PageRequest page) {
        Webhook w = find(id);
        long before = page.cursor() == null ? Long.MAX_VALUE : decodeCursor(page.cursor());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, seq, type, attempt, status, duration_ms, error, at from webhook_deliveries
                        where webhook_id = :w and id < :before order by id desc limit :n""")
                .setParameter("w", w.id)
                .setParameter("before", before)
                .setParameter("n", page.limit() + 1)
                .getResultList();
        List<DeliveryView> items = new ArrayList<>();
        long last = 0;
        for (Object[] r : rows.subList(0, Math.min(rows.size(), page.limit()))) {
            last = ((Number) r[0]).longValue();
            items.add(new DeliveryView(
                    r[1] == null ? null : ((Number) r[1]).longValue(),
                    (String) r[2],
                    ((Number) r[3]).intValue(),
                    r[4] == null ? null : ((Number) r[4]).intValue(),
                    ((Number) r[5]).intValue(),
                    (String) r[6],
                    (Instant) r[7]));
        }
        String next = rows.size() > page.limit() ? encodeCursor(last) : null;
        Long total = page.withTotal()
                ? ((Number) em.createNativeQuery("select count(*) from webhook_deliveries where webhook_id = :w")
                                .setParameter("w", w.id)
                                .getSingleResult())
                        .longValue()
                : null;
        return new Page<>(items, total, page.limit(), next);
    }

    private WebhookInput checked(WebhookInput in) {
        validation.valid(in);
        try {
            Destination.check(in.url(), cms.webhooks().allowPrivateAddresses(), dns);
        } catch (Destination.Refused why) {
            throw ApiException.InvalidRequest.field("url", why.getMessage());
        }
        return in;
    }

    private void apply(Webhook w, WebhookInput in) {
        w.url = in.url();
        w.events = new ArrayList<>(in.events());
        w.scope = in.scope();
        if (in.active() && !w.active) {
            w.inactiveReason = null;
            w.resumedAt = clock.now();
        }
        w.active = in.active();
    }

    private static WebhookInput input(Webhook w) {
        return new WebhookInput(w.url, w.events, w.scope, w.active);
    }

    private Webhook find(String id) {
        return lookup.byId(Webhook.class, id, "webhook");
    }

    private Webhook locked(String id) {
        return writes.lock(find(id), IfMatch.NONE);
    }

    private static String encodeCursor(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((DELIVERIES_CURSOR + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith(DELIVERIES_CURSOR)) {
                return Long.parseLong(raw.substring(DELIVERIES_CURSOR.length()));
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the 400 below
        }
        throw ApiException.InvalidRequest.field(
                "cursor", "is not a cursor of this list; use the 'next' value of a previous page");
    }

    static WebhookView view(Webhook w) {
        return new WebhookView(
                w.id,
                w.url,
                List.copyOf(w.events),
                w.scope,
                w.active,
                w.inactiveReason,
                w.createdAt,
                w.updatedAt,
                w.version);
    }
}
