package cn.liaison.backend.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Files on requests and site visits over HTTP, against the real service and its embedded stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentsIT {

    @TempDir
    static Path dataDir;
    private TestApp app;
    private final Map<String, String> tokens = new HashMap<>();
    private String requestId;

    @BeforeAll
    void start() throws Exception {
        app = TestApp.start(dataDir);
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/requests", token("enterprise-1"), new JsonObject()
                .put("type", "DEMAND").put("content", "地下室人防防护门损坏关不上，请派人查看").put("projectId", "project-demo-1").encode());
        assertEquals(201, created.statusCode(), created.body());
        requestId = new JsonObject(created.body()).getString("id");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void enterprisePhotoIsShrunkForPhonesAndScopedLikeItsRequest() throws Exception {
        byte[] photo = TestFiles.jpeg(3000, 2000);
        HttpResponse<String> up = upload("enterprise-1", "/api/v1/requests/" + requestId + "/attachments", "破损的防护门.jpg", photo);
        assertEquals(201, up.statusCode(), up.body());
        JsonObject file = new JsonObject(up.body());
        assertEquals("JPEG", file.getString("kind"));
        assertEquals("REQUEST", file.getString("on"));
        assertEquals("企业补充材料", file.getString("onLabel"));
        assertEquals("破损的防护门.jpg", file.getString("name"));
        assertEquals(3000, file.getInteger("width"));

        HttpResponse<byte[]> small = download("enterprise-1", file.getString("phoneUrl"));
        assertEquals(200, small.statusCode());
        assertEquals("image/jpeg", small.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", small.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(small.headers().firstValue("Content-Disposition").orElseThrow().startsWith("inline"));
        BufferedImage shrunk = ImageIO.read(new ByteArrayInputStream(small.body()));
        assertEquals(1600, shrunk.getWidth());
        assertEquals(1067, shrunk.getHeight());

        assertArrayEquals(photo, download("enterprise-1", file.getString("url")).body(), "the original is kept as sent");
        assertEquals(200, download("pukou-liaison-1", file.getString("url")).statusCode(), "staff of the request's unit");
        assertEquals(200, download("city-admin", file.getString("url")).statusCode());
        assertEquals(404, download("enterprise-2", file.getString("url")).statusCode(), "another enterprise");
        assertEquals(404, app.get("/api/v1/requests/" + requestId + "/attachments", token("enterprise-2")).statusCode());
        JsonArray listed = new JsonObject(app.get("/api/v1/requests/" + requestId + "/attachments", token("enterprise-1")).body())
                .getJsonArray("items");
        assertTrue(listed.stream().map(JsonObject.class::cast).anyMatch(a -> a.getString("id").equals(file.getString("id"))));
    }

    @Test
    void kindComesFromTheContentNotTheName() throws Exception {
        String path = "/api/v1/requests/" + requestId + "/attachments";
        JsonObject pdf = new JsonObject(upload("enterprise-1", path, "照片.jpg", TestFiles.pdf()).body());
        assertEquals("PDF", pdf.getString("kind"));
        assertEquals("照片.pdf", pdf.getString("name"));
        HttpResponse<byte[]> got = download("enterprise-1", pdf.getString("url"));
        assertTrue(got.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"), "documents download");
        assertEquals("application/pdf", got.headers().firstValue("Content-Type").orElseThrow());

        assertEquals("DOCX", new JsonObject(upload("pukou-liaison-1", path, "回复函", TestFiles.docx(false)).body()).getString("kind"));
        int before = count();
        for (byte[] refused : new byte[][]{TestFiles.exe(), TestFiles.html(), TestFiles.docx(true), TestFiles.hugePngHeader(),
                new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}}) {
            HttpResponse<String> answer = upload("enterprise-1", path, "说明.pdf", refused);
            assertEquals(415, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        }
        assertEquals(400, upload("enterprise-1", path, "空.pdf", new byte[0]).statusCode());
        assertEquals(before, count(), "refused files leave nothing behind");
    }

    @Test
    void staffFileWithAReplyAndSiteVisitPhotos() throws Exception {
        JsonObject reply = new JsonObject(upload("pukou-liaison-1", "/api/v1/requests/" + requestId + "/attachments", "签收单.png",
                TestFiles.png(400, 300)).body());
        assertEquals("REPLY", reply.getString("on"));
        assertEquals(reply.getString("url"), reply.getString("phoneUrl"), "small photos have no second copy");

        HttpResponse<String> visit = app.sendJson("POST", "/api/v1/projects/project-demo-1/visits", token("pukou-liaison-1"),
                new JsonObject().put("date", "2026-11-20").put("peopleMet", new JsonArray().add("周强（项目经理）")).encode());
        assertEquals(201, visit.statusCode(), visit.body());
        String visitPath = "/api/v1/projects/project-demo-1/visits/" + new JsonObject(visit.body()).getString("id") + "/attachments";
        JsonObject photo = new JsonObject(upload("pukou-liaison-1", visitPath, "现场.jpg", TestFiles.jpeg(800, 600)).body());
        assertEquals("SITE_VISIT", photo.getString("on"));
        assertEquals(403, upload("enterprise-1", visitPath, "x.jpg", TestFiles.jpeg(10, 10)).statusCode());
        assertEquals(1, new JsonObject(app.get(visitPath, token("enterprise-1")).body()).getJsonArray("items").size());
        assertEquals(200, download("enterprise-1", photo.getString("url")).statusCode(), "the project's enterprise sees it");
        assertEquals(404, download("enterprise-2", photo.getString("url")).statusCode());
        assertEquals(404, app.get(visitPath, token("enterprise-2")).statusCode());
    }

    @Test
    void oversizeBodiesAreRefusedWhileStreaming() throws Exception {
        String path = "/api/v1/requests/" + requestId + "/attachments";
        byte[] big = new byte[(int) AttachmentsFeature.MAX_BYTES + 1];
        System.arraycopy(TestFiles.pdf(), 0, big, 0, TestFiles.pdf().length);
        assertEquals(413, upload("enterprise-1", path, "大.pdf", big).statusCode(), "declared length over the limit");
        HttpResponse<String> chunked = app.send(HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", "Bearer " + token("enterprise-1")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertEquals(413, chunked.statusCode(), "no length declared: refused once past the limit");
        assertEquals(201, upload("enterprise-1", path, "之后.pdf", TestFiles.pdf()).statusCode(), "the service goes on");
    }

    private int count() throws Exception {
        return new JsonObject(app.get("/api/v1/requests/" + requestId + "/attachments", token("city-admin")).body())
                .getJsonArray("items").size();
    }

    private HttpResponse<String> upload(String user, String path, String name, byte[] bytes) throws Exception {
        return app.send(HttpRequest.newBuilder(app.uri(path + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private HttpResponse<byte[]> download(String user, String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri(url))
                .header("Authorization", "Bearer " + token(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String token(String user) throws Exception {
        String token = tokens.get(user);
        if (token == null) {
            token = app.loginAs(user);
            tokens.put(user, token);
        }
        return token;
    }
}
