package cn.liaison.backend.wecom;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator can switch password sign-in off; the page then offers only WeCom. */
class PasswordLoginSwitchIT {

    @TempDir
    Path dataDir;

    @Test
    void passwordsAreRefusedWhenSwitchedOffAndTheMethodsSaySo() throws Exception {
        try (TestApp app = TestApp.start(dataDir, Map.of("PASSWORD_LOGIN", "off"), StartOptions.defaults())) {
            String password = app.demoAccounts().getJsonObject(0).getString("password");
            String username = app.demoAccounts().getJsonObject(0).getString("username");
            HttpResponse<String> login = app.sendJson("POST", "/api/v1/auth/login", null,
                    new JsonObject().put("username", username).put("password", password).encode());
            assertEquals(403, login.statusCode(), login.body());
            assertTrue(login.body().contains("企业微信"), login.body());

            JsonObject methods = new JsonObject(app.get("/api/v1/auth/methods").body());
            assertEquals(new JsonObject().put("password", false).put("wecom", false), methods);
            HttpResponse<String> start = app.get("/api/v1/auth/wecom/start");
            assertEquals(404, start.statusCode(), "WeCom is not configured here: " + start.body());
        }
    }
}
