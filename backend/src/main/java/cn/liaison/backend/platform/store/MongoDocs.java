package cn.liaison.backend.platform.store;

import com.mongodb.MongoException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small translations every Mongo adapter needs: dates, and recognising a duplicate key. */
public final class MongoDocs {

    /** Every time the API shows is in Beijing time with its offset, e.g. 2026-11-23T17:30:00+08:00. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** MongoDB's error code for a unique-index violation. */
    public static final int DUPLICATE_KEY = 11000;

    private MongoDocs() {
    }

    /** A BSON date in the vertx-mongo-client's extended-JSON form; null stays null. */
    public static JsonObject date(Instant instant) {
        return instant == null ? null : new JsonObject().put("$date", instant.toString());
    }

    /** Reads a BSON date as the client returns it ({@code {"$date": ...}}); null when absent. */
    public static Instant instant(Object value) {
        if (value instanceof JsonObject json && json.containsKey("$date")) {
            Object date = json.getValue("$date");
            return date instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : Instant.parse(date.toString());
        }
        if (value instanceof String text) {
            return Instant.parse(text);
        }
        return null;
    }

    /** An instant as the API shows it: ISO-8601 in Beijing time with its offset; null stays null. */
    public static String apiTime(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZONE).toOffsetDateTime());
    }

    /** Whether a failure is a unique-index violation, by error code (never by message text). */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
