package cn.liaison.kb.scenario;

import cn.liaison.kb.scenario.ScenarioPackage.ItemRef;
import cn.liaison.kb.scenario.ScenarioPackage.MergedMaterial;
import cn.liaison.kb.scenario.ScenarioPackage.Phase;
import cn.liaison.kb.scenario.ScenarioPackage.PhaseStep;
import java.util.List;
import java.util.stream.Collectors;

/** The package told at once (一次告知) as Chinese Markdown, without the title (the answer adds it). */
public final class PackageMarkdown {
    private PackageMarkdown() {
    }

    public static String render(ScenarioPackage pkg) {
        Scenario s = pkg.scenario();
        StringBuilder out = new StringBuilder();
        out.append("一件事一次办（").append(s.stage().label()).append("阶段）：以下 ").append(pkg.items().size())
                .append(" 个人防事项一次告知、一套材料、一表申请。\n");
        if (s.notes() != null) {
            out.append("\n").append(s.notes().strip()).append("\n");
        }
        out.append("\n### 涉及事项\n");
        pkg.items().forEach(i -> out.append("- ").append(i.title()).append("\n"));
        out.append("\n### 一套材料（每份只交一次）\n");
        List<MergedMaterial> materials = pkg.materials();
        for (int i = 0; i < materials.size(); i++) {
            MergedMaterial m = materials.get(i);
            out.append(i + 1).append(". ").append(m.name()).append("（").append(m.form().label()).append("，")
                    .append(m.copies()).append("份）");
            if (m.exempt()) {
                out.append("【免提交：通过电子证照调取】");
            } else if (m.later()) {
                out.append("【可容缺：书面承诺后补交】");
            }
            out.append("——用于：").append(titles(m.items()));
            if (!m.notes().isEmpty()) {
                out.append("；").append(String.join("；", m.notes()));
            }
            out.append("\n");
        }
        out.append("\n### 办理步骤\n");
        for (Phase phase : pkg.phases()) {
            boolean conditional = phase.steps().stream().anyMatch(st -> st.when() != null);
            out.append("第").append(phase.number()).append("步")
                    .append(phase.parallel() ? conditional ? "（以下事项同时办理，标明“适用”的按项目情况办理其一或全部）" : "（以下事项并联办理）" : "")
                    .append("：\n");
            for (PhaseStep step : phase.steps()) {
                out.append("- ").append(step.item().title());
                if (step.when() != null) {
                    out.append("（适用：").append(step.when()).append("）");
                }
                out.append("，法定 ").append(days(step.legalDays())).append("，承诺 ").append(days(step.promisedDays()));
                if (step.note() != null) {
                    out.append("。").append(step.note());
                }
                out.append("\n");
            }
        }
        out.append("\n### 办理时限（串联相加，并联取最长）\n");
        out.append("- 法定时限合计：").append(total(pkg.legalDays(), pkg.legalComplete())).append("\n");
        out.append("- 承诺时限合计：").append(total(pkg.promisedDays(), pkg.promisedComplete())).append("\n");
        out.append("\n### 收费\n");
        pkg.fees().forEach(f -> out.append("- ").append(titles(f.items())).append("：").append(f.text()).append("\n"));
        if (!pkg.online().isEmpty()) {
            out.append("\n### 网上办理\n");
            pkg.online().forEach(o -> out.append("- ").append(o.platform() == null ? "" : o.platform())
                    .append(o.url() == null ? "" : (o.platform() == null ? "" : " ") + o.url()).append("\n"));
        }
        int fields = MergedForm.fieldIds(pkg).size();
        if (fields > 0) {
            out.append("\n### 一表申请\n共 ").append(fields).append(" 项信息，每项只填一次，同时用于以上各事项。\n");
        }
        return out.toString();
    }

    private static String titles(List<ItemRef> items) {
        return items.stream().map(ItemRef::title).collect(Collectors.joining("、"));
    }

    private static String days(Integer days) {
        return days == null ? "以窗口告知为准" : days + " 个工作日";
    }

    private static String total(int days, boolean complete) {
        if (complete) {
            return days + " 个工作日";
        }
        return days == 0 ? "以受理窗口告知为准" : "已知部分 " + days + " 个工作日，其余事项以受理窗口告知为准";
    }
}
