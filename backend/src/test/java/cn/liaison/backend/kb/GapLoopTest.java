package cn.liaison.backend.kb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GapLoopTest {

    @Test
    void acceptedVariantsKeepTheEntryValidInEitherForm() {
        String id = "faq-shelter-location";
        String yaml = KbService.bundledEntries().get(id);
        String added = GapLoop.withQuestions(yaml, List.of("附近的\"防空洞\"哪里找"));
        assertTrue(KbService.checked(id, added).questions().contains("附近的\"防空洞\"哪里找"), added);

        String json = new io.vertx.core.json.JsonObject(Map.of("id", id, "questions", List.of("旧问法"))).encode();
        assertTrue(GapLoop.withQuestions(json, List.of("新问法")).contains("新问法"));
    }
}
