package cn.liaison.backend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps {@code deploy/} in step with the application: every environment name is a real config
 * key, ports agree everywhere, probes and health checks hit paths the contract defines, and the
 * event stream is never buffered by a proxy.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Set<String> CONFIG_KEYS = Arrays.stream(ConfigKey.values()).map(Enum::name)
            .collect(Collectors.toSet());
    private static final int BODY_LIMIT = Integer.parseInt(ConfigKey.BODY_LIMIT_BYTES.defaultValue());

    @Test
    void composeBackendsUseOnlyKnownKeysAndTheReplicaSet() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("docker-compose.yml")).get(0);
        Map<String, Object> services = map(compose.get("services"));
        List<String> backends = services.keySet().stream().filter(s -> s.startsWith("backend")).toList();
        List<String> mongos = services.keySet().stream().filter(s -> s.matches("mongo\\d")).toList();
        assertEquals(2, backends.size(), "two backend replicas");
        assertEquals(3, mongos.size(), "three replica-set members");

        for (String name : backends) {
            Map<String, Object> env = map(map(services.get(name)).get("environment"));
            assertKnownKeys(env.keySet(), "docker-compose " + name);
            String mongoUri = String.valueOf(env.get("MONGO_URI"));
            assertTrue(mongoUri.contains("replicaSet=rs0"), mongoUri);
            mongos.forEach(m -> assertTrue(mongoUri.contains(m + ":27017"), m + " missing from " + mongoUri));
            assertTrue(String.valueOf(env.get("REDIS_URL")).matches("redis://:\\$\\{REDIS_PASSWORD[^}]*}@redis:6379/0"),
                    "Redis with a password: " + env.get("REDIS_URL"));
        }

        String init = Files.readString(DEPLOY.resolve("mongo/init-replica-set.js"));
        mongos.forEach(m -> assertTrue(init.contains("\"" + m + ":27017\""), m + " not in the replica-set init"));
        assertTrue(String.valueOf(map(services.get("redis")).get("command")).contains("--appendonly, yes"),
                "Redis runs with AOF");
    }

    @Test
    void nginxProxiesToTheBackendPortWithoutBufferingEvents() throws IOException {
        Map<String, Object> services = map(yaml(DEPLOY.resolve("docker-compose.yml")).get(0).get("services"));
        String nginx = Files.readString(DEPLOY.resolve("nginx.conf"));

        Matcher upstream = Pattern.compile("server (backend\\d):(\\d+)").matcher(nginx);
        int servers = 0;
        while (upstream.find()) {
            servers++;
            Map<String, Object> env = map(map(services.get(upstream.group(1))).get("environment"));
            assertNotNull(env, "nginx upstream " + upstream.group(1) + " is not a compose service");
            assertEquals(String.valueOf(env.get("HTTP_PORT")), upstream.group(2));
        }
        assertEquals(2, servers);

        Matcher events = Pattern.compile("location /api/v1/events \\{([^}]*)}").matcher(nginx);
        assertTrue(events.find(), "nginx has a location for the event stream");
        assertTrue(events.group(1).contains("proxy_buffering off"));
        assertTrue(nginx.contains("client_max_body_size " + BODY_LIMIT / 1024 + "k"));
    }

    @Test
    void kubernetesDeploymentMatchesConfigAndContract() throws IOException {
        Map<String, Object> configMap = yaml(DEPLOY.resolve("k8s/configmap.yaml")).get(0);
        Map<String, Object> data = map(configMap.get("data"));
        assertKnownKeys(data.keySet(), "ConfigMap");

        Map<String, Object> deployment = yaml(DEPLOY.resolve("k8s/deployment.yaml")).get(0);
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        Map<String, Object> container = map(list(pod.get("containers")).get(0));

        List<String> envNames = list(container.get("env")).stream().map(e -> String.valueOf(map(e).get("name"))).toList();
        assertKnownKeys(envNames, "Deployment env");

        Map<String, Object> secret = map(yaml(DEPLOY.resolve("k8s/secret.example.yaml")).get(0).get("stringData"));
        for (Object e : list(container.get("env"))) {
            Map<String, Object> from = map(map(e).get("valueFrom"));
            if (from != null) {
                String key = String.valueOf(map(from.get("secretKeyRef")).get("key"));
                assertTrue(secret.containsKey(key), "secret key " + key + " is in the example Secret");
            }
        }

        Map<String, Object> port = map(list(container.get("ports")).get(0));
        assertEquals(data.get("HTTP_PORT"), String.valueOf(port.get("containerPort")));
        Set<String> contractPaths = contractPaths();
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
            assertTrue(contractPaths.contains(String.valueOf(httpGet.get("path"))), probe + " path is in the contract");
            assertEquals(port.get("name"), httpGet.get("port"), probe + " uses the http port");
        }
        assertEquals("/health/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));
        assertEquals("/health/live", map(map(container.get("livenessProbe")).get("httpGet")).get("path"));
        assertTrue(Boolean.TRUE.equals(map(pod.get("securityContext")).get("runAsNonRoot")));
    }

    @Test
    void kubernetesObjectsPointAtTheDeployment() throws IOException {
        Map<String, Object> deployment = yaml(DEPLOY.resolve("k8s/deployment.yaml")).get(0);
        String name = String.valueOf(map(deployment.get("metadata")).get("name"));
        Object labels = map(map(deployment.get("spec")).get("selector")).get("matchLabels");

        Map<String, Object> service = yaml(DEPLOY.resolve("k8s/service.yaml")).get(0);
        assertEquals(labels, map(service.get("spec")).get("selector"));
        assertEquals("http", map(list(map(service.get("spec")).get("ports")).get(0)).get("targetPort"));

        Map<String, Object> pdb = yaml(DEPLOY.resolve("k8s/pdb.yaml")).get(0);
        assertEquals(labels, map(map(pdb.get("spec")).get("selector")).get("matchLabels"));

        Map<String, Object> hpa = yaml(DEPLOY.resolve("k8s/hpa.yaml")).get(0);
        assertEquals(name, map(map(hpa.get("spec")).get("scaleTargetRef")).get("name"));

        Map<String, Object> kustomization = yaml(DEPLOY.resolve("k8s/kustomization.yaml")).get(0);
        for (Object file : list(kustomization.get("resources"))) {
            assertTrue(Files.exists(DEPLOY.resolve("k8s").resolve(String.valueOf(file))), "kustomization lists " + file);
        }
    }

    @Test
    void dockerfileExposesTheConfiguredPortRunsAsNonRootAndChecksReadiness() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        Matcher envPort = Pattern.compile("HTTP_PORT=(\\d+)").matcher(dockerfile);
        assertTrue(envPort.find());
        assertTrue(dockerfile.contains("EXPOSE " + envPort.group(1)));

        Matcher health = Pattern.compile("HEALTHCHECK[^\\n]*\\n?[^\\n]*http://127\\.0\\.0\\.1:(\\d+)(/\\S+)").matcher(dockerfile);
        assertTrue(health.find(), "Dockerfile has an HTTP health check");
        assertEquals(envPort.group(1), health.group(1));
        assertTrue(contractPaths().contains(health.group(2)), health.group(2) + " is in the contract");

        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        assertNotNull(lastUser);
        assertFalse(lastUser.startsWith("root") || lastUser.startsWith("0"), "runs as non-root");
        assertTrue(Pattern.compile("(?m)^FROM .* AS build$").matcher(dockerfile).find(), "multi-stage build");
    }

    private static void assertKnownKeys(java.util.Collection<String> names, String where) {
        List<String> unknown = new ArrayList<>(names);
        unknown.removeAll(CONFIG_KEYS);
        unknown.remove("JAVA_TOOL_OPTIONS"); // read by the JVM: heap and direct-memory limits
        assertTrue(unknown.isEmpty(), where + " sets variables the application does not read: " + unknown);
    }

    private static Set<String> contractPaths() throws IOException {
        Map<String, Object> contract = yaml(Path.of("src/main/resources/openapi.yaml")).get(0);
        return map(contract.get("paths")).keySet();
    }

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
            documents.add(map(document));
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof List<?> items) {
            // docker-compose also allows environment as a list of NAME=value
            Map<String, Object> converted = new HashMap<>();
            items.forEach(item -> {
                String[] parts = String.valueOf(item).split("=", 2);
                converted.put(parts[0], parts.length > 1 ? parts[1] : null);
            });
            return converted;
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
