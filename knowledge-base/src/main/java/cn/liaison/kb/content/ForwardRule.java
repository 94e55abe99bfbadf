package cn.liaison.kb.content;

import java.util.List;

/** Another department and the matters it owns: questions about them are forwarded, not answered. */
public record ForwardRule(String department, String phone, List<String> matters, List<String> keywords) {
    public ForwardRule {
        Checks.text(department, "department");
        phone = Checks.optionalText(phone);
        matters = Checks.texts(matters, "matters");
        keywords = Checks.texts(keywords, "keywords");
        if (matters.isEmpty() && keywords.isEmpty()) {
            throw new IllegalArgumentException("department " + department + " needs matters or keywords");
        }
    }
}
