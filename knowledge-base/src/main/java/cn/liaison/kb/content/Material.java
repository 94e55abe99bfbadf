package cn.liaison.kb.content;

import java.util.Objects;

/**
 * One material an applicant hands in for a service item.
 *
 * @param laterUnderCommitment 容缺: may be supplied later under a written commitment
 * @param electronicLicense    免证可办: the office fetches it from electronic licences, so it is not handed in (免提交)
 */
public record Material(String name, MaterialForm form, int copies, String note, boolean laterUnderCommitment,
                       boolean electronicLicense) {
    public Material {
        Checks.text(name, "material name");
        Objects.requireNonNull(form, "material form");
        if (copies < 1) {
            throw new IllegalArgumentException("material copies must be at least 1");
        }
        note = Checks.optionalText(note);
    }

    /** A material that is not available from electronic licences. */
    public Material(String name, MaterialForm form, int copies, String note, boolean laterUnderCommitment) {
        this(name, form, copies, note, laterUnderCommitment, false);
    }
}
