package cn.liaison.bots.hotline;

import java.util.List;
import java.util.Optional;

/**
 * Recognises a follow-up question that leans on what the call was already about: short, asking for
 * one aspect (how long, how much, which materials, where), and naming no subject of its own —
 * "那要多久？", "收费吗", "要带什么材料".
 */
public final class FollowUps {

    /** The part of a service item a follow-up asks about. */
    public enum Aspect {
        TIME(List.of("多久", "多长时间", "几天", "时限", "多少天", "多少个工作日", "什么时候能", "要多长")),
        FEE(List.of("多少钱", "收费", "收不收", "费用", "要钱", "交钱", "花钱", "免费")),
        MATERIALS(List.of("材料", "带什么", "准备什么", "提交什么", "要什么东西", "交什么")),
        WHERE(List.of("在哪", "哪里办", "去哪", "哪儿", "地址", "窗口", "网上办", "线上办")),
        STEPS(List.of("流程", "步骤", "怎么办理", "程序", "怎么走")),
        BASIS(List.of("依据", "根据什么", "哪条规定", "法律规定", "文件规定"));

        private final List<String> cues;

        Aspect(List<String> cues) {
            this.cues = cues;
        }
    }

    /** Longer than this and the question most likely names its own subject. */
    static final int MAX_FOLLOW_UP_CHARS = 14;
    private static final List<String> ANAPHORA = List.of("那", "这个", "这", "它", "那个", "还", "另外", "然后", "那么");

    private FollowUps() {
    }

    /** The aspect a question asks about, if any. */
    public static Optional<Aspect> aspect(String question) {
        for (Aspect aspect : Aspect.values()) {
            if (aspect.cues.stream().anyMatch(question::contains)) {
                return Optional.of(aspect);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the question is elliptical: short, or opening with "那/这个/还…", so that it means
     * "…of what we were talking about".
     */
    public static boolean elliptical(String question) {
        String core = question.replaceAll("[\\s\\p{Punct}？。！，、；：“”‘’（）]", "");
        return core.length() <= MAX_FOLLOW_UP_CHARS || ANAPHORA.stream().anyMatch(core::startsWith);
    }
}
