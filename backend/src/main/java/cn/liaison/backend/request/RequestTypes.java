package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;

import java.util.List;

/**
 * Guesses a request's type from its text when the submitter did not say: complaints, praise and
 * suggestions by their words; a plain question is a consultation; anything else asks for action.
 */
final class RequestTypes {

    private static final List<String> COMPLAINT = List.of("投诉", "举报", "不作为", "乱收费", "刁难", "推诿", "拖延", "态度差", "被占用", "损坏");
    private static final List<String> PRAISE = List.of("表扬", "感谢", "点赞", "锦旗", "致谢");
    private static final List<String> SUGGESTION = List.of("建议", "意见", "希望增加", "能否优化", "提议");
    private static final List<String> DEMAND = List.of("请求", "请帮", "帮忙", "帮我们", "协调", "尽快", "催办", "要求", "希望你们");
    private static final List<String> QUESTION = List.of("吗", "怎么", "如何", "什么", "哪里", "哪些", "多少", "多久", "是否", "能不能", "可不可以", "？", "?");

    private RequestTypes() {
    }

    static RequestType guess(String text) {
        if (containsAny(text, COMPLAINT)) {
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

    /** Words that say a complaint is about the office's own people rather than about a project. */
    private static final List<String> STAFF = List.of("工作人员", "窗口", "联络员", "态度", "不作为", "推诿", "刁难", "办事人员");

    /** Whether a complaint is about the office's staff (it then goes to the office above them). */
    static boolean aboutStaff(String text) {
        return containsAny(text, STAFF);
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }
}
