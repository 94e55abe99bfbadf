package cn.liaison.backend.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code calendar/<year>.yaml} from the classpath: {@code holidays} as ranges
 * {@code {name, from, to}} and {@code makeUpWorkdays} as a list of dates. A year without a file has
 * no published holidays.
 */
public final class HolidayFiles {

    private HolidayFiles() {
    }

    public static Optional<HolidaySchedule> load(int year) {
        String resource = "calendar/" + year + ".yaml";
        try (InputStream in = HolidayFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return Optional.of(parse(year, root, resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    static HolidaySchedule parse(int year, Map<String, Object> root, String source) {
        if (root == null || !Integer.valueOf(year).equals(root.get("year"))) {
            throw new IllegalArgumentException("year must be " + year);
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (Object item : list(root.get("holidays"))) {
            Map<?, ?> range = (Map<?, ?>) item;
            LocalDate from = date(range.get("from"));
            LocalDate to = date(range.get("to"));
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(range.get("name") + ": 'to' is before 'from'");
            }
            from.datesUntil(to.plusDays(1)).forEach(holidays::add);
        }
        Set<LocalDate> workdays = new HashSet<>();
        for (Object item : list(root.get("makeUpWorkdays"))) {
            workdays.add(date(item));
        }
        return new HolidaySchedule(year, holidays, workdays);
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static LocalDate date(Object value) {
        if (value instanceof Date date) {
            // SnakeYAML reads an unquoted 2026-01-01 as a timestamp at UTC midnight.
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value).trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD): " + value);
        }
    }
}
