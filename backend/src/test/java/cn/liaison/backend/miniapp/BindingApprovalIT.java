package cn.liaison.backend.miniapp;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.liaison.backend.Application;
import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.org.CreditCode;
import cn.liaison.backend.wechat.FakeWechat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without DEMO, embedded stores are a real install: every binding waits for staff of the enterprise's
 * district (or the city office), even for a known enterprise, and nobody approves their own.
 */
class BindingApprovalIT {

    @TempDir
    static Path dataDir;
    static FakeWechat wechat;
    static TestApp app;
    static String cityAdmin;

    @BeforeAll
    static void start() throws Exception {
        wechat = new FakeWechat();
        app = TestApp.start(dataDir, Map.of("DEMO", "off", "WECHAT_APPID", "wx-binding-test", "WECHAT_SECRET", "fake-secret",
                "WECHAT_API_BASE", wechat.baseUrl()), StartOptions.defaults());
        cityAdmin = app.tokenFor(new Principal("user-admin", "市管理员", Set.of(Role.CITY_ADMIN), "city", null));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        wechat.close();
    }

    @Test
    void bindingsWaitForTheDistrictsStaffAndNeverApproveThemselves() throws Exception {
        String code = "91320111MA1XBN1C" + "0";
        code = code.substring(0, 17) + CreditCode.checkCharacter(code.substring(0, 17));
        String first = wechatLogin("first");
        JsonObject asked = created(app.sendJson("POST", "/api/v1/me/enterprise", first, binding(code)));
        assertEquals("PENDING", asked.getString("status"));
        assertEquals(403, app.sendJson("POST", "/api/v1/enterprise-bindings/" + asked.getString("id") + "/approve", first,
                "{}").statusCode(), "not by the asking user");
        assertEquals(200, app.sendJson("POST", "/api/v1/enterprise-bindings/" + asked.getString("id") + "/approve", cityAdmin,
                "{\"districtUnitId\": \"district-pukou\"}").statusCode());

        // The enterprise is known now: a second user's binding still waits for staff.
        String second = wechatLogin("second");
        JsonObject again = created(app.sendJson("POST", "/api/v1/me/enterprise", second, binding(code)));
        assertEquals("PENDING", again.getString("status"));
        assertNull(new JsonObject(app.get("/api/v1/me/enterprise", second).body()).getString("enterpriseId"));

        String gulouHead = staffToken("gulou-head", "district-gulou");
        String pukouHead = staffToken("pukou-head", "district-pukou");
        String path = "/api/v1/enterprise-bindings/" + again.getString("id") + "/approve";
        assertEquals(404, app.sendJson("POST", path, gulouHead, "{}").statusCode(), "another district's head");
        assertEquals(403, app.sendJson("POST", path, second, "{}").statusCode());
        assertEquals(200, app.sendJson("POST", path, pukouHead, "{}").statusCode());
        JsonObject mine = new JsonObject(app.get("/api/v1/me/enterprise", second).body());
        assertEquals(true, mine.getString("enterpriseId").startsWith("enterprise-"), mine.encode());
    }

    private static String staffToken(String username, String unit) throws Exception {
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/staff", cityAdmin, new JsonObject().put("username", username)
                .put("name", username).put("roles", new JsonArray().add("UNIT_HEAD")).put("unitId", unit).encode());
        JsonObject created = created(r);
        HttpResponse<String> login = app.sendJson("POST", "/api/v1/auth/login", null, new JsonObject()
                .put("username", username).put("password", created.getString("password")).encode());
        assertEquals(200, login.statusCode(), login.body());
        return new JsonObject(login.body()).getString("token");
    }

    private static String wechatLogin(String code) throws Exception {
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/auth/wechat", null, new JsonObject().put("code", code).encode());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("token");
    }

    private static String binding(String code) {
        return new JsonObject().put("creditCode", code).put("name", "南京绑定测试有限公司").put("contactName", "钱七")
                .put("phone", "13800000077").encode();
    }

    private static JsonObject created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }
}
