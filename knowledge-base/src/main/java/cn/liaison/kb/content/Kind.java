package cn.liaison.kb.content;

import java.util.Arrays;
import java.util.Optional;

/** The kind of a knowledge-base entry. */
public enum Kind {
    /** 服务事项: a service item with materials, steps and time limits. */
    ITEM("item"),
    /** 政策: a policy. */
    POLICY("policy"),
    /** 常见问题. */
    FAQ("faq"),
    /** 指导案例: a guiding case. */
    CASE("case"),
    /** 办事指南: a guide. */
    GUIDE("guide"),
    /** 一件事: a scenario package composed from service items (files under {@code scenarios/}, never entries/). */
    SCENARIO("scenario");

    private final String code;

    Kind(String code) {
        this.code = code;
    }

    /** The value used in content files. */
    public String code() {
        return code;
    }

    public static Optional<Kind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
