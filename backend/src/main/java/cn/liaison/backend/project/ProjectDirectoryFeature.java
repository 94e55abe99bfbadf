package cn.liaison.backend.project;

import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.store.IndexRegistry;
import io.vertx.core.Future;

/**
 * The part of the projects feature the request loop needs before it starts: the {@code projects}
 * collection's declaration, the {@link ProjectDirectory} (and {@link ProjectRefs} for the demo
 * data) and the read model {@link ProjectQueries} (reports, chat). The rest of the feature
 * ({@link ProjectsFeature}) starts after the request loop. A start that chooses its features
 * starts this part whenever it starts {@code org} (see {@code StartOptions}).
 */
public final class ProjectDirectoryFeature implements Feature {

    @Override
    public String name() {
        return "project-directory";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(ProjectCollections.PROJECTS);
        ProjectRefs refs = new ProjectRefs(platform.stores().mongo());
        platform.ports().publish(ProjectDirectory.class, refs);
        platform.ports().publish(ProjectRefs.class, refs);
        platform.ports().publish(ProjectQueries.class, new ProjectReadModel(platform.stores().mongo()));
        return IndexRegistry.apply(platform.stores().mongo(), ProjectCollections.PROJECTS);
    }
}
