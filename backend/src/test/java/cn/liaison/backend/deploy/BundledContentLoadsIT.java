package cn.liaison.backend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In 2 of 15 restarts the knowledge base failed to load with {@code ClosedFileSystemException}:
 * the knowledge base and the policy rules each opened the shaded jar as the JVM-wide zip file
 * system at the same moment, and whichever finished first closed it under the other. Here both are
 * loaded from the real jar by several threads at once, round after round; with the shared file
 * system this failed at once, with a private one per load it never does.
 */
class BundledContentLoadsIT {

    private static final Path JAR = Path.of("target", "liaison-backend.jar");
    private static final int THREADS = 4;
    private static final int ROUNDS = 8;

    @Test
    void knowledgeBaseAndPolicyRulesLoadFromTheJarAtTheSameTime() throws Exception {
        String classPath = JAR.toAbsolutePath() + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classPath, ConcurrentBundledLoads.class.getName(), Integer.toString(THREADS), Integer.toString(ROUNDS))
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "still running");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        assertTrue(text.contains("loads ok: " + THREADS * ROUNDS), text);
    }
}
