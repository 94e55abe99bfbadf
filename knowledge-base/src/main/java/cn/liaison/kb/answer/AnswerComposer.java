package cn.liaison.kb.answer;

import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Material;
import cn.liaison.kb.content.ServiceItem;
import cn.liaison.kb.content.Source;
import cn.liaison.kb.content.Where;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Composes the Chinese Markdown answer of an entry. A service item tells everything at once
 * (一次性告知): materials, steps, time limits, fee, legal basis and where to apply, all from its
 * structured fields; other kinds give their answer text. An entry from another region says that
 * rules vary by region and date.
 */
public final class AnswerComposer {
    /** Regions whose rules apply here as they are. */
    public static final Set<String> LOCAL_REGIONS = Set.of("南京", "江苏", "national", "全国");

    private AnswerComposer() {
    }

    public static String compose(Entry entry) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(entry.title()).append("\n\n");
        out.append(entry.answer().strip()).append("\n");
        if (entry.item() != null) {
            appendItem(out, entry.item());
        }
        if (!LOCAL_REGIONS.contains(entry.region())) {
            out.append("\n> 提示：以上内容依据").append(entry.region())
                    .append("的规定整理，各地规定和执行时间不同，请以本地人防主管部门的最新规定为准。\n");
        }
        if (entry.effective().to() != null) {
            out.append("\n有效期：").append(entry.effective().from()).append(" 至 ")
                    .append(entry.effective().to()).append("。\n");
        }
        out.append("\n来源：")
                .append(entry.sources().stream().map(Source::title).collect(Collectors.joining("；")))
                .append("\n");
        return out.toString();
    }

    private static void appendItem(StringBuilder out, ServiceItem item) {
        out.append("\n### 申请材料\n");
        List<Material> materials = item.materials();
        for (int i = 0; i < materials.size(); i++) {
            out.append(i + 1).append(". ").append(material(materials.get(i))).append("\n");
        }
        if (materials.stream().anyMatch(Material::laterUnderCommitment)) {
            out.append("\n标注“可容缺”的材料，可先签署书面承诺，受理后再补交。\n");
        }
        out.append("\n### 办理流程\n");
        for (int i = 0; i < item.steps().size(); i++) {
            out.append(i + 1).append(". ").append(item.steps().get(i)).append("\n");
        }
        out.append("\n### 办理时限\n");
        out.append("- 法定时限：").append(days(item.legalTimeLimitDays())).append("\n");
        out.append("- 承诺时限：").append(days(item.promisedTimeLimitDays())).append("\n");
        out.append("\n### 收费标准\n").append(item.fee()).append("\n");
        if (!item.legalBasis().isEmpty()) {
            out.append("\n### 办理依据\n");
            item.legalBasis().forEach(basis -> out.append("- ").append(basis).append("\n"));
        }
        out.append("\n### 办理地点\n");
        Where where = item.where();
        if (where.window() != null) {
            out.append("- 窗口办理：").append(where.window()).append("\n");
        }
        if (where.online() != null || item.onlineUrl() != null) {
            out.append("- 网上办理：").append(where.online() == null ? "" : where.online());
            if (item.onlineUrl() != null) {
                out.append(where.online() == null ? "" : "（").append(item.onlineUrl())
                        .append(where.online() == null ? "" : "）");
            }
            out.append("\n");
        }
    }

    private static String material(Material material) {
        StringBuilder line = new StringBuilder(material.name());
        line.append("（").append(material.form().label()).append("，").append(material.copies()).append("份）");
        if (material.note() != null) {
            line.append("：").append(material.note());
        }
        if (material.laterUnderCommitment()) {
            line.append("【可容缺】");
        }
        if (material.electronicLicense()) {
            line.append("【免提交：可通过电子证照调取】");
        }
        return line.toString();
    }

    private static String days(Integer days) {
        return days == null ? "以受理窗口告知为准" : days + "个工作日";
    }
}
