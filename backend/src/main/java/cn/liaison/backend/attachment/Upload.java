package cn.liaison.backend.attachment;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Streams an upload's body into a temporary file, at most {@code maxBytes}: memory holds only what
 * is in flight (the request pauses while the disk catches up), and a body past the limit is
 * refused as soon as it crosses it, whatever its Content-Length said.
 */
final class Upload {

    private Upload() {
    }

    static Future<Path> toTempFile(Vertx vertx, HttpServerRequest request, Path dir, long maxBytes) {
        if (request.isEnded()) {
            // no body was streamed (none was sent, or not as application/octet-stream)
            return Future.failedFuture(ProblemException.invalid("请以 application/octet-stream 上传文件内容",
                    java.util.List.of(new cn.liaison.backend.platform.http.FieldError("body", "不能为空"))));
        }
        String declared = request.getHeader("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBytes) {
            return Future.failedFuture(tooLarge(maxBytes));
        }
        Path target = dir.resolve(UUID.randomUUID() + ".part");
        return vertx.fileSystem().open(target.toString(), new OpenOptions().setCreateNew(true).setWrite(true))
                .compose(file -> copy(request, file, maxBytes).map(target)
                        .recover(e -> vertx.fileSystem().delete(target.toString()).otherwiseEmpty()
                                .compose(v -> Future.<Path>failedFuture(e))));
    }

    private static Future<Void> copy(HttpServerRequest request, AsyncFile file, long maxBytes) {
        Promise<Void> done = Promise.promise();
        long[] received = {0};
        request.exceptionHandler(e -> file.close().onComplete(v -> done.tryFail(e)));
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > maxBytes) {
                request.pause();
                request.handler(null);
                file.close().onComplete(v -> done.tryFail(tooLarge(maxBytes)));
                return;
            }
            file.write(chunk);
            if (file.writeQueueFull()) {
                request.pause();
                file.drainHandler(v -> request.resume());
            }
        });
        request.endHandler(v -> {
            if (received[0] == 0) {
                file.close().onComplete(c -> done.tryFail(ProblemException.invalid("请求体为空：请上传文件内容",
                        java.util.List.of(new cn.liaison.backend.platform.http.FieldError("body", "不能为空")))));
                return;
            }
            file.close().onComplete(c -> {
                if (c.succeeded()) {
                    done.tryComplete();
                } else {
                    done.tryFail(c.cause());
                }
            });
        });
        request.resume();
        return done.future();
    }

    static ProblemException tooLarge(long maxBytes) {
        return ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, "文件超过 " + (maxBytes / (1024 * 1024)) + " MB 的上限");
    }
}
