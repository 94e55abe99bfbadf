package cn.liaison.backend.mobile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.config.ConfigException;
import cn.liaison.backend.config.ConfigLoader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MobileConfigTest {

    private static final Map<String, String> WECOM = Map.of("WECOM_CORP_ID", "ww1", "WECOM_AGENT_ID", "1000002",
            "WECOM_SECRET", "s", "PUBLIC_BASE_URL", "https://liaison.example.gov.cn/");

    @Test
    void defaultsArePasswordsOnNoWecomQuietNightsAndTwentySecondHeartbeats() {
        MobileConfig m = ConfigLoader.load(Map.of()).mobile();
        assertTrue(m.passwordLogin());
        assertTrue(m.wecom().isEmpty());
        assertEquals("21:00-08:00", m.quietHours().toString());
        assertEquals(Duration.ofSeconds(20), m.sseHeartbeat());
    }

    @Test
    void wecomNeedsAgentSecretAndPublicAddress() {
        MobileConfig m = ConfigLoader.load(WECOM).mobile();
        assertEquals(1000002, m.wecom().orElseThrow().agentId());
        assertEquals("https://qyapi.weixin.qq.com", m.wecom().orElseThrow().apiBase());
        assertEquals("https://liaison.example.gov.cn", m.publicBaseUrl().orElseThrow());
        assertFalse(m.wecom().orElseThrow().toString().contains("secret=s"), "the secret is never printed");
        for (String missing : new String[] {"WECOM_AGENT_ID", "WECOM_SECRET", "PUBLIC_BASE_URL"}) {
            Map<String, String> env = new HashMap<>(WECOM);
            env.remove(missing);
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));
            assertTrue(e.getMessage().contains(missing), e.getMessage());
        }
    }

    @Test
    void badValuesNameTheirKey() {
        Map<String, String> bad = Map.of("PASSWORD_LOGIN", "maybe", "QUIET_HOURS", "late", "SSE_HEARTBEAT_S", "0",
                "WECOM_API_BASE", "ftp://x");
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            Map<String, String> env = new HashMap<>(WECOM);
            env.put(entry.getKey(), entry.getValue());
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env), entry.getKey());
            assertTrue(e.getMessage().contains(entry.getKey()), e.getMessage());
        }
        assertFalse(ConfigLoader.load(Map.of("PASSWORD_LOGIN", "off")).mobile().passwordLogin());
        assertEquals("off", ConfigLoader.load(Map.of("QUIET_HOURS", "off")).mobile().quietHours().toString());
    }
}
