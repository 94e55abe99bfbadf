package cn.liaison.backend.inspection;

import cn.liaison.backend.platform.Published;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.util.Set;

/**
 * The port the monthly summary asks for inspection figures (the report never reads the
 * inspections' collection itself): inspections of the month (registered that month, or planned for
 * it while not yet registered) per district or park and kind, per enterprise, over-cap decisions,
 * those registered without a scan, and the enterprises' ratings.
 */
@Published
public interface InspectionFigures {

    /** The key of the figures in the monthly report, and of an enterprise's count in {@code byEnterprise}. */
    String KEY = "inspections";

    /** @param unitIds the districts and parks reported on; null for all */
    Future<JsonObject> monthly(YearMonth month, Set<String> unitIds);
}
