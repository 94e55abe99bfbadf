package cn.liaison.kb.content;

import java.util.List;

/**
 * Another department and the matters it owns: questions about them are forwarded, not answered.
 * {@code examples} are questions people ask that belong to it (the negative sample set: they teach
 * the index what a matter that is not ours sounds like).
 */
public record ForwardRule(String department, String phone, List<String> matters, List<String> keywords,
        List<String> examples) {
    public ForwardRule {
        Checks.text(department, "department");
        phone = Checks.optionalText(phone);
        matters = Checks.texts(matters, "matters");
        keywords = Checks.texts(keywords, "keywords");
        examples = Checks.texts(examples == null ? List.of() : examples, "examples");
        if (matters.isEmpty() && keywords.isEmpty()) {
            throw new IllegalArgumentException("department " + department + " needs matters or keywords");
        }
    }

    public ForwardRule(String department, String phone, List<String> matters, List<String> keywords) {
        this(department, phone, matters, keywords, List.of());
    }
}
