package cn.liaison.kb.content;

import java.util.Objects;

/**
 * One material an applicant hands in for a service item.
 *
 * @param laterUnderCommitment 容缺: may be supplied later under a written commitment
 */
public record Material(String name, MaterialForm form, int copies, String note, boolean laterUnderCommitment) {
    public Material {
        Checks.text(name, "material name");
        Objects.requireNonNull(form, "material form");
        if (copies < 1) {
            throw new IllegalArgumentException("material copies must be at least 1");
        }
        note = Checks.optionalText(note);
    }
}
