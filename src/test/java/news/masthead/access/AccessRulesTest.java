package news.masthead.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static news.masthead.Api.ADMIN_TOKEN;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fail closed: every route declares who may call it, and the served spec tells the truth about it. */
@QuarkusTest
class AccessRulesTest {

    private static final String NOBODY = "00000000-0000-0000-0000-000000000000";

    @Test
    void everyOperationWithSecurityRefusesAnonymousCallersAndNoOtherDoes() {
        JsonPath spec = given().queryParam("format", "json")
                .get("/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        List<String> failures = new ArrayList<>();
        int secured = 0;
        int open = 0;
        for (var path : paths.entrySet()) {
            String url = path.getKey().replaceAll("\\{[^}]+}", NOBODY);
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                Map<String, Object> operation = op.getValue();
                RequestSpecification request = given();
                Object requestBody = operation.get("requestBody");
                if (requestBody != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> content =
                            (Map<String, Object>) ((Map<String, Object>) requestBody).get("content");
                    request = request.contentType(content.keySet().iterator().next())
                            .body("{}".getBytes(UTF_8)); // bytes: any type
                }
                Response r = request.request(method, url);
                boolean needsToken =
                        operation.get("security") != null && !((List<?>) operation.get("security")).isEmpty();
                String where = method + " " + path.getKey() + " answered " + r.statusCode();
                if (needsToken) {
                    secured++;
                    if (r.statusCode() != 401
                            || r.header("WWW-Authenticate") == null
                            || !r.header("WWW-Authenticate").startsWith("Bearer")) {
                        failures.add(where + " anonymously; expected 401 with WWW-Authenticate: Bearer");
                    }
                } else {
                    open++;
                    if (r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() >= 500) {
                        failures.add(where + " anonymously, but the spec declares no security: " + r.asString());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(secured >= 15 && open >= 8, "only " + secured + " secured and " + open + " open operations found");
    }

    @Test
    void everyResourceMethodDeclaresItsAccessAndTheSpecMatches() throws Exception {
        List<String> problems = new ArrayList<>();
        int methods = 0;
        for (Class<?> resource : resourceClasses()) {
            for (Method m : resource.getDeclaredMethods()) {
                if (httpMethod(m) == null) {
                    continue;
                }
                methods++;
                Access access = m.getAnnotation(Access.class) != null
                        ? m.getAnnotation(Access.class)
                        : resource.getAnnotation(Access.class);
                String name = resource.getSimpleName() + "." + m.getName();
                if (access == null) {
                    problems.add(name + " has no @Access");
                    continue;
                }
                SecurityRequirement sr = m.getAnnotation(SecurityRequirement.class);
                if (access.value() != Role.PUBLIC && (sr == null || !sr.name().equals("bearer"))) {
                    problems.add(
                            name + " needs " + access.value() + " but lacks @SecurityRequirement(name = \"bearer\")");
                }
                if (access.value() == Role.PUBLIC && sr != null) {
                    problems.add(name + " is public but documents a security requirement");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(methods >= 25, "found only " + methods + " resource methods");
    }

    @Test
    void aMethodWithoutAnAccessRuleIsRefusedToEveryone() {
        given().get("/test-only/unguarded")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().header("Authorization", "Bearer " + ADMIN_TOKEN)
                .get("/test-only/unguarded")
                .then()
                .statusCode(403);
    }

    /** Every class of the application (target/classes, not tests) in news.masthead with @Path. */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("news/masthead"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, AccessRulesTest.class.getClassLoader());
                if (c.isAnnotationPresent(Path.class)) {
                    out.add(c);
                }
            }
        }
        assertTrue(out.size() >= 6, "found only " + out.size() + " resource classes");
        return out;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }
}
