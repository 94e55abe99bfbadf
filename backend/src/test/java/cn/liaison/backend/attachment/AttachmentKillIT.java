package cn.liaison.backend.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.ChildProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar keeps an attachment acknowledged with 201 when it is killed with SIGKILL at once:
 * after a restart on the same data directory both the original and the phone copy download intact.
 */
class AttachmentKillIT {

    private static final Path JAR = Path.of("target", "liaison-backend.jar");
    private static final String LISTENING = "Listening on http://127\\.0\\.0\\.1:(\\d+)";

    @TempDir
    Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void attachmentAcknowledgedWith201SurvivesKillMinus9() throws Exception {
        byte[] photo = TestFiles.jpeg(2400, 1800);
        JsonObject stored;
        try (ChildProcess first = ChildProcess.startJar(JAR, dataDir, Map.of("DEMO", "on"))) {
            int port = Integer.parseInt(first.await(LISTENING, 180));
            String token = login(port);
            HttpResponse<String> visit = send(port, "POST", "/api/v1/projects/project-demo-1/visits", token, "application/json",
                    new JsonObject().put("date", "2026-11-20").put("peopleMet", new JsonArray().add("周强")).encode().getBytes());
            assertEquals(201, visit.statusCode(), visit.body());
            String path = "/api/v1/projects/project-demo-1/visits/" + new JsonObject(visit.body()).getString("id")
                    + "/attachments?name=site.jpg";
            HttpResponse<String> up = send(port, "POST", path, token, "application/octet-stream", photo);
            assertEquals(201, up.statusCode(), up.body());
            first.kill9();
            stored = new JsonObject(up.body());
        }
        try (ChildProcess second = ChildProcess.startJar(JAR, dataDir, Map.of("DEMO", "on"))) {
            int port = Integer.parseInt(second.await(LISTENING, 180));
            String token = login(port);
            HttpResponse<byte[]> original = download(port, stored.getString("url"), token);
            assertEquals(200, original.statusCode());
            assertArrayEquals(photo, original.body(), "the original after kill -9");
            HttpResponse<byte[]> phone = download(port, stored.getString("phoneUrl"), token);
            assertEquals(200, phone.statusCode());
            assertEquals(1600, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(phone.body())).getWidth());
            // (no SIGTERM check here: on a loaded machine the knowledge base may still be building, which a stop waits for)
        }
    }

    private String login(int port) throws Exception {
        String password = new JsonArray(Files.readString(dataDir.resolve("demo-accounts.json"))).stream()
                .map(JsonObject.class::cast).filter(a -> a.getString("username").equals("pukou-liaison-1"))
                .findFirst().orElseThrow().getString("password");
        HttpResponse<String> response = send(port, "POST", "/api/v1/auth/login", null, "application/json",
                new JsonObject().put("username", "pukou-liaison-1").put("password", password).encode().getBytes());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getString("token");
    }

    private HttpResponse<String> send(int port, String method, String path, String token, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(int port, String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
