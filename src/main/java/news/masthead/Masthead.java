package news.masthead;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import news.masthead.kernel.http.MalformedPath;

/** The entry point: starts Quarkus after the one JVM setting its HTTP layer reads before any configuration. */
@QuarkusMain
public final class Masthead {

    private Masthead() {}

    public static void main(String... args) {
        System.setProperty(MalformedPath.QUARKUS_CHECK_OFF, "true");
        Quarkus.run(args);
    }
}
