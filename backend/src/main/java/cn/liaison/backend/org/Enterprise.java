package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import java.util.Objects;

/**
 * An enterprise the office serves.
 *
 * @param creditCode     统一社会信用代码, checked per GB 32100-2015
 * @param districtUnitId the district unit it belongs to
 * @param parkId         the park unit, or null
 */
@Published
public record Enterprise(String id, String name, String creditCode, String districtUnitId, String parkId) {

    public Enterprise {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("enterprise name must not be empty");
        }
        CreditCode.problem(creditCode).ifPresent(problem -> {
            throw new IllegalArgumentException("credit code " + creditCode + ": " + problem);
        });
        Objects.requireNonNull(districtUnitId, "districtUnitId");
    }
}
