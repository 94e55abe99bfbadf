package cn.liaison.kb.scenario;

import java.util.Objects;

/**
 * What a scenario changes about one of its items' materials, named by the material's name: e.g. under
 * 信用承诺容缺受理 a material may follow later on a written commitment.
 *
 * @param laterUnderCommitment true/false to override the items, or null to keep them
 */
public record MaterialRule(String name, Boolean laterUnderCommitment, String note) {
    public MaterialRule {
        Objects.requireNonNull(name, "material name");
    }
}
