package cn.liaison.bots.domain;

import java.util.List;

/**
 * The words that give a request's kind away, defined once for the chat bot (is this message a
 * complaint?) and the request loop (which type is a request whose submitter did not say?).
 * A second copy of these lists anywhere fails {@code DomainWordsTest} in the backend.
 */
public final class RequestWords {

    /** A complaint (投诉): about a fault in a shelter or about how the office treats people. */
    public static final List<String> COMPLAINT = List.of("投诉", "举报", "坏了", "损坏", "破损", "漏水", "渗水", "故障",
            "不作为", "推诿", "刁难", "拖延", "态度差", "态度很差", "态度不好", "态度恶劣", "不耐烦", "乱收费", "不满意", "堵塞",
            "被占用", "锈蚀");
    public static final List<String> PRAISE = List.of("表扬", "感谢", "点赞", "锦旗", "致谢");
    public static final List<String> SUGGESTION = List.of("建议", "意见", "希望增加", "能否优化", "提议");
    /** Asking the office to act. */
    public static final List<String> DEMAND = List.of("请求", "请帮", "帮忙", "帮我们", "协调", "尽快", "催办", "要求", "希望你们");
    /** A plain question (a consultation). */
    public static final List<String> QUESTION = List.of("吗", "怎么", "如何", "什么", "哪里", "哪些", "多少", "多久", "是否",
            "能不能", "可不可以", "？", "?");
    /** A complaint about the office's own people rather than about a project. */
    public static final List<String> ABOUT_STAFF = List.of("工作人员", "窗口", "联络员", "态度", "不作为", "推诿", "刁难", "办事人员");

    private RequestWords() {
    }

    public static boolean complains(String text) {
        return containsAny(text, COMPLAINT);
    }

    /**
     * The type of a request whose submitter did not say: complaints, praise and suggestions by
     * their words; a plain question is a consultation; anything else asks for action.
     */
    public static RequestType guess(String text) {
        if (complains(text)) {
            return RequestType.COMPLAINT;
        }
        if (containsAny(text, PRAISE)) {
            return RequestType.PRAISE;
        }
        if (containsAny(text, SUGGESTION)) {
            return RequestType.SUGGESTION;
        }
        if (containsAny(text, DEMAND)) {
            return RequestType.DEMAND;
        }
        return containsAny(text, QUESTION) ? RequestType.CONSULT : RequestType.DEMAND;
    }

    /** Whether a complaint is about the office's staff (it then goes to the office above them). */
    public static boolean aboutStaff(String text) {
        return containsAny(text, ABOUT_STAFF);
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }
}
