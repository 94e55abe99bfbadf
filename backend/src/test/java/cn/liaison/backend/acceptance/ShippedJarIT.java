package cn.liaison.backend.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.hotline.Fake12345Platform;
import cn.liaison.backend.wechat.FakeWechat;
import cn.liaison.backend.wecom.FakeWecom;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The acceptance suite: the shaded jar that {@code package} built ({@code backend/target/liaison-backend.jar},
 * or {@code -Dliaison.jar=…}) runs as a child process, started exactly as the README and the
 * Dockerfile start it, with WeChat, WeCom and 12345 all configured against loopback fakes that
 * speak their protocols. Every journey is driven over HTTP only; asynchronous effects (outbox
 * deliveries to the fakes) are awaited by polling with a deadline. One start serves all journeys.
 * The jar's console is kept in {@code target/acceptance/liaison-backend.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShippedJarIT {

    static final String WECHAT_APPID = "wxacceptance00001";
    static final String WECHAT_PUSH_TOKEN = "acceptpushtoken";
    static final String WECHAT_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String WECHAT_SECRET = "wechat-secret-not-for-logs";
    static final String WECOM_SECRET = "wecom-secret-not-for-logs";
    static final String HOTLINE_SECRET = "acceptance-12345-shared-secret";
    static final Duration DELIVERY = Duration.ofSeconds(30);
    static final Duration KB_INDEX_WITHIN = Duration.ofMinutes(3);

    static FakeWechat wechat;
    static FakeWecom wecom;
    static Fake12345Platform platform;
    static ShippedJar jar;
    static Api api;
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        wechat = new FakeWechat();
        wecom = new FakeWecom();
        platform = new Fake12345Platform(HOTLINE_SECRET);
        Path work = Path.of("target", "acceptance").toAbsolutePath();
        Files.createDirectories(work);
        dataDir = Files.createTempDirectory(work, "data-");
        int port = ShippedJar.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("DEMO", "on");
        env.put("WECHAT_APPID", WECHAT_APPID);
        env.put("WECHAT_SECRET", WECHAT_SECRET);
        env.put("WECHAT_TOKEN", WECHAT_PUSH_TOKEN);
        env.put("WECHAT_AES_KEY", WECHAT_AES_KEY);
        env.put("WECHAT_API_BASE", wechat.baseUrl());
        env.put("WECHAT_TEMPLATE_ACCEPTED", "tpl-accepted");
        env.put("WECHAT_TEMPLATE_RESPONDED", "tpl-responded");
        env.put("WECHAT_TEMPLATE_PLAN", "tpl-plan");
        env.put("WECHAT_TEMPLATE_CHECK_IN", "tpl-check-in");
        // The proactive scan runs at 09:30 by default; the suite cannot wait for it (PlanJourney).
        env.put("PROACTIVE_SCAN_AT", "every 2s");
        env.put("WECOM_CORP_ID", "ww-acceptance");
        env.put("WECOM_AGENT_ID", "1000002");
        env.put("WECOM_SECRET", WECOM_SECRET);
        env.put("WECOM_API_BASE", wecom.baseUrl());
        env.put("WECOM_AUTHORIZE_URL", wecom.authorizeUrl());
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        // WeCom messages would otherwise wait for the morning when the suite runs at night.
        env.put("QUIET_HOURS", "off");
        env.put("HOTLINE_12345_SECRET", HOTLINE_SECRET);
        env.put("HOTLINE_12345_BASE", platform.baseUrl());
        jar = ShippedJar.start(port, dataDir, work.resolve("liaison-backend.log"), env);
        System.out.println("[acceptance] " + ShippedJar.jar() + " ready in " + jar.startup().toMillis() + " ms on "
                + jar.baseUrl() + "; log: " + jar.log());
        api = new Api(jar.baseUrl(), dataDir.resolve("demo-accounts.json"));
        awaitKnowledgeBase();
    }

    /**
     * The index is built in the background after the service is ready, and searches wait for it
     * (about 5–13 s, much longer on a loaded machine): one public question, allowed to wait, so the
     * journeys' own calls keep a short timeout.
     */
    static void awaitKnowledgeBase() throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(api.uri("/api/v1/kb/answer?q="
                + URLEncoder.encode("人防工程是什么", StandardCharsets.UTF_8))).GET(), KB_INDEX_WITHIN);
        assertEquals(200, answer.statusCode(), answer.body());
        System.out.println("[acceptance] knowledge base answered after " + (System.nanoTime() - begin) / 1_000_000 + " ms more");
    }

    @AfterAll
    static void stop() throws Exception {
        if (jar != null) {
            jar.close();
        }
        for (AutoCloseable fake : new AutoCloseable[] {wechat, wecom, platform}) {
            if (fake != null) {
                fake.close();
            }
        }
        if (dataDir != null) {
            // The log stays in target/acceptance; the stores' files are of no use after the run.
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void enterpriseFromWechatLoginToRatingInTheChat() throws Exception {
        new EnterpriseJourney(api, wechat, WECHAT_APPID, WECHAT_PUSH_TOKEN, WECHAT_AES_KEY, DELIVERY).run();
    }

    @Test
    @Order(2)
    void liaisonSignsInThroughWecomGetsTheCardAndHandlesTheTaskLive() throws Exception {
        new LiaisonJourney(api, wecom, jar.baseUrl(), DELIVERY).run();
    }

    @Test
    @Order(3)
    void a12345OrderIsSignedForAndAnsweredWithSignedCallbacks() throws Exception {
        new Hotline12345Journey(api, platform, HOTLINE_SECRET, DELIVERY).run();
    }

    @Test
    @Order(4)
    void aHotlineAgentIsAssistedAndAFollowUpKeepsTheSubject() throws Exception {
        String agent = api.login("hotline-agent");
        JsonObject first = api.expect(200, "POST", "/api/v1/hotline/assist", agent,
                new JsonObject().put("text", "人防易地建设审批怎么申请").put("callId", "accept-call-1"));
        JsonObject top = first.getJsonArray("answers").getJsonObject(0);
        assertEquals("item-offsite-approval", top.getString("entryId"), first.encode());
        assertFalse(top.getString("spoken").isBlank());
        assertTrue(top.getString("notice").contains("材料"), top.getString("notice"));
        assertFalse(top.getJsonArray("sources").isEmpty());
        JsonObject followUp = api.expect(200, "POST", "/api/v1/hotline/assist", agent,
                new JsonObject().put("text", "那要多久？").put("callId", "accept-call-1"));
        assertTrue(followUp.getBoolean("followUp"), followUp.encode());
        assertEquals("TIME", followUp.getString("aspect"));
        assertEquals("item-offsite-approval", followUp.getJsonArray("answers").getJsonObject(0).getString("entryId"));
    }

    @Test
    @Order(5)
    void aCityAdminsDraftIsAnsweredOnlyOncePublished() throws Exception {
        new CityAdminJourney(api).kbDraftPublishAnswer();
    }

    @Test
    @Order(5)
    void anInspectorRegistersByScanningTheEnterpriseCodeAndTheEnterpriseRatesIt() throws Exception {
        new InspectionJourney(api, jar.baseUrl()).run();
    }

    @Test
    @Order(5)
    void aServicePlansProgressAndACheckInReachTheEnterpriseInWechatAndItConfirmsAndRates() throws Exception {
        new PlanJourney(api, wechat, DELIVERY).run();
    }

    @Test
    @Order(6)
    void theMonthlySummaryDownloadsAsAnXlsxWithTheMonthsFigures() throws Exception {
        new CityAdminJourney(api).monthlyXlsx();
    }

    @Test
    @Order(7)
    void sigtermStopsTheJarCleanlyAndTheLogHoldsNoSecret() throws Exception {
        assertTrue(jar.alive(), "the jar is still running after every journey");
        Integer exit = jar.stop();
        assertEquals(0, exit, "exit code after SIGTERM; log tail:\n" + jar.tail(30));
        String log = jar.logText();
        for (String secret : new String[] {FakeWechat.TOKEN, FakeWecom.TOKEN, WECHAT_SECRET, WECOM_SECRET,
                HOTLINE_SECRET, "secret-session-key"}) {
            assertFalse(log.contains(secret), "the log shows " + secret);
        }
        assertNotNull(jar.startup());
    }
}
