package cn.liaison.backend.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The schedules shipped in the jar, {@code calendar/<year>.yaml} (format: {@link ScheduleJson}). They
 * become version 1 of their year in MongoDB on first start; later years are loaded by a city admin.
 */
public final class HolidayFiles {

    private HolidayFiles() {
    }

    public static Optional<HolidaySchedule> load(int year) {
        return published(year).map(PublishedSchedule::toSchedule);
    }

    /** Every bundled year within {@link DateWindow}. */
    public static List<PublishedSchedule> bundled() {
        List<PublishedSchedule> all = new ArrayList<>();
        for (int year = DateWindow.EARLIEST.getYear(); year <= DateWindow.LATEST.getYear(); year++) {
            published(year).ifPresent(all::add);
        }
        return all;
    }

    public static Optional<PublishedSchedule> published(int year) {
        String resource = "calendar/" + year + ".yaml";
        try (InputStream in = HolidayFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(year, new Yaml(new SafeConstructor(new LoaderOptions())).load(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (ScheduleInvalid e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    static PublishedSchedule parse(int year, Map<String, Object> root) {
        if (root == null || !Integer.valueOf(year).equals(root.get("year"))) {
            throw new IllegalArgumentException("year must be " + year);
        }
        return ScheduleJson.parse(year, root);
    }
}
