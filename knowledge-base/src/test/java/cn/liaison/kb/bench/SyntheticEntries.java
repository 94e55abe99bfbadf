package cn.liaison.kb.bench;

import cn.liaison.kb.content.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Grows a real entry list to any size for the benchmark: every synthetic entry copies a real one
 * and rewrites its title and questions with a district, a project kind and a project number, so
 * that the index holds many distinct but realistic texts.
 */
final class SyntheticEntries {
    private static final String[] DISTRICTS = {"玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区",
        "江宁区", "六合区", "溧水区", "高淳区", "江北新区", "经开区", "高新区"};
    private static final String[] KINDS = {"住宅小区", "商业综合体", "写字楼", "厂房", "仓储物流园", "学校", "医院",
        "保障房", "地下车库", "产业园", "安置房", "酒店"};
    private static final String[] PREFIXES = {"请问", "咨询一下", "我们公司", "你好，", "想了解", "麻烦问下", ""};

    private SyntheticEntries() {
    }

    static List<Entry> grow(List<Entry> real, int size, long seed) {
        Random random = new Random(seed);
        List<Entry> entries = new ArrayList<>(real);
        for (int i = entries.size(); i < size; i++) {
            Entry base = real.get(i % real.size());
            String place = DISTRICTS[random.nextInt(DISTRICTS.length)] + KINDS[random.nextInt(KINDS.length)]
                    + (i / real.size()) + "号项目";
            List<String> questions = base.questions().stream()
                    .map(q -> PREFIXES[random.nextInt(PREFIXES.length)] + place + q)
                    .toList();
            entries.add(new Entry("syn-" + i, base.kind(), base.title() + "（" + place + "）", questions,
                    base.answer(), base.topics(), base.region(), base.effective(), base.sources(), base.item()));
        }
        return entries;
    }
}
