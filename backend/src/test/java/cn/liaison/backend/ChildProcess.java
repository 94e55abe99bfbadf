package cn.liaison.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's {@code main} in a separate JVM, so a test can kill it like an operator would. */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildProcess(Process process) {
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died; waitFor reports it
            }
        }, "child-output");
        pump.setDaemon(true);
        pump.start();
    }

    public static ChildProcess start(Path dataDir, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MONGO_") || k.startsWith("REDIS_") || k.equals("CONFIG_FILE"));
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("HTTP_HOST", "127.0.0.1");
        builder.environment().put("HTTP_PORT", "0");
        builder.environment().put("DEMO", "on");
        builder.environment().putAll(env);
        return new ChildProcess(builder.start());
    }

    /**
     * The shipped jar, started as README says ({@code java -jar ... [args]}), configured only by
     * environment: none of this JVM's store, config or demo settings leak in.
     */
    public static ChildProcess startJar(Path jar, Path dataDir, Map<String, String> env, String... args) throws IOException {
        return startJar(jar, dataDir, List.of(), env, args);
    }

    /** The shipped jar, started as the README starts it, with extra JVM options (e.g. a private tmpdir). */
    public static ChildProcess startJar(Path jar, Path dataDir, List<String> jvmOptions, Map<String, String> env)
            throws IOException {
        return startJar(jar, dataDir, jvmOptions, env, new String[0]);
    }

    private static ChildProcess startJar(Path jar, Path dataDir, List<String> jvmOptions, Map<String, String> env,
                                         String... args) throws IOException {
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new AssertionError(jar.toAbsolutePath() + " is missing: integration tests run after `package` (mvn verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MONGO_") || k.startsWith("REDIS_")
                || k.equals("CONFIG_FILE") || k.equals("DEMO") || k.startsWith("WECHAT_") || k.startsWith("WECOM_"));
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("HTTP_HOST", "127.0.0.1");
        builder.environment().put("HTTP_PORT", "0");
        builder.environment().putAll(env);
        return new ChildProcess(builder.start());
    }

    /** Waits for the process to exit and returns its exit code; everything it printed is in {@link #output()}. */
    public int waitFor(long timeoutS) throws InterruptedException {
        if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
            throw new AssertionError("did not exit within " + timeoutS + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything printed so far (after the process ended: all of it). */
    public String output() throws InterruptedException {
        // the pump thread may still be handing over the last lines
        for (String line = lines.poll(200, TimeUnit.MILLISECONDS); line != null; line = lines.poll(200, TimeUnit.MILLISECONDS)) {
            seen.add(line);
        }
        return String.join("\n", seen);
    }

    /** Waits for a log line matching {@code pattern} and returns its first group. */
    public String await(String pattern, long timeoutS) throws InterruptedException {
        Pattern compiled = Pattern.compile(pattern);
        for (String line : seen) {
            Matcher m = compiled.matcher(line);
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : line;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.add(line);
            Matcher m = compiled.matcher(line);
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : line;
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeoutS + " s; output:\n"
                + String.join("\n", seen));
    }

    public long pid() {
        return process.pid();
    }

    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits for the process to end on its own and returns its exit code. */
    public int exitCode(long timeoutS) throws InterruptedException {
        if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + timeoutS + " s");
        }
        return process.exitValue();
    }

    public int terminate(long timeoutS) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
            throw new AssertionError("did not exit within " + timeoutS + " s after SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
