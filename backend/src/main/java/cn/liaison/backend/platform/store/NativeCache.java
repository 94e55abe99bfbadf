package cn.liaison.backend.platform.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import io.vertx.core.file.FileSystemOptions;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * Native code the libraries would otherwise unpack into {@code java.io.tmpdir} at every start: ONNX
 * Runtime (a new {@code onnxruntime-java*} folder each time, its 16 MB left behind after a kill),
 * embedded Redis (its binary and config file), DJL's tokenizer and JNA (under the user's home, which
 * a container user may not be able to write), and the contact card's font (Java copies a font read
 * from a stream into a temporary file). Here each file is unpacked once into
 * {@code DATA_DIR/native} and reused while its content is unchanged; a new jar with other natives
 * replaces them.
 */
public final class NativeCache {

    private static final String ORT_NATIVE_PATH = "onnxruntime.native.path";
    /** The contact card's font (built by build-tools/SubsetFont.java) on the class path. */
    public static final String CARD_FONT_RESOURCE = "fonts/NotoSansSC-Regular-GB2312.ttf";
    /** Where {@link #configure} unpacked it: {@code Font.createFont} from a stream would copy it to tmpdir. */
    public static final String CARD_FONT_PROPERTY = "liaison.card.font";

    private NativeCache() {
    }

    /**
     * Points ONNX Runtime, DJL and JNA at {@code DATA_DIR/native}; call before the embedding model
     * loads. Settings given on the command line ({@code -Donnxruntime.native.path=...}) win.
     */
    public static void configure(Path dataDir) throws IOException {
        Path root = root(dataDir);
        String platform = ortPlatform();
        String prefix = "ai/onnxruntime/native/" + platform + "/";
        // A path set by an earlier start in this JVM whose data directory is gone (tests) is set again.
        if (!usable(System.getProperty(ORT_NATIVE_PATH), System.mapLibraryName("onnxruntime"))
                && resource(prefix + System.mapLibraryName("onnxruntime")) != null) {
            Path dir = root.resolve("onnxruntime").resolve(platform);
            for (String library : new String[] {"onnxruntime", "onnxruntime4j_jni"}) {
                String name = System.mapLibraryName(library);
                extract(prefix + name, dir.resolve(name), false);
            }
            System.setProperty(ORT_NATIVE_PATH, dir.toString());
        }
        if (System.getProperty(CARD_FONT_PROPERTY) == null && resource(CARD_FONT_RESOURCE) != null) {
            Path font = root.resolve("fonts").resolve(CARD_FONT_RESOURCE.substring(CARD_FONT_RESOURCE.indexOf('/') + 1));
            System.setProperty(CARD_FONT_PROPERTY, extract(CARD_FONT_RESOURCE, font, false).toString());
        }
        setIfAbsent("DJL_CACHE_DIR", Files.createDirectories(root.resolve("djl")));
        setIfAbsent("jna.tmpdir", Files.createDirectories(root.resolve("jna")));
    }

    /**
     * Vert.x copies the class-path files it serves into a {@code vertx-cache-*} folder, removed on
     * close but left behind by a kill: it goes under {@code DATA_DIR/cache}, and a start that owns
     * the data directory (embedded stores hold its lock) removes what killed runs left there.
     */
    public static FileSystemOptions vertxFileSystem(Path dataDir, boolean ownsDataDir) throws IOException {
        Path cache = Files.createDirectories(dataDir.resolve("cache").toAbsolutePath());
        if (ownsDataDir) {
            try (Stream<Path> leftovers = Files.list(cache)) {
                for (Path dir : leftovers.filter(d -> d.getFileName().toString().startsWith("vertx-cache")).toList()) {
                    deleteTree(dir);
                }
            }
        }
        return new FileSystemOptions().setFileCacheDir(cache.toString());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** This platform's redis-server from the embedded-redis jar, unpacked once and executable. */
    public static Path redisServer(Path dataDir) throws IOException {
        OsArchitecture platform = OsArchitecture.detectOSandArchitecture();
        String resource = ExecutableProvider.newProvidedVersionsMap().get(platform);
        if (resource == null) {
            throw new FileNotFoundException("No embedded redis-server for " + platform + ": set REDIS_URL");
        }
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        return extract(resource, root(dataDir).resolve("redis").resolve(file), true);
    }

    private static Path root(Path dataDir) {
        return dataDir.resolve("native").toAbsolutePath();
    }

    /** Copies a class-path resource to target unless target already holds the same bytes. */
    static Path extract(String resource, Path target, boolean executable) throws IOException {
        URL url = resource(resource);
        if (url == null) {
            throw new FileNotFoundException("Not on the class path: " + resource);
        }
        if (Files.isRegularFile(target) && crc(target) == expectedCrc(url)
                && (!executable || Files.isExecutable(target))) {
            return target;
        }
        Files.createDirectories(target.getParent());
        // Unpack beside the target and move: a concurrent start never loads a half-written file.
        Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (executable && !part.toFile().setExecutable(true, true)) {
                throw new IOException("Cannot make " + target + " executable");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }

    private static URL resource(String name) {
        return NativeCache.class.getClassLoader().getResource(name.startsWith("/") ? name.substring(1) : name);
    }

    private static long expectedCrc(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar && jar.getJarEntry().getCrc() >= 0) {
            connection.setUseCaches(false);
            return jar.getJarEntry().getCrc();
        }
        try (InputStream in = url.openStream()) {
            return crc(in);
        }
    }

    private static long crc(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return crc(in);
        }
    }

    private static long crc(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            crc.update(buffer, 0, n);
        }
        return crc.getValue();
    }

    /** ONNX Runtime's folder name for this platform (its {@code OnnxRuntime.initOsArch}). */
    private static String ortPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("mac") ? "osx" : os.contains("win") ? "win" : "linux";
        String archPart = arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x64";
        return osPart + "-" + archPart;
    }

    private static boolean usable(String dir, String file) {
        return dir != null && Files.isRegularFile(Path.of(dir, file));
    }

    private static void setIfAbsent(String property, Path value) {
        String current = System.getProperty(property);
        if (System.getenv(property) == null && (current == null || !Files.isDirectory(Path.of(current)))) {
            System.setProperty(property, value.toString());
        }
    }
}
