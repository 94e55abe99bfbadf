package cn.liaison.backend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar that {@code mvn package} builds, run as the README runs it: small enough to ship, only the
 * natives of the platforms the README names, and a start that leaves nothing in java.io.tmpdir —
 * not after SIGTERM, not after kill -9 — because natives are unpacked once under DATA_DIR/native.
 */
class JarArtifactIT {

    private static final Path JAR = Path.of("target", "liaison-backend.jar");
    private static final String LISTENING = "Listening on http://127.0.0.1:(\\d+)";

    @TempDir
    Path dir;

    @Test
    void jarIsUnder100MbWithLinuxNativesOnlyAndNoDebugSymbols() throws IOException {
        assertTrue(Files.size(JAR) < 100_000_000L, "jar is " + Files.size(JAR) + " bytes");
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            List<String> unwanted = zip.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".pdb") || n.contains(".dSYM/") || n.endsWith(".dll") || n.endsWith(".dylib")
                            || n.endsWith(".jnilib") || n.endsWith(".exe") || n.contains("darwin") || n.endsWith("-linux-386"))
                    .toList();
            assertEquals(List.of(), unwanted);
            for (String needed : List.of("ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                    "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
                    "native/lib/linux-x86_64/cpu/libtokenizers.so", "native/lib/linux-aarch64/cpu/libtokenizers.so",
                    "redis-server-6.2.6-v5-linux-amd64", "redis-server-6.2.7-linux-arm64",
                    "org/apache/commons/logging/LogFactory.class")) {
                assertTrue(zip.getEntry(needed) != null, needed + " missing from the jar");
            }
        }
    }

    @Test
    void startsAnswerFromTheKnowledgeBaseAndLeaveNothingInTmpdir() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path data = dir.resolve("data");
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp, "-Duser.home=" + dir.resolve("home"));
        try (ChildProcess first = ChildProcess.startJar(JAR, data, jvm, Map.of())) {
            int port = Integer.parseInt(first.await(LISTENING, 120));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/api/v1/kb/answer?q="
                            + URLEncoder.encode("人防工程易地建设费怎么缴纳", StandardCharsets.UTF_8)))
                    .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"answered\":true"), answer.body());
            // Traditional characters and pinyin need HanLP's dictionaries, which the shade filter trims.
            for (String question : List.of("人防工程質量監督手續怎麼辦", "renfang baojian 怎么办")) {
                HttpResponse<String> folded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/kb/answer?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, folded.statusCode(), folded.body());
                assertTrue(folded.body().contains("\"answered\":true"), question + ": " + folded.body());
            }
            assertTrue(Integer.parseInt(first.await("indexed in \\d+ ms, (\\d+) texts embedded", 300)) > 100);
            assertEquals(0, first.terminate(60));
        }
        assertEquals(List.of(), list(tmp), "a start left files in java.io.tmpdir");
        Path onnx = data.resolve("native/onnxruntime/linux-x64/libonnxruntime.so");
        Path redis = data.resolve("native/redis/redis-server-6.2.6-v5-linux-amd64");
        FileTime onnxUnpacked = Files.getLastModifiedTime(onnx);
        FileTime redisUnpacked = Files.getLastModifiedTime(redis);

        try (ChildProcess second = ChildProcess.startJar(JAR, data, jvm, Map.of())) {
            second.await(LISTENING, 120);
            // the vectors kept in DATA_DIR/kb-vectors: a restart builds the index without the model
            assertEquals("0", second.await("indexed in \\d+ ms, (\\d+) texts embedded", 300));
            second.kill9();
        } finally {
            stopOrphanedRedis(data.resolve("redis/redis.pid"));
        }
        assertEquals(List.of(), list(tmp), "a killed start left files in java.io.tmpdir");
        assertEquals(onnxUnpacked, Files.getLastModifiedTime(onnx), "natives must be reused, not unpacked again");
        assertEquals(redisUnpacked, Files.getLastModifiedTime(redis), "redis-server must be reused, not unpacked again");
    }

    /** redis-server outlives a killed JVM (the next start would stop it); this test stops it itself. */
    private static void stopOrphanedRedis(Path pidFile) throws IOException {
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                    .ifPresent(p -> {
                        p.destroy();
                        p.onExit().join();
                    });
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
