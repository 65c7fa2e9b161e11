package news.masthead.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/configuration.md has a row for every cms.* setting the running service knows (defaults included). */
@QuarkusTest
class ConfigurationDocTest {

    @Test
    void everyCmsSettingIsInTheConfigurationTable() throws Exception {
        String table = Files.readString(Path.of("docs", "configuration.md"));
        List<String> undocumented = StreamSupport.stream(ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("cms."))
                .filter(name -> !table.contains("| `" + name + "` |"))
                .sorted().distinct().toList();
        assertEquals(List.of(), undocumented, "settings missing from docs/configuration.md");
    }
}
