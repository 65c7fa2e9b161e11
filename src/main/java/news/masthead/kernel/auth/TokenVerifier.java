package news.masthead.kernel.auth;

import java.util.Optional;

/**
 * Resolves an API token's secret to its role. Implemented by the tokens feature; {@link AuthFilter}
 * asks it on every request that carries a token other than the bootstrap admin token, so a revoked
 * token fails on the very next request, on every instance.
 */
public interface TokenVerifier {

    /** The role of the live token with this secret, or empty when there is none. */
    Optional<Role> roleOf(String secret);
}
