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

    /** At most this many characters may be left once cues and filler words are taken out. */
    static final int MAX_RESIDUE = 2;
    /** Words that carry no subject: pronouns, particles, politeness. Longest first. */
    private static final List<String> FILLER = List.of("请问一下", "请问", "一下", "大概", "一般", "需要", "那个", "这个",
            "那么", "然后", "另外", "可以", "什么", "还", "那", "这", "它", "要", "吗", "呢", "啊", "呀", "得", "的", "了",
            "是", "能", "办", "有", "多", "少", "几", "在", "去", "哪", "里", "儿", "我", "们", "就", "都", "又", "也");

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
     * Whether the question names no subject of its own, so that it means "…of what we were talking
     * about": once the aspect cues and filler words are taken out, almost nothing is left
     * ("那要多久？", "收费吗", "需要带什么材料"; not "易地建设费多少钱").
     */
    public static boolean elliptical(String question) {
        String rest = question.replaceAll("[\\s\\p{Punct}？。！，、；：“”‘’（）]", "");
        for (Aspect aspect : Aspect.values()) {
            for (String cue : aspect.cues) {
                rest = rest.replace(cue, "");
            }
        }
        for (String word : FILLER) {
            rest = rest.replace(word, "");
        }
        return rest.length() <= MAX_RESIDUE;
    }
}
