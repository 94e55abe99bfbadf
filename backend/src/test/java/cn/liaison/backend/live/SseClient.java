package cn.liaison.backend.live;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a text/event-stream line by line into a queue, as a phone's EventSource would. */
public final class SseClient implements AutoCloseable {

    /** One dispatched event; {@code comment} holds the text of a comment line instead. */
    public record Frame(String id, String event, String data, String comment) {
        public JsonObject json() {
            return new JsonObject(data);
        }
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; {@code headers} as name, value, name, value… */
    public static SseClient open(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<Stream<String>>> sent = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(sent.get(10, TimeUnit.SECONDS));
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event (comments skipped); fails after the timeout. */
    public Frame next(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = frames.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no event within " + timeout);
            }
            if (frame.comment() == null) {
                return frame;
            }
        }
    }

    /** The next comment line text (events before it are kept out of the way and returned by none). */
    public String nextComment(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = frames.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no comment within " + timeout);
            }
            if (frame.comment() != null) {
                return frame.comment();
            }
        }
    }

    /** Events that arrive within the time (for asserting that nothing else comes). */
    public List<Frame> drain(Duration wait) throws InterruptedException {
        List<Frame> out = new ArrayList<>();
        long until = System.nanoTime() + wait.toNanos();
        Frame frame;
        while ((frame = frames.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (frame.comment() == null) {
                out.add(frame);
            }
        }
        return out;
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (event != null || data.length() > 0) {
                        frames.add(new Frame(id, event == null ? "message" : event, data.toString(), null));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
