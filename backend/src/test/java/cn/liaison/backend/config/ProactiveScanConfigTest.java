package cn.liaison.backend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.config.MiniProgramConfig.Moment;
import cn.liaison.backend.platform.config.ConfigException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PROACTIVE_SCAN_AT (a time of day or an interval) and the plan and check-in templates. */
class ProactiveScanConfigTest {

    @Test
    void theScanRunsAt0930UnlessATimeOrAnIntervalIsGiven() {
        ProactiveConfig byDefault = ConfigLoader.load(Map.of()).proactive();
        assertEquals(LocalTime.of(9, 30), byDefault.scanAt());
        assertEquals(Optional.empty(), byDefault.scanEvery());
        assertEquals(LocalTime.of(10, 15), ConfigLoader.load(Map.of("PROACTIVE_SCAN_AT", "10:15")).proactive().scanAt());
        assertEquals(Optional.of(Duration.ofSeconds(2)), ConfigLoader.load(Map.of("PROACTIVE_SCAN_AT", "every 2s")).proactive().scanEvery());
        assertEquals(Optional.of(Duration.ofMinutes(15)), ConfigLoader.load(Map.of("PROACTIVE_SCAN_AT", "Every 15m")).proactive().scanEvery());
        for (String bad : new String[] {"9.30", "every 0s", "every 2h", "25:00", "daily"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PROACTIVE_SCAN_AT", bad)), bad);
            assertTrue(e.getMessage().contains("PROACTIVE_SCAN_AT"), e.getMessage());
        }
    }

    @Test
    void planAndCheckInTemplatesAreTheirOwnMoments() {
        MiniProgramConfig config = ConfigLoader.load(Map.of("WECHAT_TEMPLATE_PLAN", "tpl-plan", "WECHAT_TEMPLATE_CHECK_IN", " ")).miniProgram();
        assertEquals(Map.of(Moment.PLAN_PROGRESS, "tpl-plan"), config.templates(), "a blank id is no template");
    }
}
