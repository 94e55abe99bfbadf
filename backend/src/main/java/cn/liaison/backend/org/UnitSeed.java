package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The reference unit tree shipped in {@code org/units.yaml}: the city, its districts and some parks. */
@Published
public final class UnitSeed {

    static final String RESOURCE = "org/units.yaml";

    private UnitSeed() {
    }

    /**
     * The unit directory on {@code mongo} with the reference tree seeded when it is empty (for the
     * command-line tools, which run without the platform).
     */
    public static io.vertx.core.Future<UnitDirectory> seeded(io.vertx.ext.mongo.MongoClient mongo) {
        MongoUnits units = new MongoUnits(mongo);
        return units.ensureIndexes().compose(v -> units.seedIfEmpty(load())).map(v -> units);
    }

    /** The units in file order, checked as a tree (every parent exists, one level up). */
    public static List<Unit> load() {
        try (InputStream in = UnitSeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Unit> units = new ArrayList<>();
            for (Object item : (List<?>) root.get("units")) {
                Map<?, ?> u = (Map<?, ?>) item;
                Object parent = u.get("parent");
                units.add(new Unit(String.valueOf(u.get("id")), String.valueOf(u.get("name")),
                        UnitLevel.valueOf(String.valueOf(u.get("level"))), parent == null ? null : parent.toString()));
            }
            UnitTree tree = UnitTree.of(units);
            units.forEach(tree::checkPlacement);
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(RESOURCE + " is not a valid unit tree: " + e.getMessage(), e);
        }
    }
}
