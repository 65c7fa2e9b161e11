package news.masthead.embedded;

import java.nio.file.Path;

/** Run in a child JVM by EmbeddedClusterTest: starts a cluster on the given data directory and waits to be killed. */
public final class ClusterHolder {

    private ClusterHolder() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedCluster.start(Path.of(args[0]), false, false, 0);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
