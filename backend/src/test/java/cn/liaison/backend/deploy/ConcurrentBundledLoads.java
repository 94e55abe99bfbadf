package cn.liaison.backend.deploy;

import cn.liaison.backend.policy.PolicyRules;
import cn.liaison.backend.project.ProjectFacts;
import cn.liaison.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a JVM whose class path starts with the shaded jar (see {@link BundledContentLoadsIT}):
 * threads load the bundled knowledge base and the bundled policy rules at the same moment, round
 * after round, as a start does. Prints {@code loads ok: N} and exits 0, or prints the first error
 * and exits 1.
 *
 * <p>Usage: {@code ConcurrentBundledLoads THREADS ROUNDS}
 */
public final class ConcurrentBundledLoads {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String where = String.valueOf(PolicyRules.class.getClassLoader().getResource(PolicyRules.BUNDLED));
        if (!where.startsWith("jar:")) {
            System.out.println("not loading from a jar: " + where);
            System.exit(2);
        }
        CyclicBarrier together = new CyclicBarrier(threads);
        AtomicInteger ok = new AtomicInteger();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean knowledgeBase = t % 2 == 0;
            Thread thread = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    try {
                        together.await();
                        if (knowledgeBase) {
                            KnowledgeBase.loadBundled();
                        } else {
                            PolicyRules.loadBundled(ProjectFacts.SCHEMA);
                        }
                        ok.incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
        if (!errors.isEmpty()) {
            System.out.println("errors: " + errors.size());
            errors.get(0).printStackTrace(System.out);
            System.exit(1);
        }
        System.out.println("loads ok: " + ok.get());
        System.exit(0);
    }
}
