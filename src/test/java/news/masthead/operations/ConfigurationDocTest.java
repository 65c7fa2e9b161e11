package news.masthead.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/configuration.md has a row for every cms.* setting the running service knows (defaults included). */
@QuarkusTest
class ConfigurationDocTest {

    @Test
    void everyCmsSettingIsInTheConfigurationTable() throws Exception {
        String table = Files.readString(Path.of("docs", "configuration.md"));
        List<String> settings = StreamSupport.stream(
                        ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("cms."))
                .sorted()
                .distinct()
                .toList();
        assertTrue(
                settings.containsAll(List.of("cms.data-dir", "cms.demo-content", "cms.admin-token")),
                settings.toString());
        assertEquals(
                List.of(),
                settings.stream()
                        .filter(name -> !table.contains("| `" + name + "` |"))
                        .toList(),
                "settings missing from docs/configuration.md");
    }
}
