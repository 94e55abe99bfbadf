package cn.liaison.backend.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation × every kind of caller, on objects owned by someone else (enterprise-2's request
 * and project). The expected answer of each cell comes from the contract's {@code x-roles} and the
 * scope rules, not from what the service does today: a caller without a valid token gets 401 on
 * anything not public; a role the operation does not declare never succeeds; a caller outside the
 * object's scope never succeeds. Any success where a refusal is expected, and any 5xx, is a
 * violation. The matrix is written to {@code docs/authorization-matrix.md} (linked from the README).
 */
class AuthorizationMatrixIT {

    static final String SECRET = "matrix-test-secret-of-at-least-32-characters";

    @TempDir
    static Path dataDir;
    static TestApp app;
    static final Map<String, String> tokens = new LinkedHashMap<>();
    static final Map<String, Set<String>> roleOf = new LinkedHashMap<>();
    static String otherRequest;
    static JsonObject otherRequestDoc;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of("JWT_SECRET", SECRET, "DEMO", "on", "HOTLINE_12345_SECRET", "a-test-secret-of-enough-length"),
                List.of(), c -> c);
        app.knowledgeBase().await(120, TimeUnit.SECONDS);
        Map<String, String> users = Map.of("city-admin", "CITY_ADMIN", "pukou-head", "UNIT_HEAD", "pukou-liaison-1", "LIAISON",
                "pukou-edz-liaison", "LIAISON", "hotline-agent", "AGENT", "enterprise-1", "ENTERPRISE", "enterprise-2", "ENTERPRISE");
        for (String user : List.of("city-admin", "pukou-head", "pukou-liaison-1", "pukou-edz-liaison", "hotline-agent", "enterprise-1", "enterprise-2")) {
            tokens.put(user, app.loginAs(user));
            roleOf.put(user, Set.of(users.get(user)));
        }
        miniProgramUsers();
        disabledAccount();
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/requests", tokens.get("enterprise-2"),
                "{\"type\":\"COMPLAINT\",\"content\":\"厂房扩建项目的人防审批一直没有回复\",\"projectId\":\"project-demo-2\"}");
        assertEquals(201, created.statusCode(), created.body());
        otherRequest = new JsonObject(created.body()).getString("id");
        otherRequestDoc = new JsonObject(app.get("/api/v1/requests/" + otherRequest, tokens.get("city-admin")).body());
        String sample = tokens.get("enterprise-1");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(sample.split("\\.")[1]), StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        tokens.put("expired", sign(claims.copy().put("iat", now - 7200).put("exp", now - 3600), SECRET, "HS256"));
        tokens.put("wrong key", sign(claims.copy(), "another-secret-that-is-also-long-enough!!", "HS256"));
        tokens.put("alg=none", sign(claims.copy(), null, "none"));
        tokens.put("no token", null);
        String control = sign(claims.copy().put("exp", now + 600), SECRET, "HS256");
        assertEquals(200, app.get("/api/v1/requests", control).statusCode(), "the test signs tokens like the service");
    }

    /**
     * Two WeChat mini-program users (DEMO's local login): one never bound to an enterprise, one bound
     * to an enterprise of its own after a city admin approved its binding. Both hold ENTERPRISE and
     * neither may see enterprise-2's objects.
     */
    static void miniProgramUsers() throws Exception {
        tokens.put("wechat-unbound", wechatLogin("matrix-unbound"));
        roleOf.put("wechat-unbound", Set.of("ENTERPRISE"));
        String bound = wechatLogin("matrix-bound");
        String code17 = "91320111MA1XBN9Q7";
        String code = code17 + cn.liaison.backend.org.CreditCode.checkCharacter(code17);
        HttpResponse<String> asked = app.sendJson("POST", "/api/v1/me/enterprise", bound, new JsonObject().put("creditCode", code)
                .put("name", "南京矩阵测试有限公司").put("contactName", "钱七").put("phone", "13800000077").encode());
        assertEquals(201, asked.statusCode(), asked.body());
        HttpResponse<String> approved = app.sendJson("POST", "/api/v1/enterprise-bindings/" + new JsonObject(asked.body()).getString("id")
                + "/approve", tokens.get("city-admin"), "{\"districtUnitId\": \"district-pukou\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject mine = new JsonObject(app.get("/api/v1/me/enterprise", bound).body());
        assertTrue(mine.getString("enterpriseId") != null && mine.getString("token") != null, mine.encode());
        tokens.put("wechat-bound", mine.getString("token"));
        roleOf.put("wechat-bound", Set.of("ENTERPRISE"));
    }

    static String wechatLogin(String code) throws Exception {
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/auth/wechat", null, new JsonObject().put("code", code).encode());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("token");
    }

    /**
     * A liaison of 浦口 who signed in and was then disabled by a city admin: the token issued before
     * counts as no token (401 everywhere but public operations).
     */
    static void disabledAccount() throws Exception {
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/staff", tokens.get("city-admin"), new JsonObject()
                .put("username", "matrix-disabled").put("name", "停用测试").put("roles", new JsonArray().add("LIAISON"))
                .put("unitId", "district-pukou").encode());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject account = new JsonObject(created.body());
        HttpResponse<String> login = app.sendJson("POST", "/api/v1/auth/login", null, new JsonObject()
                .put("username", "matrix-disabled").put("password", account.getString("password")).encode());
        assertEquals(200, login.statusCode(), login.body());
        String token = new JsonObject(login.body()).getString("token");
        HttpResponse<String> disabled = app.sendJson("PATCH", "/api/v1/staff/" + account.getJsonObject("user").getString("id"), tokens.get("city-admin"),
                "{\"active\": false}");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(401, app.get("/api/v1/me", token).statusCode(), "a disabled account's token no longer works");
        tokens.put("disabled", token);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String sign(JsonObject claims, String secret, String alg) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString(new JsonObject().put("alg", alg).put("typ", "JWT").encode().getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        if (secret == null) {
            return head + "." + body + ".";
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return head + "." + body + "." + b64.encodeToString(mac.doFinal((head + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** The roles the contract declares; from arch's branch copy while main's contract has none. */
    static Map<String, List<String>> declaredRoles(ContractInputs inputs) throws Exception {
        JsonObject copy = new JsonObject(new String(AuthorizationMatrixIT.class.getClassLoader()
                .getResourceAsStream("hostile/x-roles-from-arch.json").readAllBytes(), StandardCharsets.UTF_8));
        Map<String, List<String>> out = new LinkedHashMap<>();
        inputs.operations().forEach(op -> out.put(op.id(), !op.roles().isEmpty() ? op.roles()
                : copy.getJsonArray(op.id(), new JsonArray()).stream().map(String::valueOf).toList()));
        return out;
    }

    /** Whether this caller may see enterprise-2's request, by the scope rules. */
    static boolean seesOtherRequest(String user) {
        String unit = otherRequestDoc.getString("unitId");
        boolean open = !Set.of("CLOSED", "FORWARDED", "RETURNED", "ANSWERED").contains(otherRequestDoc.getString("status"));
        return switch (user) {
            case "city-admin", "pukou-head", "enterprise-2" -> true;
            case "pukou-liaison-1" -> "user-pukou-liaison-1".equals(otherRequestDoc.getString("liaisonId"))
                    || open && "district-pukou".equals(unit);
            case "pukou-edz-liaison" -> "user-pukou-edz-liaison".equals(otherRequestDoc.getString("liaisonId"))
                    || open && "park-pukou-edz".equals(unit);
            default -> false;
        };
    }

    /** Whether this caller may see enterprise-2's project (district 浦口, park 浦口经开区, no liaison). */
    static boolean seesOtherProject(String user) {
        return !Set.of("enterprise-1", "hotline-agent", "wechat-bound", "wechat-unbound").contains(user);
    }

    @Test
    void everyCellIsWhatTheContractAndTheScopeRulesSay() throws Exception {
        ContractInputs inputs = new ContractInputs();
        Map<String, List<String>> roles = declaredRoles(inputs);
        List<ContractInputs.Operation> ops = new ArrayList<>(inputs.operations().stream().filter(op -> !op.streams()).toList());
        // Signing out last, so it cannot revoke the tokens the other cells use.
        ops.sort((a, b) -> Boolean.compare(a.id().toLowerCase().contains("logout"), b.id().toLowerCase().contains("logout")));
        List<String> callers = new ArrayList<>(tokens.keySet());
        StringBuilder table = new StringBuilder("| operation | x-roles | " + String.join(" | ", callers) + " |\n|---|---|"
                + "---|".repeat(callers.size()) + "\n");
        int cells = 0;
        List<String> violations = new ArrayList<>();
        for (ContractInputs.Operation op : ops) {
            List<String> declared = roles.getOrDefault(op.id(), List.of());
            boolean onRequest = op.path().contains("/requests/{");
            boolean onProject = op.path().contains("/projects/{");
            String path = op.path().replace("/requests/{id}", "/requests/" + otherRequest)
                    .replace("/projects/{id}", "/projects/project-demo-2")
                    .replaceAll("\\{[^}]+}", "someone-elses");
            String body = op.bodySchema() == null || op.bodySchema().containsKey("x-not-json") ? null
                    : String.valueOf(io.vertx.core.json.Json.encode(inputs.plausible(op.bodySchema(), 0)));
            table.append("| ").append(op.id()).append(" | ").append(String.join(",", declared)).append(" |");
            for (String caller : callers) {
                String token = tokens.get(caller);
                HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).method(op.method(),
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                int status = app.send(request).statusCode();
                cells++;
                boolean signedIn = roleOf.containsKey(caller);
                boolean roleAllowed = declared.contains("PUBLIC") || declared.contains("AUTHENTICATED") && signedIn
                        || signedIn && roleOf.get(caller).stream().anyMatch(declared::contains);
                boolean scopeAllowed = (!onRequest || seesOtherRequest(caller)) && (!onProject || seesOtherProject(caller));
                boolean mayChange = declared.contains("PUBLIC") || roleAllowed && scopeAllowed;
                String verdict;
                if (status >= 500) {
                    verdict = "✗";
                    violations.add(op.id() + " as " + caller + ": " + status);
                } else if (status < 400 && !mayChange) {
                    verdict = "✗";
                    violations.add(op.id() + " as " + caller + ": " + status + " where a refusal is expected");
                } else if (!signedIn && !declared.contains("PUBLIC") && !declared.contains("PLATFORM_12345") && status != 401) {
                    verdict = "✗";
                    violations.add(op.id() + " as " + caller + ": " + status + " where 401 is expected");
                } else {
                    verdict = status < 400 ? "✓" : "·";
                }
                table.append(" ").append(status).append(" ").append(verdict).append(" |");
            }
            table.append("\n");
        }
        String doc = "# Authorization matrix\n\nGenerated by `AuthorizationMatrixIT` (part of `mvn -B verify`). Rows: every "
                + "operation of `openapi.yaml` except event streams; columns: each demo role, an enterprise of another company "
                + "(enterprise-1 against enterprise-2's objects), staff of another unit (pukou-edz-liaison), the hotline agent, "
                + "a mini-program user bound to an enterprise of its own (wechat-bound) and one not bound (wechat-unbound), "
                + "a liaison disabled after signing in (disabled: expected 401 like no token), and tokens that are expired, signed with a wrong key, `alg=none`, or absent. Path ids name enterprise-2's "
                + "request and project (`someone-elses` elsewhere). Cell: status, then ✓ allowed and succeeded, · refused or "
                + "invalid, ✗ violation (a success the contract's `x-roles` or the scope rules forbid, a 5xx, or anything but "
                + "401 without a valid token).\n\n" + cells + " cells, " + violations.size() + " violations.\n\n" + table;
        Files.createDirectories(Path.of("docs"));
        Files.writeString(Path.of("docs", "authorization-matrix.md"), doc);
        System.out.println("AUTHZ MATRIX: " + cells + " cells, " + violations.size() + " violations");
        assertTrue(violations.isEmpty(), violations.size() + " violations:\n" + String.join("\n", violations));
    }
}
