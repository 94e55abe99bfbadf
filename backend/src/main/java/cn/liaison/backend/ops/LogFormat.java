package cn.liaison.backend.ops;

import cn.liaison.backend.config.OpsConfig;

import cn.liaison.backend.platform.telemetry.JsonLogEncoder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Switches the console to JSON lines when configured. Done in code rather than in logback.xml
 * because the choice may come from the configuration file, which logback does not read.
 */
public final class LogFormat {

    private LogFormat() {
    }

    public static void apply(OpsConfig ops) {
        if (!ops.jsonLogs() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> console) {
                JsonLogEncoder encoder = new JsonLogEncoder();
                encoder.setContext(context);
                encoder.start();
                console.stop();
                console.setEncoder(encoder);
                console.start();
            }
        }
    }
}
