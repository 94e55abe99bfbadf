package cn.liaison.backend.platform.log;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback converter ({@code %maskedMsg}) that passes every formatted message through {@link Masking}. */
public final class MaskingConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.mask(super.convert(event));
    }
}
