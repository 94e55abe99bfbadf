package cn.liaison.backend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production properties of {@code deploy/}: spread replicas, a pinned image, room for native
 * memory, a NetworkPolicy that lets in exactly the ports the pods serve, TLS, an autoscaler that
 * waits out a knowledge-base publish, the management port where the configuration says, and
 * authentication on MongoDB and Redis in compose.
 */
class ProductionManifestsTest {

    private static final Path K8S = Path.of("..", "deploy", "k8s");

    @Test
    void podsSpreadRunAPinnedImageAndLeaveRoomForNativeMemory() throws IOException {
        Map<String, Object> pod = pod();
        assertFalse(list(pod.get("topologySpreadConstraints")).isEmpty(), "topology spread");
        assertTrue(map(map(pod.get("affinity")).get("podAntiAffinity")) != null, "pod anti-affinity");
        Map<String, Object> container = map(list(pod.get("containers")).get(0));
        String image = String.valueOf(container.get("image"));
        assertTrue(image.matches(".+:[0-9][0-9A-Za-z.\\-]*") || image.contains("@sha256:"), "pinned image, was " + image);

        String javaOptions = env(container).get("JAVA_TOOL_OPTIONS");
        Matcher heap = Pattern.compile("MaxRAMPercentage=(\\d+)").matcher(javaOptions);
        assertTrue(heap.find());
        assertTrue(Integer.parseInt(heap.group(1)) <= 50, "at least half the limit stays outside the heap");
        assertTrue(javaOptions.contains("MaxDirectMemorySize="), "Netty's direct memory is capped");
        String limit = String.valueOf(map(map(container.get("resources")).get("limits")).get("memory"));
        assertTrue(limit.endsWith("Gi") && Integer.parseInt(limit.replace("Gi", "")) >= 2, "memory limit " + limit);
    }

    @Test
    void metricsPortMatchesTheConfigurationAndOnlyServedPortsAreOpen() throws IOException {
        Map<String, Object> data = map(yaml(K8S.resolve("configmap.yaml")).get("data"));
        assertTrue(data.containsKey(ConfigKey.METRICS_PORT.name()));
        assertEquals("0.0.0.0", data.get(ConfigKey.METRICS_HOST.name()), "Prometheus scrapes the pod address");
        Map<String, Object> container = map(list(pod().get("containers")).get(0));
        Map<String, String> ports = new java.util.HashMap<>();
        list(container.get("ports")).forEach(p -> ports.put(String.valueOf(map(p).get("name")),
                String.valueOf(map(p).get("containerPort"))));
        assertEquals(data.get(ConfigKey.METRICS_PORT.name()), ports.get("metrics"));
        assertEquals(data.get(ConfigKey.HTTP_PORT.name()), ports.get("http"));

        Map<String, Object> policy = yaml(K8S.resolve("networkpolicy.yaml"));
        assertEquals("NetworkPolicy", policy.get("kind"));
        List<String> opened = new ArrayList<>();
        for (Object rule : list(map(policy.get("spec")).get("ingress"))) {
            list(map(rule).get("ports")).forEach(p -> opened.add(String.valueOf(map(p).get("port"))));
        }
        assertEquals(List.of("http", "metrics"), opened, "in: the HTTP port (ingress) and the metrics port (Prometheus)");
        assertTrue(String.valueOf(policy).contains("27017") && String.valueOf(policy).contains("6379"), "out: the stores");
        assertTrue(Files.readString(K8S.resolve("kustomization.yaml")).contains("networkpolicy.yaml"));
    }

    @Test
    void ingressTerminatesTlsAndNeverRoutesMetrics() throws IOException {
        Map<String, Object> ingress = yaml(K8S.resolve("ingress.yaml"));
        List<Object> tls = list(map(ingress.get("spec")).get("tls"));
        assertFalse(tls.isEmpty());
        assertTrue(map(tls.get(0)).containsKey("secretName"));
        assertFalse(String.valueOf(ingress).contains("metrics"), "the management port is not behind the ingress");
    }

    @Test
    void autoscalerWaitsOutAnIndexRebuild() throws IOException {
        Map<String, Object> scaleUp = map(map(map(yaml(K8S.resolve("hpa.yaml")).get("spec")).get("behavior")).get("scaleUp"));
        assertTrue(((Number) scaleUp.get("stabilizationWindowSeconds")).intValue() >= 120,
                "a publish makes every replica rebuild its index for seconds: that must not scale out");
    }

    @Test
    void composeStoresRequireCredentials() throws IOException {
        String compose = Files.readString(Path.of("..", "deploy", "docker-compose.yml"));
        assertTrue(compose.contains("--requirepass"), "Redis requires a password");
        assertTrue(compose.contains("--keyFile") && compose.contains("MONGO_INITDB_ROOT_PASSWORD"), "MongoDB authenticates");
        assertTrue(Pattern.compile("MONGO_URI: \"mongodb://liaison:\\$\\{MONGO_APP_PASSWORD").matcher(compose).find(),
                "the backend signs in as its own user");
        assertFalse(compose.contains("CHANGE_ME"), "no placeholder secrets");
    }

    private static Map<String, Object> pod() throws IOException {
        return map(map(map(yaml(K8S.resolve("deployment.yaml")).get("spec")).get("template")).get("spec"));
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.HashMap<>();
        list(container.get("env")).forEach(e -> env.put(String.valueOf(map(e).get("name")), String.valueOf(map(e).get("value"))));
        return env;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
