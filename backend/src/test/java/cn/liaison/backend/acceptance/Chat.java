package cn.liaison.backend.acceptance;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** One conversation with the mini-program's chat bot, as the mini-program drives it. */
final class Chat {

    /** What a user types when the bot asks for a field of the request form. */
    private static final Map<String, String> ANSWERS = Map.of("project", "江浦街道精密制造厂房", "district", "浦口区",
            "contactName", "孙立", "phone", "13800001234", "confirm", "确认提交");
    private static final int MAX_TURNS = 8;

    private final Api api;
    private final String token;
    private String conversationId;

    Chat(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    JsonObject say(String text) throws Exception {
        JsonObject body = new JsonObject().put("text", text);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        JsonObject turn = api.expect(200, "POST", "/api/v1/chat/messages", token, body);
        conversationId = turn.getString("conversationId");
        return turn;
    }

    JsonObject first(JsonObject turn, String type) {
        return turn.getJsonArray("replies").stream().map(JsonObject.class::cast)
                .filter(r -> type.equals(r.getString("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " reply in " + turn.encode()));
    }

    /** Says {@code complaint}, answers every form field the bot asks for, and returns the created request's id. */
    String complain(String complaint) throws Exception {
        JsonObject turn = say(complaint);
        for (int i = 0; i < MAX_TURNS; i++) {
            JsonObject request = reply(turn, "request");
            if (request != null) {
                return request.getString("id");
            }
            JsonObject form = reply(turn, "form");
            if (form == null) {
                throw new AssertionError("the complaint was neither asked about nor turned into a request: " + turn.encode());
            }
            String field = form.getJsonArray("fields").getJsonObject(0).getString("name");
            String answer = ANSWERS.get(field);
            if (answer == null) {
                throw new AssertionError("the bot asked for an unexpected field " + field + ": " + turn.encode());
            }
            turn = say(answer);
        }
        throw new AssertionError("no request after " + MAX_TURNS + " turns: " + turn.encode());
    }

    private static JsonObject reply(JsonObject turn, String type) {
        return turn.getJsonArray("replies").stream().map(JsonObject.class::cast)
                .filter(r -> type.equals(r.getString("type"))).findFirst().orElse(null);
    }
}
