package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The stored document format side by side in one JVM: upstream's Java serialization
 * ({@link ObjectDataType}) against {@link StoredBson}, on requests shaped as StoreBench seeds
 * them. Prints bytes per document and the time to read every document back (what the start-up pass
 * over the collection, a ledger page and the monthly summary pay per document), rounds alternating so
 * that load on a shared machine falls on both alike. {@code deploy/bench.sh format}.
 */
final class DocumentFormatBench {

    private static final int DOCUMENTS = 20_000;
    private static final int ROUNDS = 5;

    private DocumentFormatBench() {
    }

    static void run(IntFunction<JsonObject> requests) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] bson = new RawBsonDocument(BsonDocument.parse(requests.apply(i).encode()), new BsonDocumentCodec())
                    .getByteBuffer().array();
            documents.add(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)));
        }
        ObjectDataType objects = new ObjectDataType();
        Format java = new Format(objects::write, in -> (Document) objects.read(in));
        Format bson = new Format((out, d) -> StoredBson.INSTANCE.write(out, StoredBson.encode(d)),
                in -> StoredBson.decode(StoredBson.INSTANCE.read(in)));
        ByteBuffer javaBytes = write(java, documents);
        ByteBuffer bsonBytes = write(bson, documents);
        System.out.printf("%-14s %,d bytes/document%n%-14s %,d bytes/document%n", "java", javaBytes.remaining() / DOCUMENTS,
                "bson", bsonBytes.remaining() / DOCUMENTS);
        long javaNanos = Long.MAX_VALUE;
        long bsonNanos = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            javaNanos = Math.min(javaNanos, read(java, javaBytes.duplicate(), documents));
            bsonNanos = Math.min(bsonNanos, read(bson, bsonBytes.duplicate(), documents));
        }
        System.out.printf("read, best of %d rounds of %,d: java %.1f µs/document, bson %.1f µs/document (%.1f x)%n",
                ROUNDS, DOCUMENTS, javaNanos / 1e3 / DOCUMENTS, bsonNanos / 1e3 / DOCUMENTS, (double) javaNanos / bsonNanos);
    }

    /** How one format writes a document into a page and reads it back as the server uses it. */
    private record Format(java.util.function.BiConsumer<WriteBuffer, Document> writer,
                          java.util.function.Function<ByteBuffer, Document> reader) {}

    private static ByteBuffer write(Format type, List<Document> documents) {
        WriteBuffer out = new WriteBuffer();
        documents.forEach(d -> type.writer().accept(out, d));
        ByteBuffer written = out.getBuffer();
        written.flip();
        return written;
    }

    private static long read(Format type, ByteBuffer in, List<Document> expected) {
        long t0 = System.nanoTime();
        for (Document document : expected) {
            Document read = type.reader().apply(in);
            if (read == null || read.size() != document.size()) {
                throw new IllegalStateException("a document did not read back");
            }
        }
        return System.nanoTime() - t0;
    }
}
