package news.masthead.spec;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs {@link SpecValidator} before every test class and test, registered for all tests through
 * META-INF/services (Quarkus's own junit-platform.properties turns autodetection on), so that a test calling
 * RestAssured.given() directly is covered as well as one going through Api. It installs through the
 * test class's own class loader: a @QuarkusTest runs in Quarkus' loader, with its own RestAssured.
 */
public class SpecValidationExtension implements BeforeAllCallback, BeforeEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        install(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        install(context);
    }

    private static void install(ExtensionContext context) throws ReflectiveOperationException {
        ClassLoader loader = context.getTestInstance()
                .map(i -> i.getClass().getClassLoader())
                .orElse(context.getRequiredTestClass().getClassLoader());
        Class.forName(SpecValidator.class.getName(), true, loader)
                .getMethod("install")
                .invoke(null);
    }
}
