package cn.liaison.backend.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;

/**
 * 扫码入企 in the shipped jar: the enterprise's code as a QR code that decodes to the scan link under
 * PUBLIC_BASE_URL (ZXing as shaded), the scan page served from the jar, an inspection planned,
 * opened by the code, registered and rated, and the month's figures in the summary.
 */
final class InspectionJourney {

    private final Api api;
    private final String publicBase;

    InspectionJourney(Api api, String publicBase) {
        this.api = api;
        this.publicBase = publicBase;
    }

    void run() throws Exception {
        String enterprise = api.login("enterprise-1");
        JsonObject code = api.ok("/api/v1/enterprises/enterprise-demo-1/code", enterprise);
        assertEquals(publicBase + "/inspect/#c=" + code.getString("code"), code.getString("url"));
        HttpResponse<byte[]> png = api.bytes("/api/v1/enterprises/enterprise-demo-1/code-card.png", enterprise);
        assertEquals(200, png.statusCode());
        assertEquals(code.getString("url"), decode(png.body()));
        HttpResponse<String> page = api.get("/inspect/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("扫码入企"), page.body());

        String liaison = api.login("pukou-liaison-1");
        JsonObject plan = api.expect(201, "POST", "/api/v1/inspections", liaison, new JsonObject()
                .put("enterpriseId", "enterprise-demo-1").put("itemId", "rfgc-quality").put("kind", "SPECIAL"));
        JsonObject scan = api.expect(200, "POST", "/api/v1/inspections/scan", liaison, new JsonObject().put("code", code.getString("code")));
        assertEquals(plan.getString("id"), scan.getJsonArray("planned").getJsonObject(0).getString("id"), scan.encode());
        JsonObject done = api.expect(200, "POST", "/api/v1/inspections/" + plan.getString("id") + "/record", liaison, new JsonObject()
                .put("code", code.getString("code")).put("inspectors", new JsonArray().add("李娜").add("张伟"))
                .put("place", "地下车库人防区").put("findings", "人防工程施工质量符合要求"));
        assertEquals("RECORDED", done.getString("state"), done.encode());

        JsonObject rated = api.expect(200, "POST", "/api/v1/inspections/" + plan.getString("id") + "/rating", enterprise,
                new JsonObject().put("score", 4));
        assertEquals(4, rated.getJsonObject("rating").getInteger("score"));
        String head = api.login("pukou-head");
        JsonObject figures = api.ok("/api/v1/reports/monthly", head).getJsonObject("inspections");
        assertTrue(figures.getLong("registered") >= 1 && figures.getJsonObject("ratings").getLong("4", 0L) >= 1, figures.encode());
    }

    private static String decode(byte[] png) throws Exception {
        return cn.liaison.backend.inspection.QrScan.decode(png);
    }
}
