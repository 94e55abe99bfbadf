package cn.liaison.backend.platform.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void mobileNumberKeepsOnlyPrefixAndLastFourDigits() {
        assertEquals("联系人张先生 138****5678 来电", Masking.mask("联系人张先生 13812345678 来电"));
        assertEquals("{\"phone\":\"159****0001\"}", Masking.mask("{\"phone\":\"15900000001\"}"));
    }

    @Test
    void numbersThatAreNotMobilesStayReadable() {
        assertEquals("工单 202611220001234 转 12345", Masking.mask("工单 202611220001234 转 12345"));
        assertEquals("orderNo=2026112213812345678", Masking.mask("orderNo=2026112213812345678"));
    }

    @Test
    void bearerTokensAndJwtsAreRemoved() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLXZhbHVl";
        String masked = Masking.mask("Authorization: Bearer " + jwt);

        assertFalse(masked.contains("eyJ"), masked);
        assertFalse(Masking.mask("token in body " + jwt).contains("eyJzdWIi"));
    }

    @Test
    void secretsInUrlsAndJsonAreRemoved() {
        String url = Masking.mask("GET https://api.weixin.qq.com/sns/jscode2session?appid=wx1&secret=abcdef&js_code=0a1b");
        assertFalse(url.contains("abcdef"), url);
        assertTrue(url.contains("appid=wx1"), url);

        assertFalse(Masking.mask("cgi-bin/message?access_token=ACCESS123&x=1").contains("ACCESS123"));
        assertFalse(Masking.mask("{\"session_key\":\"tiihtNczf5v6AKRyjwEUhQ==\"}").contains("tiihtNczf5v6"));
        assertFalse(Masking.mask("{\"password\": \"hunter2\"}").contains("hunter2"));
    }

    @Test
    void credentialsInConnectionStringsAreRemoved() {
        assertEquals("mongodb://app:***@db1:27017,db2:27017/liaison?replicaSet=rs0",
                Masking.mask("mongodb://app:s3cret@db1:27017,db2:27017/liaison?replicaSet=rs0"));
        assertEquals("redis://:***@cache:6379/0", Masking.mask("redis://:pw@cache:6379/0"));
    }

    @Test
    void phoneShownToEnterprisesIsMasked() {
        assertEquals("139****4321", Masking.maskPhone("139 8765 4321"));
        assertEquals("***", Masking.maskPhone("12345"));
    }

    @Test
    void theScansBeforeEachPatternChangeNothing() {
        // lines built from pieces that trip each pattern, its scan, both or neither, in many orders
        String[] pieces = {"POST /api/v1/requests 201 39ms requestId=3f2a", " Bearer abc.def-1", " BEARER x", "eyJhbGciOi.eyJzdWIi.sig",
                " eyJ alone", "mongodb://u:pw@db:27017", "https://host/path@x", " ://", "@", "access_token=T1&x=1",
                "\"Password\": \"p w\"", "SESSION_KEY:abc", "code=0a1b", "codes", "ticket", " 13812345678 ", "1381234567",
                "2026112213812345678", "电话19900001111。", "：", "=", "tokenless", "签名 signature:s", "\u0000", ""};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = line.toString();
            assertEquals(Masking.maskWithoutScans(text), Masking.mask(text), text);
        }
    }
}
