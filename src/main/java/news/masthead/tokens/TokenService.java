package news.masthead.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.auth.TokenVerifier;
import news.masthead.kernel.http.IfMatch;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.paging.Page;
import news.masthead.kernel.paging.PageRequest;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.paging.SortSpec.ValueType;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.Writes;

import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class TokenService implements TokenVerifier {

    static final Map<String, SortField> SORTS = Map.of(
            "createdAt", new SortField("e.created_at", false, ValueType.INSTANT),
            "name", new SortField("e.name", false, ValueType.TEXT));

    /** The whole per-request cost of a token: one probe of the unique index api_tokens_secret_hash_idx. */
    static final String LOOKUP = "select t.role from ApiToken t where t.secretHash = :hash";

    @Inject
    EntityManager em;

    @Inject
    Listing listing;

    @Inject
    Lookup lookup;

    @Inject
    Writes writes;

    /** Outside any transaction: one autocommit statement, no BEGIN/COMMIT round trips around it. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Role> roleOf(String secret) {
        if (!Secrets.wellFormed(secret)) {
            return Optional.empty();
        }
        return em.createQuery(LOOKUP, TokenRole.class)
                .setParameter("hash", Secrets.hash(secret))
                .getResultStream()
                .findFirst()
                .map(TokenRole::role);
    }

    public Page<TokenView> list(String sort, PageRequest page) {
        return listing.page(
                        ApiToken.class,
                        "api_tokens",
                        t -> t.id,
                        new Filter(),
                        SortSpec.parse(sort, SORTS, "createdAt"),
                        page)
                .map(TokenService::view);
    }

    public TokenView get(String id) {
        return view(find(id));
    }

    public CreatedTokenView create(TokenInput input) {
        String secret = Secrets.generate();
        ApiToken t = writes.create(input, ApiToken::new, (token, in) -> {
            token.name = in.name();
            token.role = in.role();
            token.secretHash = Secrets.hash(secret);
        });
        return new CreatedTokenView(t.id, t.name, t.role, secret, t.createdAt, t.updatedAt, t.version);
    }

    /** Revokes the token: its row goes, so the next request carrying it is a 401. */
    public void delete(String id, IfMatch ifMatch) {
        writes.delete(find(id), ifMatch);
    }

    private ApiToken find(String id) {
        return lookup.byId(ApiToken.class, id, "token");
    }

    private static TokenView view(ApiToken t) {
        return new TokenView(t.id, t.name, t.role, t.createdAt, t.updatedAt, t.version);
    }
}
