package news.masthead.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What `./mvnw package` generated into target/kubernetes/ (an integration test: failsafe runs it in verify, after
 * the Quarkus build of the package phase wrote the manifests).
 */
class KubernetesManifestIT {

    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        Path yml = Path.of("target", "kubernetes", "kubernetes.yml");
        assertTrue(Files.exists(yml), yml + " was not generated");
        try (MappingIterator<JsonNode> docs =
                new YAMLMapper().readerFor(JsonNode.class).readValues(yml.toFile())) {
            for (JsonNode doc : docs.readAll()) {
                BY_KIND.put(doc.path("kind").asText(), doc);
            }
        }
    }

    private static JsonNode container() {
        JsonNode deployment = BY_KIND.get("Deployment");
        assertNotNull(deployment, "no Deployment in " + BY_KIND.keySet());
        return deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    @Test
    void theDeploymentProbesTheHealthEndpoints() {
        JsonNode c = container();
        assertEquals(
                "/q/health/ready",
                c.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals(
                "/q/health/live",
                c.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals(2, BY_KIND.get("Deployment").path("spec").path("replicas").asInt());
    }

    @Test
    void theAdminTokenTheWebhookKeyAndTheDatabaseComeFromSecrets() {
        Map<String, JsonNode> env = new HashMap<>();
        container().path("env").forEach(e -> env.put(e.path("name").asText(), e));
        Map<String, List<String>> expected = Map.of(
                "CMS_ADMIN_TOKEN", List.of("masthead", "admin-token"),
                "CMS_WEBHOOKS_SECRET_KEY", List.of("masthead", "webhooks-secret-key"),
                "QUARKUS_DATASOURCE_JDBC_URL", List.of("masthead-db", "jdbc-url"),
                "QUARKUS_DATASOURCE_USERNAME", List.of("masthead-db", "username"),
                "QUARKUS_DATASOURCE_PASSWORD", List.of("masthead-db", "password"));
        expected.forEach((name, secret) -> {
            JsonNode ref = env.getOrDefault(name, MissingNode.getInstance())
                    .path("valueFrom")
                    .path("secretKeyRef");
            assertEquals(secret.get(0), ref.path("name").asText(), name + " in " + env.keySet());
            assertEquals(secret.get(1), ref.path("key").asText(), name);
        });
        assertEquals("false", env.get("CMS_DEMO_CONTENT").path("value").asText());
    }

    @Test
    void prometheusIsToldWhereTheMetricsAre() {
        JsonNode annotations = BY_KIND.get("Deployment")
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText(), annotations.toString());
        assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText(), annotations.toString());
        assertTrue(annotations.path("prometheus.io/port").asText().matches("\\d+"), annotations.toString());
    }

    @Test
    void itAppliesToAnyClusterWithoutOperatorsOrHelperImages() {
        assertEquals(Set.of("Service", "Deployment"), BY_KIND.keySet());
        assertEquals(
                1,
                BY_KIND.get("Deployment")
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .size());
        assertTrue(BY_KIND.get("Deployment")
                .path("spec")
                .path("template")
                .path("spec")
                .path("initContainers")
                .isMissingNode());
    }

    @Test
    void aServiceExposesTheHttpPort() {
        JsonNode service = BY_KIND.get("Service");
        assertNotNull(service, "no Service in " + BY_KIND.keySet());
        assertEquals(
                8080,
                service.path("spec").path("ports").get(0).path("targetPort").asInt());
    }
}
