package cn.liaison.backend.org;

import java.util.Map;
import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.identity.StaffMember;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit tree over HTTP, and the directories other features use, on the demo data. */
class UnitsIT {

    @TempDir
    static Path dataDir;
    static TestApp app;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of(), StartOptions.defaults().peopleOnly());
        admin = app.loginAs("city-admin");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anySignedInUserSeesTheTreeParentsFirst() throws Exception {
        HttpResponse<String> response = app.get("/api/v1/units", app.loginAs("enterprise-1"));

        assertEquals(200, response.statusCode(), response.body());
        JsonArray items = new JsonObject(response.body()).getJsonArray("items");
        assertEquals("city", items.getJsonObject(0).getString("id"));
        assertTrue(items.getJsonObject(0).containsKey("parentId"));
        assertTrue(items.stream().map(JsonObject.class::cast)
                .anyMatch(u -> u.getString("id").equals("district-pukou") && u.getString("name").equals("浦口区")));
    }

    @Test
    void cityAdminAddsAParkUnderADistrict() throws Exception {
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/units", admin,
                "{\"name\": \"南京江北新区研创园\", \"parentId\": \"district-jiangbei\"}");

        assertEquals(201, created.statusCode(), created.body());
        JsonObject unit = new JsonObject(created.body());
        assertEquals("PARK", unit.getString("level"));
        assertTrue(unit.getString("id").startsWith("park-"), unit.getString("id"));
        assertEquals("/api/v1/units/" + unit.getString("id"), created.headers().firstValue("Location").orElseThrow());
        assertEquals(Set.of("district-jiangbei", unit.getString("id")),
                await(app.port(cn.liaison.backend.org.UnitDirectory.class).subtreeIds("district-jiangbei")), "the cache sees the change at once");
    }

    @Test
    void parentMustExistAndBeOneLevelUp() throws Exception {
        assertField(post("{\"id\": \"park-lost\", \"name\": \"迷路园区\", \"parentId\": \"district-nowhere\"}"), 400, "parentId");
        assertField(post("{\"name\": \"跳级园区\", \"parentId\": \"city\", \"level\": \"PARK\"}"), 400, "level");
        assertField(post("{\"name\": \"园中园\", \"parentId\": \"park-pukou-edz\"}"), 400, "parentId");
    }

    @Test
    void duplicateIdOrNameUnderTheSameParentIsAConflict() throws Exception {
        assertEquals(201, post("{\"id\": \"park-gulou-test\", \"name\": \"鼓楼测试园\", \"parentId\": \"district-gulou\"}").statusCode());

        assertEquals(409, post("{\"id\": \"park-gulou-test\", \"name\": \"另一个\", \"parentId\": \"district-gulou\"}").statusCode());
        assertEquals(409, post("{\"name\": \"鼓楼测试园\", \"parentId\": \"district-gulou\"}").statusCode());
    }

    @Test
    void onlyCityAdminsChangeUnits() throws Exception {
        HttpResponse<String> liaison = app.sendJson("POST", "/api/v1/units", app.loginAs("pukou-liaison-1"),
                "{\"name\": \"越权园区\", \"parentId\": \"district-pukou\"}");
        HttpResponse<String> head = app.sendJson("PATCH", "/api/v1/units/district-pukou", app.loginAs("pukou-head"),
                "{\"name\": \"改名区\"}");

        assertEquals(403, liaison.statusCode(), liaison.body());
        assertTrue(new JsonObject(liaison.body()).getString("detail").contains("市级管理员"));
        assertEquals(403, head.statusCode(), head.body());
    }

    @Test
    void cityAdminRenamesAndMovesWithinTheSameLevel() throws Exception {
        HttpResponse<String> renamed = app.sendJson("PATCH", "/api/v1/units/park-software-valley", admin,
                "{\"name\": \"中国（南京）软件谷\"}");
        HttpResponse<String> moved = app.sendJson("PATCH", "/api/v1/units/park-nanjing-etdz", admin,
                "{\"parentId\": \"district-jiangning\"}");

        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("中国（南京）软件谷", new JsonObject(renamed.body()).getString("name"));
        assertEquals(200, moved.statusCode(), moved.body());
        assertTrue(await(app.port(cn.liaison.backend.org.UnitDirectory.class).subtreeIds("district-jiangning")).contains("park-nanjing-etdz"));

        assertField(app.sendJson("PATCH", "/api/v1/units/park-nanjing-etdz", admin, "{\"parentId\": \"city\"}"), 400, "parentId");
        assertField(app.sendJson("PATCH", "/api/v1/units/city", admin, "{\"parentId\": \"district-pukou\"}"), 400, "parentId");
        assertEquals(404, app.sendJson("PATCH", "/api/v1/units/park-nowhere", admin, "{\"name\": \"无\"}").statusCode());
        assertEquals(400, app.sendJson("PATCH", "/api/v1/units/park-nanjing-etdz", admin, "{}").statusCode());
    }

    @Test
    void userDirectoryFindsActiveStaffByUnitAndRole() throws Exception {
        app.app().platform().stores().mongo().insert("users", new JsonObject()
                .put("_id", "user-retired").put("username", "retired").put("name", "退休联络员")
                .put("roles", new JsonArray().add("LIAISON")).put("unitId", "district-pukou")
                .put("passwordHash", "x").put("active", false)).await(10, TimeUnit.SECONDS);
        var users = app.port(cn.liaison.backend.identity.UserDirectory.class);

        assertEquals(List.of("user-pukou-liaison-1", "user-pukou-liaison-2"), ids(await(users.liaisonsOf("district-pukou"))));
        assertEquals(List.of("user-pukou-edz-liaison"), ids(await(users.liaisonsOf("park-pukou-edz"))));
        assertEquals(List.of("user-pukou-head"), ids(await(users.unitHeadsOf("district-pukou"))));
        assertEquals(List.of("user-city-admin"), ids(await(users.cityAdmins())));
        assertEquals(Optional.of("退休联络员"), await(users.find("user-retired")).map(StaffMember::name));
        assertTrue(await(users.find("user-enterprise-1")).orElseThrow().has(Role.ENTERPRISE));
        assertEquals(Optional.empty(), await(users.find("nobody")));
    }

    @Test
    void enterpriseProjectAndUnitDirectoriesAnswerForTheDemoData() throws Exception {
        var a = app;
        Enterprise second = await(a.port(cn.liaison.backend.org.EnterpriseDirectory.class).find("enterprise-demo-2")).orElseThrow();
        ProjectRef first = await(a.port(cn.liaison.backend.org.ProjectDirectory.class).find("project-demo-1")).orElseThrow();
        ProjectRef other = await(a.port(cn.liaison.backend.org.ProjectDirectory.class).find("project-demo-2")).orElseThrow();

        assertEquals("park-pukou-edz", second.parkId());
        assertTrue(CreditCode.isValid(second.creditCode()));
        assertEquals("user-pukou-liaison-1", first.liaisonId());
        assertNull(other.liaisonId());
        assertEquals("district-pukou", other.districtUnitId());
        assertEquals(Optional.of("district-pukou"), await(a.port(cn.liaison.backend.org.UnitDirectory.class).districtByName("浦口")).map(Unit::id));
        assertEquals(Set.of("district-pukou", "park-pukou-edz"), await(a.port(cn.liaison.backend.org.UnitDirectory.class).subtreeIds("district-pukou")));
        assertEquals(Optional.empty(), await(a.port(cn.liaison.backend.org.EnterpriseDirectory.class).find("nope")));
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return app.sendJson("POST", "/api/v1/units", admin, json);
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject problem = new JsonObject(response.body());
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), response.body());
    }

    private static List<String> ids(List<StaffMember> members) {
        return members.stream().map(StaffMember::id).toList();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(10, TimeUnit.SECONDS);
    }
}
