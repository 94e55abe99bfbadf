package cn.liaison.bots.chat;

import cn.liaison.bots.domain.RatingLevel;
import cn.liaison.bots.domain.RequestWords;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises what a message asks for before it is treated as a question for the knowledge base. */
final class Intents {

    enum Intent { GREETING, URGE, PROGRESS, NEXT_STEPS, HUMAN, COMPLAINT, DEMAND, QUESTION }

    private static final Pattern GREETING = Pattern.compile(
            "^(你好|您好|hi|hello|在吗|在不在|哈喽|嗨|早上好|下午好|晚上好)[!！。.~～]*$");
    /** 催办: pressing for an answer on the user's own open request. */
    private static final Pattern URGE = Pattern.compile(
            "(催一下|催一催|帮我催|催办|催促|加急办|怎么还没(有)?(处理|办|回复|答复|人管|消息)|能不能快点|尽快处理一下)");
    private static final Pattern PROGRESS = Pattern.compile(
            "(我的诉求|诉求进度|办理进度|进度查询|查询进度|查进度|处理到哪|办得怎么样|我的工单)");
    /** The user's own project's next 人防 steps (answered from its checklist, not from the knowledge base). */
    private static final Pattern NEXT_STEPS = Pattern.compile(
            "(我的|我们的?|本)项目.{0,12}(下一步|接下来|还要办|还需要办|还差|要办什么|该办什么|办到哪)"
                    + "|(下一步|接下来).{0,8}(人防|民防).{0,6}(办|做)");
    private static final Pattern HUMAN = Pattern.compile("(转人工|人工服务|找人工|提交诉求|提交给人|我要反映|我要投诉$)");
    private static final Pattern DEMAND = Pattern.compile(
            "(预约|约人|想约|上门|现场指导|现场踏勘|现场检查|请安排|协调|帮忙办理|需要.{0,6}指导|申请.{0,4}帮助)");

    private Intents() {
    }

    static Intent of(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (GREETING.matcher(t).matches()) {
            return Intent.GREETING;
        }
        if (URGE.matcher(t).find()) {
            return Intent.URGE;
        }
        if (PROGRESS.matcher(t).find()) {
            return Intent.PROGRESS;
        }
        if (NEXT_STEPS.matcher(t).find()) {
            return Intent.NEXT_STEPS;
        }
        if (HUMAN.matcher(t).find()) {
            return Intent.HUMAN;
        }
        if (RequestWords.complains(t)) {
            return Intent.COMPLAINT;
        }
        if (DEMAND.matcher(t).find()) {
            return Intent.DEMAND;
        }
        return Intent.QUESTION;
    }

    static boolean cancels(String text) {
        return text.strip().matches("取消|算了|不用了|退出|不提交了?");
    }

    static boolean confirms(String text) {
        return text.strip().matches("(确认|确定|是|是的|好|好的|提交|确认提交|没问题|对)[!！。.]*");
    }

    static boolean edits(String text) {
        return text.strip().matches("(修改|重填|重新填写|不对)[!！。.]*");
    }

    /** 1-5 or the level's name; 0 when the text is no rating. */
    static int ratingLevel(String text) {
        String t = text.strip().replaceAll("[!！。.]", "");
        if (t.equals("一般")) {
            return RatingLevel.BASICALLY_SATISFIED.level();
        }
        for (RatingLevel level : RatingLevel.values()) {
            if (t.equals(level.label()) || t.equals(Integer.toString(level.level()))) {
                return level.level();
            }
        }
        return 0;
    }
}
