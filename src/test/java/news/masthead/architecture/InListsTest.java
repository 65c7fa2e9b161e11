package news.masthead.architecture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A query with a multi-valued parameter ({@code in :ids}) is translated to SQL by Hibernate on every call, as it keeps
 * no plan for one; {@link news.masthead.kernel.sql.IdList} binds each id apart. Query texts are string literals, which
 * compiled classes keep only as constants, so this reads the sources.
 */
class InListsTest {

    /** {@code in :name} or {@code in (:name)} inside a string literal. */
    private static final Pattern LIST_PARAMETER = Pattern.compile("\"[^\"\\n]*\\bin \\(?:\\w+\\)?[^\"\\n]*\"");

    @Test
    @DisplayName("no query binds a list to one parameter")
    void noQueryBindsAListToOneParameter() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            found = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(InListsTest::matches)
                    .toList();
        }
        assertEquals(List.of(), found);
    }

    private static Stream<String> matches(Path file) {
        try {
            return LIST_PARAMETER.matcher(Files.readString(file)).results().map(m -> file + ": " + m.group());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
