package news.masthead.kernel.query;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import news.masthead.kernel.errors.ApiException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a query parameter the matched operation does not declare (400 naming it), so that a typo such
 * as {@code ?tags=} never silently returns the unfiltered list. The declared names are read once per
 * resource method from its {@code @QueryParam} parameters and the {@code @QueryParam} fields of its
 * {@code @BeanParam} classes.
 */
public class QueryParamsFilter {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 1)
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> sent = request.getUriInfo().getQueryParameters().keySet();
        if (sent.isEmpty()) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, QueryParamsFilter::declaredBy);
        for (String name : new TreeSet<>(sent)) {
            if (!known.contains(name)) {
                throw ApiException.InvalidRequest.field(
                        name,
                        known.isEmpty()
                                ? "unknown query parameter; this operation takes none"
                                : "unknown query parameter; this operation takes " + String.join(", ", known));
            }
        }
    }

    private static Set<String> declaredBy(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.add(q.value());
            } else if (p.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        QueryParam fq = f.getAnnotation(QueryParam.class);
                        if (fq != null) {
                            names.add(fq.value());
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
