package cn.liaison.bots.hotline;

import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Material;
import cn.liaison.kb.content.ServiceItem;
import cn.liaison.kb.content.Where;
import java.util.List;

/**
 * Writes the words an agent says about an entry: for a service item, built from its structured
 * fields (what, how long, how much, what to bring, where); for others, the opening of its answer.
 * The result goes through {@link SpokenText} so numbers are said, not spelled.
 */
public final class EntrySpeech {

    private static final int MATERIALS_NAMED = 3;

    private EntrySpeech() {
    }

    /** The short spoken answer for the whole entry. */
    public static String of(Entry entry) {
        ServiceItem item = entry.item();
        if (item == null) {
            return SpokenText.of(entry.answer());
        }
        String text = entry.title() + "。"
                + time(item) + "。"
                + fee(item) + "。"
                + materials(item, MATERIALS_NAMED) + "。"
                + where(item.where()) + "。";
        return SpokenText.of(text);
    }

    /** The spoken answer to one aspect of the entry ("那要多久？"). */
    public static String of(Entry entry, FollowUps.Aspect aspect) {
        ServiceItem item = entry.item();
        if (item == null) {
            return of(entry);
        }
        String text = switch (aspect) {
            case TIME -> entry.title() + "，" + time(item);
            case FEE -> entry.title() + "，" + fee(item);
            case MATERIALS -> entry.title() + "，" + materials(item, item.materials().size());
            case WHERE -> entry.title() + "，" + where(item.where());
            case STEPS -> entry.title() + "的流程是：" + String.join("，然后", item.steps());
            case BASIS -> item.legalBasis().isEmpty() ? entry.title() + "的依据请看书面告知"
                    : entry.title() + "的依据是" + String.join("，", item.legalBasis());
        };
        return SpokenText.of(text + "。");
    }

    private static String time(ServiceItem item) {
        Integer legal = item.legalTimeLimitDays();
        Integer promised = item.promisedTimeLimitDays();
        if (legal == null && promised == null) {
            return "办理时限以受理窗口告知为准";
        }
        StringBuilder out = new StringBuilder();
        if (legal != null) {
            out.append("法定办理时限是").append(legal).append("个工作日");
        }
        if (promised != null) {
            out.append(out.length() == 0 ? "" : "，").append("承诺").append(promised).append("个工作日办结");
        } else {
            out.append("，承诺时限以办事指南为准");
        }
        return out.toString();
    }

    private static String fee(ServiceItem item) {
        return "收费方面，" + item.fee().replaceAll("[。.]$", "");
    }

    private static String materials(ServiceItem item, int named) {
        List<Material> all = item.materials();
        List<String> names = all.stream().limit(named).map(Material::name).toList();
        String list = String.join("、", names);
        return "需要准备" + all.size() + "样材料，" + (all.size() > named ? "主要有" + list + "等" : "分别是" + list);
    }

    private static String where(Where where) {
        if (where.window() != null && where.online() != null) {
            return "可以" + where.window() + "，也可以在" + where.online() + "网上办理";
        }
        return where.window() != null ? "办理地点：" + where.window() : "在" + where.online() + "网上办理";
    }
}
