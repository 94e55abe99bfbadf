package cn.liaison.kb.content;

import java.util.List;
import java.util.Objects;

/**
 * The structured fields of a service item (事项), enough to tell everything at once (一次性告知).
 * Time limits are in working days (工作日) and null when unknown.
 */
public record ServiceItem(
        List<String> legalBasis,
        List<Material> materials,
        List<String> steps,
        Integer legalTimeLimitDays,
        Integer promisedTimeLimitDays,
        String fee,
        Where where,
        String onlineUrl) {

    public ServiceItem {
        legalBasis = Checks.texts(legalBasis, "legalBasis");
        materials = Checks.nonEmpty(materials, "materials");
        steps = Checks.texts(Checks.nonEmpty(steps, "steps"), "steps");
        if (legalTimeLimitDays != null && legalTimeLimitDays < 0) {
            throw new IllegalArgumentException("legalTimeLimitDays must not be negative");
        }
        if (promisedTimeLimitDays != null && promisedTimeLimitDays < 0) {
            throw new IllegalArgumentException("promisedTimeLimitDays must not be negative");
        }
        fee = Checks.text(fee, "fee");
        Objects.requireNonNull(where, "where");
        onlineUrl = Checks.optionalText(onlineUrl);
    }
}
