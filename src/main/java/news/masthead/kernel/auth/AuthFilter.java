package news.masthead.kernel.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Establishes the caller from the bearer token and enforces each method's {@link Access} rule. */
@ApplicationScoped // created at first use, at run time: the configuration mapping is not there at static init
public class AuthFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Caller caller;

    @Inject
    TokenVerifier tokens;

    @Inject
    CmsConfig config;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        Role required = requiredRole(resource.getResourceMethod());
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            caller.set(roleOf(header));
        }
        if (!caller.role().includes(required)) {
            if (caller.role() == Role.PUBLIC) {
                throw new ApiException.Unauthenticated("This operation needs an Authorization: Bearer token.");
            }
            throw new ApiException.Forbidden(
                    "This operation needs the " + required.name().toLowerCase() + " role.");
        }
    }

    private Role roleOf(String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException.Unauthenticated("Use Authorization: Bearer <token>.");
        }
        String token = header.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw ApiException.Unauthenticated.invalidToken("The bearer token is empty.");
        }
        // The bootstrap admin token (cms.admin-token) is compared in constant time and needs no query.
        Optional<String> adminToken = config.adminToken();
        if (adminToken.isPresent() && !adminToken.get().isBlank() && constantTimeEquals(token, adminToken.get())) {
            return Role.ADMIN;
        }
        // Any other token is looked up by its hash on every request: no cache, so revocation is immediate.
        return tokens.roleOf(token)
                .orElseThrow(() -> ApiException.Unauthenticated.invalidToken(
                        "The bearer token is not valid or has been revoked."));
    }

    /** Fails closed: a method without an explicit rule is unreachable. */
    private static Role requiredRole(Method method) {
        if (method == null) {
            throw new ApiException.Forbidden("No access rule.");
        }
        Access access = method.getAnnotation(Access.class);
        if (access == null) {
            access = method.getDeclaringClass().getAnnotation(Access.class);
        }
        if (access == null) {
            throw new ApiException.Forbidden("This endpoint declares no access rule and is refused.");
        }
        return access.value();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
