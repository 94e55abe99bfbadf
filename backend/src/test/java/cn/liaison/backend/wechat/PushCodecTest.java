package cn.liaison.backend.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;

class PushCodecTest {

    static final String TOKEN = "pushToken123";
    static final String APPID = "wx1234567890abcdef";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private final PushCodec codec = new PushCodec(TOKEN, APPID, AES_KEY);

    @Test
    void plainJsonWithValidSignatureIsRead() {
        String body = "{\"ToUserName\":\"gh_1\",\"FromUserName\":\"o-user\",\"CreateTime\":1700000000,"
                + "\"MsgType\":\"text\",\"Content\":\"你好\",\"MsgId\":12345}";
        PushMessage m = codec.read(body, false, PushCodec.sign(TOKEN, "1700000000", "n1"), null, "1700000000", "n1");
        assertEquals("o-user", m.fromUser());
        assertEquals("你好", m.content());
        assertEquals("msg:12345", m.dedupeKey());
    }

    @Test
    void safeModeXmlEncryptedByWxJavaIsDecrypted() {
        String inner = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o-user]]></FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[user_enter_tempsession]]></Event></xml>";
        WxCryptUtil.EncryptContext sealed = new WxCryptUtil(TOKEN, AES_KEY, APPID).encryptContext(inner);
        String body = "<xml><ToUserName>gh_1</ToUserName><Encrypt><![CDATA[" + sealed.getEncrypt() + "]]></Encrypt></xml>";
        // WxJava's own msg_signature over (token, timestamp, nonce, Encrypt) must be accepted.
        PushMessage m = codec.read(body, true, null, sealed.getSignature(), sealed.getTimeStamp(), sealed.getNonce());
        assertEquals("event", m.msgType());
        assertEquals("event:o-user:1700000000", m.dedupeKey());
    }

    @Test
    void anotherAppsCiphertextIsRefused() {
        String encrypted = new WxCryptUtil(TOKEN, AES_KEY, "wxSomebodyElse00000")
                .encryptContext("{\"FromUserName\":\"x\",\"MsgType\":\"text\"}").getEncrypt();
        String body = "{\"Encrypt\":\"" + encrypted + "\"}";
        assertThrows(PushCodec.BadSignature.class,
                () -> codec.read(body, true, null, PushCodec.sign(TOKEN, "1", "n", encrypted), "1", "n"));
    }

    @Test
    void tamperedSignatureIsRefused() {
        String body = "{\"FromUserName\":\"o\",\"MsgType\":\"text\",\"Content\":\"x\"}";
        String good = PushCodec.sign(TOKEN, "1", "n");
        String bad = (good.charAt(0) == 'a' ? 'b' : 'a') + good.substring(1);
        assertThrows(PushCodec.BadSignature.class, () -> codec.read(body, false, bad, null, "1", "n"));
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><FromUserName>&x;</FromUserName><MsgType>text</MsgType></xml>";
        assertThrows(PushCodec.BadMessage.class, () -> PushCodec.fields(xxe));
        String laughs = "<!DOCTYPE xml [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><xml><Content>&b;</Content></xml>";
        assertThrows(PushCodec.BadMessage.class, () -> PushCodec.fields(laughs));
    }

    @Test
    void templateValuesStayWithinWechatLimits() {
        assertEquals(20, TemplateValues.fit("thing3", "人防地下室的防护密闭门出现严重变形无法关闭请尽快处理谢谢").length());
        assertEquals("整改完成", TemplateValues.fit("phrase2", "整改完成2"));
        assertEquals("SQ20261123-0001", TemplateValues.fit("character_string1", "SQ20261123-0001"));
        assertEquals("无", TemplateValues.fit("thing3", "  "));
    }
}
