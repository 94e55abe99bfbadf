package cn.liaison.backend.mobile;

import cn.liaison.backend.wecom.QuietHours;
import cn.liaison.backend.wecom.WecomSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for staff on their phones: WeCom sign-in and messages, password sign-in, quiet hours and
 * the live event stream.
 *
 * @param wecom          empty when WeCom is not configured (no sign-in button, no messages)
 * @param passwordLogin  whether {@code POST /api/v1/auth/login} accepts passwords
 * @param quietHours     when messages wait (escalations excepted)
 * @param sseHeartbeat   how often an idle event stream gets a comment line
 * @param publicBaseUrl  the address users reach the service at (links in WeCom messages, the OAuth
 *                       redirect); required with WeCom
 */
public record MobileConfig(Optional<WecomSettings> wecom, boolean passwordLogin, QuietHours quietHours,
                           Duration sseHeartbeat, Optional<String> publicBaseUrl) {

    public MobileConfig {
        Objects.requireNonNull(wecom, "wecom");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(sseHeartbeat, "sseHeartbeat");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    }

    public static MobileConfig defaults() {
        return new MobileConfig(Optional.empty(), true, QuietHours.parse("21:00-08:00"), Duration.ofSeconds(20),
                Optional.empty());
    }
}
