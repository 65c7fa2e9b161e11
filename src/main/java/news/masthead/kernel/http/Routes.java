package news.masthead.kernel.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The REST routes of the application (path template → methods), read from the resource classes. */
@ApplicationScoped
public class Routes {

    private final Map<Pattern, Set<String>> methodsByPath = new LinkedHashMap<>();

    @Inject
    Routes(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class)) {
            Path classPath = bean.getBeanClass().getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : bean.getBeanClass().getMethods()) {
                String verb = httpMethod(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    String template = join(classPath.value(), sub == null ? "" : sub.value());
                    methodsByPath
                            .computeIfAbsent(toPattern(template), k -> new TreeSet<>())
                            .add(verb);
                }
            }
        }
    }

    /** The methods allowed on a concrete request path, for a 405's Allow header. */
    public List<String> allowed(String path) {
        List<String> out = new ArrayList<>();
        methodsByPath.forEach((pattern, verbs) -> {
            if (pattern.matcher(path).matches()) {
                out.addAll(verbs);
            }
        });
        if (out.contains("GET")) {
            out.add("HEAD");
        }
        out.add("OPTIONS");
        return out;
    }

    private static String httpMethod(Method m) {
        for (var a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Pattern toPattern(String template) {
        return Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }
}
