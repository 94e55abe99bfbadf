package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The store's slow-query lines: reads ten times wider than their page only, once a minute per filter shape, shapes without values. */
class WideReadsTest {

    @Test
    void aWideReadIsLoggedOnceAMinutePerShapeWithoutItsValues() {
        Logger logger = (Logger) LoggerFactory.getLogger(WideReads.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            Document byOwner = new Document("owner", "13912345678").append("status", "OPEN");
            WideReads.note("wide_reads_test", byOwner, new Document(), "createdAt_-1", 4_999, 0);
            WideReads.note("wide_reads_test", byOwner, new Document(), "createdAt_-1", 6_000, 600);
            assertTrue(seen.list.isEmpty(), "few reads, or no more than ten times what the page wanted: " + seen.list);

            WideReads.note("wide_reads_test", byOwner, new Document("createdAt", -1), "createdAt_-1", 6_000, 12);
            WideReads.note("wide_reads_test", byOwner, new Document("createdAt", -1), "createdAt_-1", 9_000, 3);
            assertEquals(1, seen.list.size(), "the same shape again within the minute: " + seen.list);
            WideReads.note("wide_reads_test", new Document("kind", "x"), null, "none: a full scan", 7_000, 0);
            assertEquals(2, seen.list.size());

            List<String> lines = seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.get(0).contains("6000") && lines.get(0).contains("createdAt_-1")
                    && lines.get(0).contains("{owner: ?, status: ?}"), lines.get(0));
            assertFalse(String.join(" ", lines).contains("13912345678"), "no value reaches the log: " + lines);
        } finally {
            logger.detachAppender(seen);
        }
    }
}
