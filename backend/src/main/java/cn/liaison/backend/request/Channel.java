package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import java.util.Arrays;
import java.util.Optional;

/** Where a request came in. The 12345 platform's wire name is the number itself. */
@Published
public enum Channel {
    MINIPROGRAM("MINIPROGRAM", "小程序"),
    HOTLINE("HOTLINE", "热线"),
    HOTLINE_12345("12345", "12345 工单"),
    VISIT("VISIT", "上门走访"),
    WEB("WEB", "网站");

    private final String wire;
    private final String label;

    Channel(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    public static Optional<Channel> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(value)).findFirst();
    }
}
